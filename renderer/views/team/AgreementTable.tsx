import type { AgreementRow } from '../../../shared/api/team';
import { formatCoefficient, formatInterval, formatShare } from '../../../shared/reliability/format';
import { COEFFICIENTS, type Coefficient } from './coefficients';
import { scaleStyle, strength } from './agreementScale';

// The agreement table: one row per code (and pooled), every coefficient; the chosen
// coefficient's column is coloured; with intervals, α's and αU's 95 % interval and
// the bootstrap probability that α lies below 0.667. Any cell opens the disagreements.

export interface TableProps {
  rows: AgreementRow[];
  pooled: AgreementRow | null;
  unitLabel: string;
  colourBy: Coefficient;
  intervals: boolean;
  openCodeId: string | null;
  onOpen: (codeId: string) => void;
  label: string;
  testId?: string;
}

export function AgreementTable({ rows, pooled, unitLabel, colourBy, intervals, openCodeId, onOpen, label, testId }: TableProps) {
  return (
    <div className="table-wrap">
      <table className="data-table agreement-table" aria-label={label} data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col" className="num">
              {unitLabel}
            </th>
            <th scope="col" className="num">
              % agreement
            </th>
            {COEFFICIENTS.map((c) => (
              <th key={c.key} scope="col" className="num" title={c.title}>
                {c.label}
              </th>
            ))}
            {intervals && (
              <>
                <th scope="col" className="num">
                  α 95 % CI
                </th>
                <th scope="col" className="num" title="Bootstrap probability that alpha lies below 0.667">
                  P(α &lt; .667)
                </th>
                <th scope="col" className="num">
                  αU 95 % CI
                </th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Row key={row.codeId} row={row} open={row.codeId === openCodeId} colourBy={colourBy} intervals={intervals} onOpen={onOpen} />
          ))}
        </tbody>
        {pooled && (
          <tfoot>
            <Row row={pooled} open={false} colourBy={colourBy} intervals={intervals} onOpen={onOpen} />
          </tfoot>
        )}
      </table>
    </div>
  );
}

function Row({
  row,
  open,
  colourBy,
  intervals,
  onOpen,
}: {
  row: AgreementRow;
  open: boolean;
  colourBy: Coefficient;
  intervals: boolean;
  onOpen: (codeId: string) => void;
}) {
  const id = row.codeId;
  // any cell of a code's row opens its disagreements
  const cellProps = id ? { onClick: () => onOpen(id), className: 'num stat jump' } : { className: 'num stat' };
  return (
    <tr className={open ? 'selected' : undefined}>
      <th scope="row">
        {id ? (
          <button
            type="button"
            className="link code-link"
            aria-expanded={open}
            onClick={() => onOpen(id)}
            title={`${row.code}: show where the coders disagree`}
          >
            <CodeName path={row.code ?? ''} />
          </button>
        ) : (
          'All codes (pooled)'
        )}
      </th>
      <td className="num">{row.units.toLocaleString()}</td>
      <td className="num">{formatShare(row.percentAgreement)}</td>
      {COEFFICIENTS.map((c) => {
        const v = row[c.key];
        return (
          <td key={c.key} {...cellProps} style={c.key === colourBy ? scaleStyle(v) : undefined} title={`${c.label}: ${formatCoefficient(v)} (${strength(v)})`}>
            {formatCoefficient(v)}
          </td>
        );
      })}
      {intervals && (
        <>
          <td {...cellProps}>{formatInterval(row.ci?.alpha)}</td>
          <td {...cellProps}>{formatCoefficient(row.pBelow?.['0.667'])}</td>
          <td {...cellProps}>{formatInterval(row.ci?.uAlpha)}</td>
        </>
      )}
    </tr>
  );
}

/** A code's name, with the path above it muted. */
function CodeName({ path }: { path: string }) {
  const cut = path.lastIndexOf('/');
  return (
    <>
      {cut > 0 && <span className="code-parent">{path.slice(0, cut + 1)}</span>}
      <span className="code-own">{path.slice(cut + 1)}</span>
    </>
  );
}

import { Fragment, useState } from 'react';
import type { PairMatrix, Presence, Summary } from '../../../shared/api/analysis';
import { api } from '../../api';
import { useFetch } from '../common/useFetch';
import { Quotations } from './Quotations';

export const PRESENCE_LABEL: Record<Presence, string> = { both: 'both', north: 'North only', south: 'South only', none: 'neither' };

type PairRow = PairMatrix['pairs'][number];

/** The case × code summaries written in the framework matrix, by case and code. */
function summaryOf(summaries: Summary[], caseId: string, codeId: string): string {
  return summaries
    .filter((s) => s.rowKind === 'case' && s.rowKey === caseId && s.columnKind === 'code' && s.columnKey === codeId)
    .map((s) => s.body)
    .join('\n\n');
}

/** Both schools of a pair, code by code: segments, each school's summary, where the code is present, and the quotations on request. */
export function PairView({ pair, codes }: { pair: PairRow; codes: PairMatrix['codes'] }) {
  const [open, setOpen] = useState<string | null>(null);
  const summaries = useFetch('summaries', () => api['analysis.summaries']({})).data ?? [];
  const sides = [pair.north, pair.south];
  return (
    <section className="pair-view" data-testid="pair-view" aria-label="Pair side by side">
      <h3>
        {pair.north.name} ↔ {pair.south.name}
      </h3>
      <table className="data-table">
        <thead>
          <tr>
            <th>code</th>
            <th>{pair.north.name} (North)</th>
            <th>{pair.south.name} (South)</th>
            <th>present in</th>
          </tr>
        </thead>
        <tbody>
          {codes.map((c, i) => (
            <Fragment key={c.id}>
              <tr>
                <th scope="row">
                  <button type="button" className="link-button" aria-expanded={open === c.id} onClick={() => setOpen(open === c.id ? null : c.id)}>
                    {c.path}
                  </button>
                </th>
                {[pair.northSegments[i], pair.southSegments[i]].map((n, side) => (
                  <td key={side}>
                    <span className="count">{n} segments</span>
                    <span className="cell-summary">{summaryOf(summaries, sides[side].id, c.id)}</span>
                  </td>
                ))}
                <td className={`presence ${pair.presence[i]}`}>{PRESENCE_LABEL[pair.presence[i]]}</td>
              </tr>
              {open === c.id && (
                <tr className="pair-quotations">
                  <td />
                  {sides.map((s) => (
                    <td key={s.id}>
                      <SideQuotations caseId={s.id} codeId={c.id} />
                    </td>
                  ))}
                  <td />
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function SideQuotations({ caseId, codeId }: { caseId: string; codeId: string }) {
  const q = useFetch(`pair-quotations|${caseId}|${codeId}`, () =>
    api['analysis.cellQuotations']({ rowKind: 'case', rowKey: caseId, codeIds: [codeId], descendants: true }),
  );
  if (q.error) return <p className="view-error">{q.error}</p>;
  return q.data ? <Quotations items={q.data} /> : null;
}

import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AgreementRow } from '../../../shared/api/team';
import { api } from '../../api';
import { plural } from '../common/files';
import { useFetch } from '../common/useFetch';
import { formatPercent, formatStat, scaleStyle, strength } from './agreementScale';
import { Disagreements } from './Disagreements';
import { filterInput, useTeam, type AgreementFilters } from './teamStore';

type Order = 'codebook' | 'alpha';

/** Agreement per code (and pooled) for the chosen coders, documents and unit; a code opens its disagreements. */
export function AgreementPanel() {
  const filters = useTeam(useShallow((s): AgreementFilters => ({ coderIds: s.coderIds, documentIds: s.documentIds, unit: s.unit })));
  const codeId = useTeam((s) => s.codeId);
  const input = useMemo(() => filterInput(filters), [filters]);
  const report = useFetch(`agreement:${JSON.stringify(input)}`, () => api['team.agreement'](input));
  const [order, setOrder] = useState<Order>('codebook');
  const rows = useMemo(() => {
    const list = [...(report.data?.codes ?? [])];
    if (order === 'alpha') list.sort((a, b) => (a.alpha ?? 2) - (b.alpha ?? 2));
    return list;
  }, [report.data, order]);
  const r = report.data;
  return (
    <>
      <AgreementFiltersForm />
      {report.error && (
        <p className="view-error" role="alert">
          {report.error}
        </p>
      )}
      {r && !report.error && (
        <>
          <div className="view-toolbar">
            <p className="view-summary" role="status" data-testid="agreement-summary">
              Agreement of {r.coders.map((c) => c.name).join(', ')} on {plural(r.documents.length, 'document')} coded by two or more of them; unit:{' '}
              {r.unit === 'char' ? 'characters' : 'speaker turns'}
            </p>
            <label className="inline-field push-right">
              <span>Order</span>
              <select value={order} onChange={(e) => setOrder(e.currentTarget.value as Order)}>
                <option value="codebook">as in the codebook</option>
                <option value="alpha">lowest alpha first</option>
              </select>
            </label>
          </div>
          <div className="table-wrap">
            <table className="data-table agreement-table" aria-label="Agreement per code" data-testid="agreement-table">
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col" className="num">
                    {r.unit === 'char' ? 'Characters' : 'Turns'}
                  </th>
                  <th scope="col" className="num">
                    % agreement
                  </th>
                  <th scope="col" className="num">
                    Cohen’s kappa
                  </th>
                  <th scope="col" className="num">
                    Krippendorff’s alpha
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <Row key={row.codeId} row={row} open={row.codeId === codeId} />
                ))}
              </tbody>
              <tfoot>
                <Row row={r.pooled} open={false} />
              </tfoot>
            </table>
          </div>
          <p className="scale-legend muted" aria-hidden>
            <span className="scale-swatch" style={scaleStyle(-0.2)} /> below 0 <span className="scale-swatch" style={scaleStyle(0)} /> 0 <span className="scale-swatch" style={scaleStyle(0.5)} /> 0.5{' '}
            <span className="scale-swatch" style={scaleStyle(1)} /> 1 — kappa and alpha; hover a value for its strength
          </p>
          {codeId && r.codes.some((c) => c.codeId === codeId) && <Disagreements codeId={codeId} filters={filters} />}
        </>
      )}
    </>
  );
}

function Row({ row, open }: { row: AgreementRow; open: boolean }) {
  const stat = (v: number | null, label: string) => (
    <td className="num stat" style={scaleStyle(v)} title={`${label}: ${formatStat(v)} (${strength(v)})`}>
      {formatStat(v)}
    </td>
  );
  return (
    <tr className={open ? 'selected' : undefined}>
      <th scope="row">
        {row.codeId ? (
          <button type="button" className="link code-link" aria-expanded={open} onClick={() => useTeam.getState().openCode(open ? null : row.codeId)} title={`${row.code}: show where the coders disagree`}>
            <CodeName path={row.code ?? ''} />
          </button>
        ) : (
          'All codes (pooled)'
        )}
      </th>
      <td className="num">{row.units.toLocaleString()}</td>
      <td className="num">{formatPercent(row.percentAgreement)}</td>
      {stat(row.kappa, 'kappa')}
      {stat(row.alpha, 'alpha')}
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

/** Which coders, which documents, and the unit (characters or speaker turns). */
function AgreementFiltersForm() {
  const filters = useTeam(useShallow((s) => ({ coderIds: s.coderIds, documentIds: s.documentIds, unit: s.unit })));
  const options = useFetch('agreement-options', async () => {
    const [coders, documents] = await Promise.all([api['team.coders']({}), api['documents.list']({})]);
    return { coders, documents };
  }).data;
  const set = useTeam.getState().setFilters;
  const toggle = (id: string) => set({ coderIds: filters.coderIds.includes(id) ? filters.coderIds.filter((c) => c !== id) : [...filters.coderIds, id] });
  return (
    <div className="view-toolbar filters agreement-filters">
      <fieldset className="inline-fieldset">
        <legend>Coders</legend>
        {options?.coders.map((c) => (
          <label key={c.id} className="check">
            <input type="checkbox" checked={filters.coderIds.includes(c.id)} onChange={() => toggle(c.id)} />
            {c.name}
            {c.consensus ? ' (consensus)' : ''}
          </label>
        ))}
        {!filters.coderIds.length && <span className="muted">none ticked: everyone who coded</span>}
      </fieldset>
      <label className="inline-field">
        <span>Documents</span>
        <select multiple size={3} value={filters.documentIds} onChange={(e) => set({ documentIds: [...e.currentTarget.selectedOptions].map((o) => o.value) })}>
          {options?.documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      {filters.documentIds.length > 0 && (
        <button type="button" className="link" onClick={() => set({ documentIds: [] })}>
          All documents
        </button>
      )}
      <fieldset className="inline-fieldset">
        <legend>Unit</legend>
        <label className="check">
          <input type="radio" name="agreement-unit" checked={filters.unit === 'char'} onChange={() => set({ unit: 'char' })} /> characters
        </label>
        <label className="check">
          <input type="radio" name="agreement-unit" checked={filters.unit === 'turn'} onChange={() => set({ unit: 'turn' })} /> speaker turns
        </label>
      </fieldset>
    </div>
  );
}

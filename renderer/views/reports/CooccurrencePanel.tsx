import { useState } from 'react';
import type { Cooccurrence, CooccurrenceUnit } from '../../../shared/api/reports';
import { FilterForm } from './FilterForm';
import { activeFilters, emptyFilter, toApiFilter, type FilterState } from './filters';
import { heat } from './heat';
import { StatusLine, useStatus } from './Status';
import type { ReportsClient } from './types';
import type { ReportData } from './useReportData';

const UNITS: Record<CooccurrenceUnit, string> = { overlap: 'overlap (one coder’s segments share text)', turn: 'fall in the same speaker turn' };

/** Which codes are applied together, within one coder's coding. */
export function CooccurrencePanel({ client, data }: { client: ReportsClient; data: ReportData }) {
  const [unit, setUnit] = useState<CooccurrenceUnit>('overlap');
  const [filter, setFilter] = useState<FilterState>(emptyFilter);
  const [result, setResult] = useState<Cooccurrence | null>(null);
  const { status, busy, track } = useStatus();
  const show = () =>
    track('show', async () => {
      setResult(await client['reports.cooccurrence']({ unit, filter: toApiFilter({ ...filter, context: 0 }) }));
      return null;
    });
  const active = activeFilters(filter);
  return (
    <section aria-label="Co-occurrence" className="reports-panel">
      <p className="reports-intro">
        How often two codes are applied together. Two coders marking the same passage is agreement, not co-occurrence, so each coder’s coding is counted on its
        own.
      </p>
      <fieldset className="reports-block">
        <legend>Codes co-occur when their segments</legend>
        {(Object.keys(UNITS) as CooccurrenceUnit[]).map((u) => (
          <label key={u} className="check">
            <input type="radio" name="cooccurrence-unit" checked={unit === u} onChange={() => setUnit(u)} /> {UNITS[u]}
          </label>
        ))}
      </fieldset>
      <details className="reports-more">
        <summary>Filters{active ? ` (${active} set)` : ''}</summary>
        <FilterForm data={data} value={filter} onChange={setFilter} showContext={false} />
      </details>
      <div className="reports-actions">
        <button type="button" className="primary" onClick={() => void show()} disabled={busy !== null}>
          {busy ? 'Counting…' : 'Show co-occurrence'}
        </button>
      </div>
      <StatusLine status={status} />
      {result && <CooccurrenceTable result={result} />}
    </section>
  );
}

function CooccurrenceTable({ result }: { result: Cooccurrence }) {
  if (result.codes.length === 0) return <p className="pane-empty">No coded segments match.</p>;
  const max = Math.max(0, ...result.counts.flatMap((row, i) => row.filter((_, j) => j !== i)));
  const name = (path: string) => path.split('/').at(-1) ?? path;
  return (
    <>
      <p className="view-summary">
        {result.codes.length} codes · the diagonal holds each code’s own {result.unit === 'overlap' ? 'segments' : 'speaker turns'}; other cells the{' '}
        {result.unit === 'overlap' ? 'overlapping pairs' : 'turns with both codes'}
      </p>
      <div className="reports-table-wrap">
        <table className="reports-table" aria-label="Code co-occurrence">
          <thead>
            <tr>
              <th scope="col">code</th>
              {result.codes.map((c) => (
                <th key={c.id} scope="col" title={c.path}>
                  {name(c.path)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.codes.map((c, i) => (
              <tr key={c.id}>
                <th scope="row" title={c.path}>
                  <span className="swatch" style={{ background: c.colour }} /> {c.path}
                </th>
                {result.counts[i].map((n, j) =>
                  i === j ? (
                    <td key={result.codes[j].id} className="reports-diagonal">
                      {n}
                    </td>
                  ) : (
                    <td key={result.codes[j].id} className="reports-heat" style={heat(n, max)}>
                      {n}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

import { useState } from 'react';
import { MATRIX_COUNTS, TABLE_FORMATS, type CodeMatrix, type MatrixCount } from '../../../shared/api/reports';
import { BarChart, plainNumber } from './BarChart';
import { FilterForm } from './FilterForm';
import { activeFilters, emptyFilter, toApiFilter, type FilterState } from './filters';
import { heat, largest } from './heat';
import { ExportButtons, ExportProgress, StatusLine, useStatus } from './Status';
import type { ChooseSavePath, ReportsClient } from './types';
import type { ReportData } from './useReportData';
import { MatrixRowsPicker } from './MatrixRowsPicker';
import { visibleRows, type RowOptions } from './matrixRows';

const COUNT_NAMES: Record<MatrixCount, string> = { segments: 'coded segments', cases: 'cases with the code', percent: '% of the group’s cases' };

/** Codes × groups of cases (e.g. continent × phase), as a table and a bar chart. */
export function MatrixPanel({ client, data, chooseSavePath }: { client: ReportsClient; data: ReportData; chooseSavePath?: ChooseSavePath }) {
  const [ticked, setTicked] = useState<string[]>([]);
  const [count, setCount] = useState<MatrixCount>('segments');
  const [aggregate, setAggregate] = useState(true);
  const [filter, setFilter] = useState<FilterState>(emptyFilter);
  const [matrix, setMatrix] = useState<CodeMatrix | null>(null);
  const [rows, setRows] = useState<RowOptions>({ choice: { kind: 'all' }, hideEmpty: false });
  const { status, busy, track, exportFile, progress, cancel } = useStatus(chooseSavePath);
  // attributes in the case sheet's order, whatever order they were ticked in
  const columns = data.attributes.map((a) => a.name).filter((n) => ticked.includes(n));
  const input = () => ({ columns, count, aggregate, filter: toApiFilter({ ...filter, context: 0 }) });
  const show = () =>
    track('show', async () => {
      setMatrix(await client['reports.matrix'](input()));
      return null;
    });
  const active = activeFilters(filter);
  return (
    <section aria-label="Matrix" className="reports-panel">
      <p className="reports-intro">
        Codes against groups of cases: tick one or more case attributes to make the columns (continent × phase gives UK-primary … Asia-all ages).
      </p>
      <div className="reports-form">
        <fieldset className="reports-block">
          <legend>Columns: cases grouped by</legend>
          {data.attributes.map((a) => (
            <label key={a.id} className="check">
              <input
                type="checkbox"
                checked={ticked.includes(a.name)}
                onChange={() => setTicked(ticked.includes(a.name) ? ticked.filter((x) => x !== a.name) : [...ticked, a.name])}
              />{' '}
              {a.name}
            </label>
          ))}
          {data.attributes.length === 0 && <p className="muted">No case attributes yet: import a case sheet in Cases to group cases.</p>}
        </fieldset>
        <fieldset className="reports-block">
          <legend>Cells count</legend>
          {MATRIX_COUNTS.map((c) => (
            <label key={c} className="check">
              <input type="radio" name="matrix-count" checked={count === c} onChange={() => setCount(c)} /> {COUNT_NAMES[c]}
            </label>
          ))}
          <label className="check reports-gap">
            <input type="checkbox" checked={aggregate} onChange={(e) => setAggregate(e.currentTarget.checked)} /> parents include their sub-codes
          </label>
        </fieldset>
        <MatrixRowsPicker codes={data.codes} value={rows} onChange={setRows} />
      </div>
      <details className="reports-more">
        <summary>Filters{active ? ` (${active} set)` : ''}</summary>
        <FilterForm data={data} value={filter} onChange={setFilter} showContext={false} />
      </details>
      <div className="reports-actions">
        <button type="button" className="primary" onClick={() => void show()} disabled={columns.length === 0 || columns.length > 4 || busy !== null}>
          {busy === 'show' ? 'Counting…' : 'Show matrix'}
        </button>
        {columns.length > 4 && <span className="view-error">Choose at most four attributes.</span>}
      </div>
      <ExportProgress progress={progress} onCancel={cancel} label="Matrix export progress" />
      <StatusLine status={status} />
      {matrix && <MatrixResult matrix={{ ...matrix, rows: visibleRows(matrix.rows, rows) }} before={matrix.rows.length} />}
      {matrix && (
        <ExportButtons
          label="Export matrix"
          formats={TABLE_FORMATS}
          busy={busy}
          onExport={(format) =>
            void exportFile(format, `Codes by ${columns.join(' x ')}.${format}`, 'code', (path, overwrite, operation) =>
              client['reports.exportMatrix']({ ...input(), format, path, overwrite, operation }),
            )
          }
        />
      )}
    </section>
  );
}

/** `before` is how many rows the matrix had before the row choice narrowed it. */
function MatrixResult({ matrix, before }: { matrix: CodeMatrix; before: number }) {
  const percent = matrix.count === 'percent';
  const cell = (v: number, i: number) => (percent && matrix.columns[i].cases === 0 ? '–' : plainNumber(v, percent ? '%' : ''));
  const paths = new Set(matrix.rows.map((r) => r.path));
  const roots = matrix.rows.filter((r) => !paths.has(r.path.split('/').slice(0, -1).join('/')));
  const max = largest(matrix.rows.map((r) => r.cells));
  if (matrix.rows.length === 0)
    return <p className="pane-empty">{before ? 'No rows left: every chosen code is empty or outside the rows chosen.' : 'No codes to show.'}</p>;
  return (
    <>
      <p className="view-summary">
        {matrix.cases.toLocaleString()} cases in {matrix.columns.length} columns · cells: {COUNT_NAMES[matrix.count]}
        {matrix.aggregate ? ', sub-codes counted in their parents' : ''}
        {matrix.rows.length < before ? ` · ${matrix.rows.length} of ${before} codes shown` : ''}
      </p>
      <div className="reports-table-wrap" role="region" aria-label="Matrix table (scrolls sideways)" tabIndex={0}>
        <table className="reports-table" aria-label={`Codes by ${matrix.attributes.join(' × ')}`}>
          <thead>
            <tr>
              <th scope="col">code</th>
              {matrix.columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                  {c.cases > 0 && (
                    <>
                      {' '}
                      <span className="reports-n">(n={c.cases})</span>
                    </>
                  )}
                </th>
              ))}
              <th scope="col">total</th>
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((r) => (
              <tr key={r.codeId} className={r.depth === 0 ? 'reports-root' : undefined}>
                <th scope="row" title={r.path} style={{ paddingLeft: `${8 + r.depth * 16}px` }}>
                  <span className="swatch" style={{ background: r.colour }} /> {r.name}
                </th>
                {r.cells.map((v, i) => (
                  <td key={matrix.columns[i].key} className="reports-heat" style={heat(v, max)}>
                    {cell(v, i)}
                  </td>
                ))}
                <td className="reports-total-cell">{plainNumber(r.total, percent ? '%' : '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {roots.length > 0 && (
        <BarChart
          title={`${COUNT_NAMES[matrix.count]} by ${matrix.attributes.join(' × ')}`}
          categories={roots.map((r) => r.path)}
          series={matrix.columns.map((c, i) => ({ label: c.label, values: roots.map((r) => r.cells[i]) }))}
          unit={percent ? '%' : undefined}
          domain={percent ? [0, 100] : undefined}
        />
      )}
    </>
  );
}

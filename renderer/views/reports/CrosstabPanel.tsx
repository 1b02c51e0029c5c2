import { useId, useState } from 'react';
import { TABLE_FORMATS, type Crosstab } from '../../../shared/api/reports';
import type { Case } from '../../../shared/types';
import { BarChart } from './BarChart';
import { heat, largest, pluralOf } from './heat';
import { ExportButtons, ExportProgress, StatusLine, useStatus } from './Status';
import type { ChooseSavePath, ReportsClient } from './types';
import type { ReportData } from './useReportData';

const NOT_SET = '(not set)';

/** Cases by one or two attributes against one or two others, with totals — the report's Table 1. */
export function CrosstabPanel({ client, data, chooseSavePath }: { client: ReportsClient; data: ReportData; chooseSavePath?: ChooseSavePath }) {
  const names = data.attributes.map((a) => a.name);
  const [choice, setChoice] = useState({ rows: names[0] ?? '', rowsThen: '', cols: names[1] ?? names[0] ?? '', colsThen: '' });
  const [shown, setShown] = useState<{ table: Crosstab; rows: string[]; cols: string[] } | null>(null);
  const { status, busy, track, exportFile, progress, cancel } = useStatus(chooseSavePath);
  const id = useId();
  // a choice whose attribute has gone (renamed, deleted) falls back to none
  const known = (n: string) => (names.includes(n) ? n : '');
  const rows = [known(choice.rows), known(choice.rowsThen)].filter(Boolean);
  const cols = [known(choice.cols), known(choice.colsThen)].filter(Boolean);
  const ready = rows.length > 0 && cols.length > 0;
  const show = () =>
    track('show', async () => {
      setShown({ table: await client['reports.crosstab']({ rows, cols }), rows, cols });
      return null;
    });
  const pick = (label: string, key: keyof typeof choice, optional: boolean) => (
    <span className="inline-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={known(choice[key])} onChange={(e) => setChoice({ ...choice, [key]: e.currentTarget.value })}>
        {optional ? <option value="">—</option> : !known(choice[key]) && <option value="">choose…</option>}
        {names.map((n) => (
          <option key={n}>{n}</option>
        ))}
      </select>
    </span>
  );
  return (
    <section aria-label="Case cross-tab" className="reports-panel">
      <p className="reports-intro">
        Counts of cases by their attributes, with totals — e.g. rows continent then country, columns phase, for the report’s Table 1.
      </p>
      {names.length === 0 ? (
        <p className="muted">No case attributes yet: import a case sheet in Cases.</p>
      ) : (
        <div className="view-toolbar filters">
          {pick('Rows', 'rows', false)}
          {pick('then by', 'rowsThen', true)}
          {pick('Columns', 'cols', false)}
          {pick('and by', 'colsThen', true)}
          <button type="button" className="primary" onClick={() => void show()} disabled={!ready || busy !== null}>
            Show cross-tab
          </button>
        </div>
      )}
      <ExportProgress progress={progress} onCancel={cancel} label="Crosstab export progress" />
      <StatusLine status={status} />
      {shown && <CrosstabTable {...shown} cases={data.cases} />}
      {shown && (
        <ExportButtons
          label="Export cross-tab"
          formats={TABLE_FORMATS}
          busy={busy}
          onExport={(format) =>
            void exportFile(format, `Cases by ${shown.rows.join(' x ')} and ${shown.cols.join(' x ')}.${format}`, 'row', (path, overwrite, operation) =>
              client['reports.exportCrosstab']({ rows: shown.rows, cols: shown.cols, format, path, overwrite, operation }),
            )
          }
        />
      )}
    </section>
  );
}

/** Row labels split back into one column per attribute ("Africa-Kenya" → Africa | Kenya), using the cases' own values. */
export function splitLabels(cases: Case[], attrs: string[], labels: string[]): string[][] {
  const known = new Map<string, string[]>();
  for (const c of cases) {
    const values = attrs.map((a) => c.attributes[a] || NOT_SET);
    known.set(values.join('-'), values);
  }
  return labels.map((l) => known.get(l) ?? [...attrs.slice(1).map(() => ''), l]);
}

function CrosstabTable({ table, rows, cols, cases }: { table: Crosstab; rows: string[]; cols: string[]; cases: Case[] }) {
  const labels = splitLabels(
    cases,
    rows,
    table.rows.map((r) => r.row),
  );
  const max = largest(table.rows.map((r) => table.columns.map((c) => r.cells[c])));
  const lastAttr = rows[rows.length - 1];
  // the outer attribute spans its rows (Africa over Ghana … Uganda)
  const span = (i: number) => {
    if (rows.length < 2 || (i > 0 && labels[i - 1][0] === labels[i][0])) return 0;
    let n = 1;
    while (i + n < labels.length && labels[i + n][0] === labels[i][0]) n++;
    return n;
  };
  return (
    <>
      <p className="view-summary">
        {table.totals.total.toLocaleString()} cases · {table.rows.length} {pluralOf(lastAttr, table.rows.length)} · {table.columns.length}{' '}
        {pluralOf(cols.join('-'), table.columns.length)}
      </p>
      <div className="reports-table-wrap">
        <table className="reports-table reports-crosstab" aria-label={`Cases by ${rows.join(' × ')} and ${cols.join(' × ')}`}>
          <thead>
            <tr>
              {rows.map((r) => (
                <th key={r} scope="col" className="reports-label">
                  {r}
                </th>
              ))}
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
              <th scope="col">total</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={r.row}>
                {rows.length > 1 && span(i) > 0 && (
                  <th scope="rowgroup" rowSpan={span(i)} className="reports-group">
                    {labels[i][0]}
                  </th>
                )}
                <th scope="row">{labels[i][rows.length - 1]}</th>
                {table.columns.map((c) => (
                  <td key={c} className="reports-heat" style={heat(r.cells[c], max)}>
                    {r.cells[c]}
                  </td>
                ))}
                <td className="reports-total-cell">{r.total}</td>
              </tr>
            ))}
            <tr className="reports-total">
              <th scope="row" colSpan={rows.length}>
                Total ({table.rows.length} {pluralOf(lastAttr, table.rows.length)})
              </th>
              {table.columns.map((c) => (
                <td key={c}>{table.totals[c]}</td>
              ))}
              <td>{table.totals.total}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {table.rows.length <= 40 && (
        <BarChart
          title={`Cases by ${rows.join(' × ')} and ${cols.join(' × ')}`}
          categories={table.rows.map((r) => r.row)}
          series={table.columns.map((c) => ({ label: c, values: table.rows.map((r) => r.cells[c]) }))}
        />
      )}
    </>
  );
}

import { useState } from 'react';
import type { CodeCoderTable } from '../../../shared/api/reports';
import { useFetch } from '../common/useFetch';
import { AgreementSection } from './AgreementSection';
import { BarChart } from './BarChart';
import { heat, largest } from './heat';
import type { ReportsClient } from './types';
import type { ReportData } from './useReportData';

/** Code × coder counts with a chart, and agreement per code when several people coded. */
export function CodersPanel({ client, data }: { client: ReportsClient; data: ReportData }) {
  const { data: table, error } = useFetch('code-coder', () => client['reports.codeCoder']({}));
  return (
    <section aria-label="Coders" className="reports-panel">
      <p className="reports-intro">Segments each coder applied with each code (sub-codes counted on their own).</p>
      {error && (
        <p className="view-error" role="alert">
          {error}
        </p>
      )}
      {table && <CodeCoder table={table} />}
      {data.coders.length > 1 ? (
        <AgreementSection client={client} coders={data.coders} />
      ) : (
        <p className="muted">Agreement per code appears here once two or more coders have coded the same documents.</p>
      )}
    </section>
  );
}

function CodeCoder({ table }: { table: CodeCoderTable }) {
  const [chart, setChart] = useState(true);
  if (table.rows.length === 0) return <p className="pane-empty">Nothing has been coded yet.</p>;
  const max = largest(table.rows.map((r) => r.cells));
  return (
    <>
      <div className="reports-table-wrap">
        <table className="reports-table" aria-label="Segments by code and coder">
          <thead>
            <tr>
              <th scope="col">code</th>
              {table.coders.map((c) => (
                <th key={c.id} scope="col">
                  {c.name}
                </th>
              ))}
              <th scope="col">total</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.codeId}>
                <th scope="row" title={r.path} style={{ paddingLeft: `${8 + r.depth * 16}px` }}>
                  {r.path.split('/').at(-1)}
                </th>
                {r.cells.map((n, i) => (
                  <td key={table.coders[i].id} className="reports-heat" style={heat(n, max)}>
                    {n}
                  </td>
                ))}
                <td className="reports-total-cell">{r.total}</td>
              </tr>
            ))}
            <tr className="reports-total">
              <th scope="row">Total</th>
              {table.totals.map((n, i) => (
                <td key={table.coders[i].id}>{n}</td>
              ))}
              <td>{table.totals.reduce((a, b) => a + b, 0)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <label className="check reports-gap">
        <input type="checkbox" checked={chart} onChange={(e) => setChart(e.currentTarget.checked)} /> chart
      </label>
      {chart && (
        <BarChart
          title="Segments by code and coder"
          categories={table.rows.map((r) => r.path)}
          series={table.coders.map((c, i) => ({ label: c.name, values: table.rows.map((r) => r.cells[i]) }))}
        />
      )}
    </>
  );
}

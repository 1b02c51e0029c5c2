import { useState } from 'react';
import type { AgreementReport, AgreementRow, AgreementUnit } from '../../../shared/api/team';
import type { Coder } from '../../../shared/types';
import { formatCoefficient, formatShare } from '../../../shared/reliability/format';
import { BarChart } from './BarChart';
import { StatusLine, useStatus } from './Status';
import type { ReportsClient } from './types';

const UNITS: Record<AgreementUnit, string> = { char: 'characters', turn: 'speaker turns' };

// One formatting of agreement values in every view and export: 3 decimals, "—" when undefined.
const decimal = formatCoefficient;
const percent = formatShare;

/** Inter-coder agreement per code (documents coded by two or more of the coders), as a table and a chart. */
export function AgreementSection({ client, coders }: { client: ReportsClient; coders: Coder[] }) {
  const [unit, setUnit] = useState<AgreementUnit>('char');
  const [report, setReport] = useState<AgreementReport | null>(null);
  const { status, busy, track } = useStatus();
  const compute = () =>
    track('agreement', async () => {
      setReport(await client['team.agreement']({ unit }));
      return null;
    });
  return (
    <div className="reports-subsection">
      <h3>Agreement per code</h3>
      <div className="view-toolbar">
        <div role="radiogroup" aria-label="Compare" className="reports-radios">
          <span className="reports-actions-label">Compare</span>
          {(Object.keys(UNITS) as AgreementUnit[]).map((u) => (
            <label key={u} className="check">
              <input type="radio" name="agreement-unit" checked={unit === u} onChange={() => setUnit(u)} /> {UNITS[u]}
            </label>
          ))}
        </div>
        <button type="button" onClick={() => void compute()} disabled={busy !== null}>
          {busy ? 'Computing…' : `Compute agreement (${coders.length} coders)`}
        </button>
      </div>
      <StatusLine status={status} />
      {report && <AgreementResult report={report} />}
    </div>
  );
}

function AgreementResult({ report }: { report: AgreementReport }) {
  const two = report.coders.length === 2;
  const coefficient = (r: AgreementRow) => (two ? r.kappa : r.alpha);
  const name = two ? 'Cohen’s κ' : 'Krippendorff’s α';
  const values = report.codes.map(coefficient).filter((v): v is number => v !== null);
  return (
    <>
      <p className="view-summary">
        {report.coders.map((c) => c.name).join(', ')} · {report.documents.length} documents coded by two or more · units: {UNITS[report.unit]}
      </p>
      {report.codes.length === 0 ? (
        <p className="pane-empty">No code was applied in the documents these coders share.</p>
      ) : (
        <>
          <div className="reports-table-wrap">
            <table className="reports-table" aria-label="Agreement per code">
              <thead>
                <tr>
                  <th scope="col">code</th>
                  <th scope="col">{UNITS[report.unit]}</th>
                  <th scope="col">% agreement</th>
                  <th scope="col">Cohen’s κ</th>
                  <th scope="col">Krippendorff’s α</th>
                </tr>
              </thead>
              <tbody>
                {[...report.codes, report.pooled].map((r) => (
                  <tr key={r.codeId ?? 'pooled'} className={r.code === null ? 'reports-total' : undefined}>
                    <th scope="row">{r.code ?? 'All codes (pooled)'}</th>
                    <td>{r.units.toLocaleString()}</td>
                    <td>{percent(r.percentAgreement)}</td>
                    <td>{decimal(r.kappa)}</td>
                    <td>{decimal(r.alpha)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <BarChart
            title={`Agreement per code: ${name}`}
            categories={report.codes.map((r) => r.code ?? '')}
            series={[{ label: name, values: report.codes.map(coefficient) }]}
            domain={[Math.min(0, ...values), 1]}
            references={[
              { value: 0.667, label: '.67' },
              { value: 0.8, label: '.80' },
            ]}
            format={formatCoefficient}
          />
          <p className="muted">Dashed lines: .67 (tentative conclusions) and .80 (reliable), Krippendorff’s usual thresholds.</p>
        </>
      )}
    </>
  );
}

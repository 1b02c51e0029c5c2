import { formatCoefficient as fmt } from '../../../shared/reliability/format';
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { api } from '../../api';
import { plural } from '../common/files';
import { useFetch } from '../common/useFetch';
import { AgreementFiltersForm } from './AgreementFilters';
import { AgreementTable } from './AgreementTable';
import { scaleStyle } from './agreementScale';
import { COEFFICIENTS, type Coefficient } from './coefficients';
import { Disagreements } from './Disagreements';
import { DocumentBreakdown } from './DocumentBreakdown';
import { ReliabilityTools } from './ReliabilityTools';
import { filterInput, useTeam, type AgreementFilters } from './teamStore';

type Order = 'codebook' | 'lowest';

/** Bootstrap draws for the intervals; the seed is fixed so the figures repeat. */
const DRAWS = 1000;

/** Agreement per code (and pooled, and per document) for the chosen coders, documents and unit; any cell opens its disagreements. */
export function AgreementPanel() {
  const filters = useTeam(useShallow((s): AgreementFilters => ({ coderIds: s.coderIds, documentIds: s.documentIds, unit: s.unit })));
  const codeId = useTeam((s) => s.codeId);
  // view state kept here, not in the store: it belongs to this panel alone
  const [order, setOrder] = useState<Order>('codebook');
  const [colourBy, setColourBy] = useState<Coefficient>('alpha');
  const [intervals, setIntervals] = useState(false);
  const [byDocument, setByDocument] = useState(false);
  const [sample, setSample] = useState<string | null>(null);
  const [scope, setScope] = useState<string | null>(null);
  const input = useMemo(
    () => ({
      ...filterInput(filters),
      ...(sample ? { sample } : {}),
      ...(intervals ? { ci: DRAWS, seed: 1 } : {}),
      ...(byDocument ? { byDocument: true } : {}),
    }),
    [filters, sample, intervals, byDocument],
  );
  const report = useFetch(`agreement:${JSON.stringify(input)}`, () => api['team.agreement'](input));
  const rows = useMemo(() => {
    const list = [...(report.data?.codes ?? [])];
    if (order === 'lowest') list.sort((a, b) => (a[colourBy] ?? 2) - (b[colourBy] ?? 2));
    return list;
  }, [report.data, order, colourBy]);
  const open = (id: string, documentId: string | null = null) => {
    const same = id === codeId && documentId === scope;
    setScope(same ? null : documentId);
    useTeam.getState().openCode(same ? null : id);
  };
  const r = report.data;
  const scoped: AgreementFilters = scope ? { ...filters, documentIds: [scope] } : filters;
  const chosen = COEFFICIENTS.find((c) => c.key === colourBy)!;
  return (
    <>
      <AgreementFiltersForm />
      <ReliabilityTools sample={sample} onSample={setSample} filters={filters} intervals={intervals} />
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
              {r.sample ? `; sample “${r.sample.name}”` : ''}
            </p>
            <label className="inline-field push-right">
              <span>Colour by</span>
              <select value={colourBy} onChange={(e) => setColourBy(e.currentTarget.value as Coefficient)}>
                {COEFFICIENTS.map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline-field">
              <span>Order</span>
              <select value={order} onChange={(e) => setOrder(e.currentTarget.value as Order)}>
                <option value="codebook">as in the codebook</option>
                <option value="lowest">lowest {chosen.label} first</option>
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={intervals} onChange={(e) => setIntervals(e.currentTarget.checked)} /> 95 % intervals
            </label>
            <label className="check">
              <input type="checkbox" checked={byDocument} onChange={(e) => setByDocument(e.currentTarget.checked)} /> per document
            </label>
          </div>
          <AgreementTable
            rows={rows}
            pooled={r.pooled}
            unitLabel={r.unit === 'char' ? 'Characters' : 'Turns'}
            colourBy={colourBy}
            intervals={!!r.bootstrap}
            openCodeId={scope ? null : codeId}
            onOpen={(id) => open(id)}
            label="Agreement per code"
            testId="agreement-table"
          />
          <p className="scale-legend muted" aria-hidden>
            <span className="scale-swatch" style={scaleStyle(-0.2)} /> below 0 <span className="scale-swatch" style={scaleStyle(0)} /> 0{' '}
            <span className="scale-swatch" style={scaleStyle(0.5)} /> 0.5 <span className="scale-swatch" style={scaleStyle(1)} /> 1 — colour: {chosen.label};
            “—”: undefined for these data; any cell shows where the coders disagree
          </p>
          <p className="muted" data-testid="unitizing-summary">
            Unitizing, all codes (Krippendorff et al. 2016): uα {fmt(r.pooled.uAlpha2016)}, |uα {fmt(r.pooled.binaryUAlpha)}, cuα {fmt(r.pooled.cuAlpha)}; Cuα
            (cuα over code families) {fmt(r.pooled.CuAlpha)}
            {r.bootstrap ? ` · intervals: ${r.bootstrap.draws.toLocaleString()} bootstrap resamples of documents, seed ${r.bootstrap.seed}` : ''}
          </p>
          {r.byDocument && <DocumentBreakdown documents={r.byDocument} colourBy={colourBy} unit={r.unit} open={{ codeId, documentId: scope }} onOpen={open} />}
          {codeId && r.codes.some((c) => c.codeId === codeId) && <Disagreements codeId={codeId} filters={scoped} />}
        </>
      )}
    </>
  );
}

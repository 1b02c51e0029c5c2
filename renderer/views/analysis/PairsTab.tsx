import { useState } from 'react';
import type { Presence } from '../../../shared/api/analysis';
import type { Case, Code } from '../../../shared/types';
import { api } from '../../api';
import { useFetch } from '../common/useFetch';
import { PartnerCell, usePartners } from '../cases/PartnerCell';
import { ExportBar } from './ExportBar';

const LABEL: Record<Presence, string> = { both: 'both', north: 'North only', south: 'South only', none: 'neither' };

/** Partner pairs (set here), the pairs × codes matrix, and one pair side by side. */
export function PairsTab({ cases, codes }: { cases: Case[]; codes: Code[] }) {
  const [branch, setBranch] = useState(codes.find((c) => c.parentId === null)?.id ?? '');
  const [open, setOpen] = useState<string | null>(null);
  const codeIds = codes.filter((c) => c.parentId === branch).map((c) => c.id);
  const matrix = useFetch(`pair-matrix|${branch}`, () => api['analysis.pairMatrix']({ codeIds: codeIds.length ? codeIds : undefined, descendants: true }));
  const partners = usePartners();
  const m = matrix.data;
  const shown = m?.pairs.find((p) => p.id === open);
  return (
    <div className="pairs">
      <div className="view-toolbar filters">
        <label>
          Codes{' '}
          <select aria-label="Pair matrix codes" value={branch} onChange={(e) => setBranch(e.target.value)}>
            {codes
              .filter((c) => codes.some((k) => k.parentId === c.id))
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.path}
                </option>
              ))}
          </select>
        </label>
        <ExportBar request={{ what: 'pairMatrix' }} formats={['xlsx', 'docx']} name="pair-matrix" what="the pair matrix (all codes)" />
        {m && (
          <span className="view-summary">
            {m.pairs.length} pair{m.pairs.length === 1 ? '' : 's'} · North: {m.north.attribute} = {m.north.value}
          </span>
        )}
      </div>
      {m && m.unsided.length > 0 && <p className="notice">Left out: {m.unsided.join('; ')}</p>}
      {m && m.pairs.length > 0 && (
        <div className="matrix-scroll">
          <table className="data-table pair-matrix" data-testid="pair-matrix">
            <thead>
              <tr>
                <th>North</th>
                <th>South</th>
                {m.codes.map((c) => (
                  <th key={c.id} title={c.path}>
                    {c.path.split('/').pop()}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {m.pairs.map((p) => (
                <tr key={p.id} className={open === p.id ? 'selected' : ''}>
                  <th scope="row">
                    <button type="button" className="link-button" onClick={() => setOpen(p.id)}>
                      {p.north.name}
                    </button>
                  </th>
                  <td>{p.south.name}</td>
                  {p.presence.map((v, i) => (
                    <td key={m.codes[i].id} className={`presence ${v}`} title={`${LABEL[v]}: ${p.northSegments[i]} / ${p.southSegments[i]} segments`}>
                      {LABEL[v]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown && m && (
        <section className="pair-view" data-testid="pair-view" aria-label="Pair side by side">
          <h3>
            {shown.north.name} ↔ {shown.south.name}
          </h3>
          <table className="data-table">
            <thead>
              <tr>
                <th>code</th>
                <th>{shown.north.name}</th>
                <th>{shown.south.name}</th>
                <th>present in</th>
              </tr>
            </thead>
            <tbody>
              {m.codes.map((c, i) => (
                <tr key={c.id}>
                  <th scope="row">{c.path}</th>
                  <td>{shown.northSegments[i]}</td>
                  <td>{shown.southSegments[i]}</td>
                  <td className={`presence ${shown.presence[i]}`}>{LABEL[shown.presence[i]]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <details className="view-section">
        <summary>
          Partners ({partners.size / 2} pair{partners.size === 2 ? '' : 's'})
        </summary>
        <table className="data-table" data-testid="partners">
          <tbody>
            {cases.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                <td>
                  <PartnerCell c={c} cases={cases} partners={partners} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

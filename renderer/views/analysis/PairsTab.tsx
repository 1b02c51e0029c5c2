import { useState } from 'react';
import type { Case, Code } from '../../../shared/types';
import { api } from '../../api';
import { useFetch } from '../common/useFetch';
import { PartnerCell, usePartners } from '../cases/PartnerCell';
import { AttributeFilter, NO_FILTER, whereOf } from './AttributeFilter';
import { ExportBar } from './ExportBar';
import { PairView, PRESENCE_LABEL } from './PairView';

/** Partner pairs (set here), the pairs × codes matrix, and one pair side by side. */
export function PairsTab({ cases, codes }: { cases: Case[]; codes: Code[] }) {
  const [branch, setBranch] = useState(codes.find((c) => c.parentId === null)?.id ?? '');
  const [open, setOpen] = useState<string | null>(null);
  const [filter, setFilter] = useState(NO_FILTER);
  const codeIds = codes.filter((c) => c.parentId === branch).map((c) => c.id);
  // a pair attribute (e.g. high momentum) is read from the pair's Northern school
  const spec = {
    codeIds: codeIds.length ? codeIds : undefined,
    descendants: true,
    where: whereOf(filter),
  };
  const matrix = useFetch(`pair-matrix|${JSON.stringify(spec)}`, () => api['analysis.pairMatrix'](spec));
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
        <AttributeFilter cases={cases} value={filter} onChange={setFilter} label="Pairs where" noun="pairs" />
        <ExportBar request={{ what: 'pairMatrix', pairMatrix: spec }} formats={['xlsx', 'docx']} name="pair-matrix" what="the pair matrix" rows="pair" />
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
                    <td key={m.codes[i].id} className={`presence ${v}`} title={`${PRESENCE_LABEL[v]}: ${p.northSegments[i]} / ${p.southSegments[i]} segments`}>
                      {PRESENCE_LABEL[v]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown && m && <PairView key={shown.id} pair={shown} codes={m.codes} />}
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

import { useMemo, useState } from 'react';
import { DOCUMENT_KINDS, type Case, type DocumentKind, type DocumentSummary } from '../../../shared/types';
import { api } from '../../api';
import { useProject } from '../../store/project';
import { ShowMore, usePaged } from '../common/paged';

const update = (id: string, change: { caseId?: string | null; kind?: DocumentKind }) =>
  useProject.getState().write(() => api['documents.update']({ id, ...change }));

/** Each document's case and kind, changed with a select; a filter box for long lists. */
export function DocumentCases({ documents, cases }: { documents: DocumentSummary[]; cases: Case[] }) {
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f ? documents.filter((d) => d.name.toLowerCase().includes(f) || (d.caseName ?? 'no case').toLowerCase().includes(f)) : documents;
  }, [documents, filter]);
  const { visible, left, showMore } = usePaged(shown, filter);
  const unassigned = documents.filter((d) => !d.caseId).length;
  return (
    <section className="view-section" aria-labelledby="document-cases-heading">
      <div className="view-toolbar">
        <h3 id="document-cases-heading">Documents and their cases</h3>
        <span className="muted">{unassigned ? `${unassigned} without a case` : 'every document has a case'}</span>
        <input type="search" aria-label="Filter documents" placeholder="Filter documents" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />
      </div>
      {!documents.length ? (
        <p className="pane-empty">No documents yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" aria-labelledby="document-cases-heading" data-testid="document-cases">
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Kind</th>
                <th scope="col">Case</th>
              </tr>
            </thead>
            <tbody>
              {visible.map((d) => (
                <tr key={d.id}>
                  <th scope="row" className="doc-cell">
                    {d.name}
                  </th>
                  <td>
                    <select
                      aria-label={`Kind of ${d.name}`}
                      value={d.kind}
                      onChange={(e) => void update(d.id, { kind: e.currentTarget.value as DocumentKind })}
                    >
                      {DOCUMENT_KINDS.map((k) => (
                        <option key={k}>{k}</option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={`Case of ${d.name}`}
                      value={d.caseId ?? ''}
                      onChange={(e) => void update(d.id, { caseId: e.currentTarget.value || null })}
                    >
                      <option value="">No case</option>
                      {cases.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ShowMore left={left} onClick={showMore} what="document" />
    </section>
  );
}

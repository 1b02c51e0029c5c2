import { useMemo, useState } from 'react';
import type { DocumentKind, DocumentSummary } from '../../../shared/types';
import { useDocuments } from '../../store/documents';
import { useUi } from '../../store/ui';
import { DocumentDialog } from '../documents/DocumentDialog';
import '../documents/documents.css';

type Grouping = 'case' | 'kind';

const KIND_BADGE: Record<DocumentKind, string> = { 'focus group': 'FG', interview: 'IN', 'student workshop': 'SW', observation: 'OB', other: '··' };

function groupsOf(docs: readonly DocumentSummary[], by: Grouping): [string, DocumentSummary[]][] {
  const map = new Map<string, DocumentSummary[]>();
  for (const d of docs) {
    const key = by === 'case' ? (d.caseName ?? 'No case') : d.kind;
    map.set(key, [...(map.get(key) ?? []), d]);
  }
  return [...map.entries()].sort(([a], [b]) => (a === 'No case' ? 1 : b === 'No case' ? -1 : a.localeCompare(b)));
}

/** Documents grouped by case or by kind, with how much of each is coded. */
export function DocumentList() {
  const list = useDocuments((s) => s.list);
  const currentId = useDocuments((s) => s.currentId);
  const [by, setBy] = useState<Grouping>('case');
  const groups = useMemo(() => groupsOf(list, by), [list, by]);
  const [editing, setEditing] = useState<string | null>(null);
  const editingDoc = list.find((d) => d.id === editing);
  return (
    <div className="doc-list-wrap">
      <div className="pane-head">
        <h2 id="documents-heading">Documents</h2>
        <select aria-label="Group documents by" value={by} onChange={(e) => setBy(e.target.value as Grouping)}>
          <option value="case">by case</option>
          <option value="kind">by kind</option>
        </select>
        <button
          type="button"
          className="icon-button"
          data-testid="import-button"
          title="Import transcripts"
          aria-label="Import transcripts"
          onClick={() => useUi.getState().setImporting(true)}
        >
          ⤓
        </button>
      </div>
      {!list.length && (
        <p className="pane-empty">
          No documents yet.{' '}
          <button type="button" className="link" onClick={() => useUi.getState().setImporting(true)}>
            Import transcripts…
          </button>
        </p>
      )}
      <div className="doc-list">
        {groups.map(([group, docs]) => (
          <section key={group} aria-label={`${group}: ${docs.length} document${docs.length === 1 ? '' : 's'}`} className="doc-group">
            <h3 className="doc-group-name" aria-hidden>
              <span>{group}</span>
              <span className="count">{docs.length}</span>
            </h3>
            <ul className="doc-items">
              {docs.map((d) => (
                <li key={d.id} className={`doc-row${d.id === currentId ? ' selected' : ''}`}>
                  <button
                    type="button"
                    aria-current={d.id === currentId ? 'true' : undefined}
                    data-testid="doc-item"
                    className="doc-item"
                    onClick={() => void useDocuments.getState().select(d.id)}
                    title={`${d.name}\n${d.kind} · ${d.turns} turns · ${d.segments} coded segments`}
                  >
                    <span className={`doc-kind kind-${d.kind.replace(/\s/g, '-')}`} aria-hidden>
                      {KIND_BADGE[d.kind]}
                    </span>
                    <span className="doc-name">{d.name}</span>
                    <span className="count">{d.segments ? <span aria-label={`${d.segments} coded segments`}>{d.segments}</span> : null}</span>
                  </button>
                  <button
                    type="button"
                    className="icon-button doc-edit"
                    aria-label={`Rename, move or delete ${d.name}`}
                    title="Rename, change kind or case, delete"
                    data-testid="doc-edit"
                    onClick={() => setEditing(d.id)}
                  >
                    ✎
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {editingDoc && <DocumentDialog doc={editingDoc} onClose={() => setEditing(null)} />}
    </div>
  );
}

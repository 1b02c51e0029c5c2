import { useMemo, useState } from 'react';
import type { DocumentSummary } from '../../../shared/types';
import { useDocuments } from '../../store/documents';
import { useUi } from '../../store/ui';

type Grouping = 'case' | 'kind';

function groupsOf(docs: readonly DocumentSummary[], by: Grouping): [string, DocumentSummary[]][] {
  const map = new Map<string, DocumentSummary[]>();
  for (const d of docs) {
    const key = by === 'case' ? d.caseName ?? 'No case' : d.kind;
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
  return (
    <div className="doc-list-wrap">
      <div className="pane-head">
        <h2 id="documents-heading">Documents</h2>
        <select aria-label="Group documents by" value={by} onChange={(e) => setBy(e.target.value as Grouping)}>
          <option value="case">by case</option>
          <option value="kind">by kind</option>
        </select>
        <button type="button" className="icon-button" data-testid="import-button" title="Import transcripts" aria-label="Import transcripts" onClick={() => useUi.getState().setImporting(true)}>
          ⤓
        </button>
      </div>
      {!list.length && (
        <p className="pane-empty">
          No documents yet. <button type="button" className="link" onClick={() => useUi.getState().setImporting(true)}>Import transcripts…</button>
        </p>
      )}
      <div className="doc-list" role="listbox" aria-labelledby="documents-heading">
        {groups.map(([group, docs]) => (
          <div key={group} role="group" aria-label={group} className="doc-group">
            <div className="doc-group-name">
              <span>{group}</span>
              <span className="count">{docs.length}</span>
            </div>
            {docs.map((d) => (
              <div
                key={d.id}
                role="option"
                tabIndex={0}
                aria-selected={d.id === currentId}
                data-testid="doc-item"
                className={`doc-item${d.id === currentId ? ' selected' : ''}`}
                onClick={() => void useDocuments.getState().select(d.id)}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), void useDocuments.getState().select(d.id))}
                title={`${d.name}\n${d.kind} · ${d.turns} turns · ${d.segments} coded segments`}
              >
                <span className={`doc-kind kind-${d.kind.replace(/\s/g, '-')}`} aria-hidden>
                  {d.kind === 'focus group' ? 'FG' : d.kind === 'interview' ? 'IN' : d.kind === 'student workshop' ? 'SW' : d.kind === 'observation' ? 'OB' : '··'}
                </span>
                <span className="doc-name">{d.name}</span>
                <span className="count" aria-label={`${d.segments} coded segments`}>{d.segments || ''}</span>
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

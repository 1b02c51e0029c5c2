import { useMemo, useState } from 'react';
import type { MemoTarget } from '../../../shared/types';
import { api } from '../../api';
import { useCodebook } from '../../store/codebook';
import { useDocuments } from '../../store/documents';
import { plural } from '../common/files';
import { useFetch } from '../common/useFetch';
import { MemoEditor } from './MemoEditor';
import { draft, GROUPS, matches, memoItems, type MemoItem } from './memoItems';
import '../views.css';

/** Which memo is open: `session` changes only when the researcher picks another, so saving a new memo keeps the editor. */
interface Open {
  key: string;
  session: number;
  draft?: MemoItem;
}

let sessions = 0;

/** Memos on the project, documents, codes, cases and coded passages: a list grouped by what they are about, and an editor. */
export function MemosView() {
  const codes = useCodebook((s) => s.codes);
  const selectedCode = useCodebook((s) => s.codes.find((c) => c.id === s.selectedId) ?? null);
  const currentDoc = useDocuments((s) => s.list.find((d) => d.id === s.currentId) ?? null);
  const { data, error } = useFetch('memos', async () => {
    const [memos, documents, cases, segments] = await Promise.all([
      api['memos.list']({}),
      api['documents.list']({}),
      api['cases.list']({}),
      api['segments.list']({ withMemo: true }),
    ]);
    return { memos, documents, cases, segments };
  });
  const items = useMemo(() => (data ? memoItems({ ...data, codes }) : []), [data, codes]);
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<Open | null>(null);
  const shown = items.filter((i) => matches(i, filter));
  const current = open ? (items.find((i) => i.key === open.key) ?? open.draft ?? null) : null;
  const start = (target: MemoTarget, targetId: string | null, about: string) => {
    const d = draft(target, targetId, about);
    setOpen({ key: d.key, session: ++sessions, draft: d });
  };

  return (
    <section className="view-scroll view-page" aria-labelledby="memos-heading">
      <h1 id="memos-heading" className="view-title">
        Memos
      </h1>
      <div className="view-toolbar">
        <button type="button" onClick={() => start('project', null, 'the project')}>
          New project memo
        </button>
        <button type="button" disabled={!currentDoc} onClick={() => currentDoc && start('document', currentDoc.id, currentDoc.name)}>
          New memo on {currentDoc ? `“${currentDoc.name}”` : 'the open document'}
        </button>
        <button type="button" disabled={!selectedCode} onClick={() => selectedCode && start('code', selectedCode.id, selectedCode.path)}>
          New memo on {selectedCode ? `code “${selectedCode.name}”` : 'the selected code'}
        </button>
        <input
          type="search"
          className="push-right"
          aria-label="Filter memos"
          placeholder="Filter memos"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
        />
      </div>
      {error && (
        <p className="view-error" role="alert">
          {error}
        </p>
      )}
      <div className="memos-layout">
        <nav className="memo-list" aria-label="Memos by what they are about">
          {data && !items.length && <p className="pane-empty">No memos yet. Start one with the buttons above.</p>}
          {data && items.length > 0 && !shown.length && <p className="pane-empty">No memo matches “{filter}”.</p>}
          {GROUPS.map(([target, label]) => {
            const group = shown.filter((i) => i.target === target);
            if (!group.length) return null;
            return (
              <section key={target} aria-label={label} className="memo-group">
                <h3>
                  {label} <span className="count">{group.length}</span>
                </h3>
                <ul>
                  {group.map((i) => (
                    <li key={i.key}>
                      <button
                        type="button"
                        className={`memo-item${i.key === open?.key ? ' selected' : ''}`}
                        aria-current={i.key === open?.key}
                        onClick={() => setOpen({ key: i.key, session: ++sessions })}
                      >
                        <span className="memo-title">{i.title.trim() || firstLine(i.body) || 'Untitled memo'}</span>
                        <span className="memo-meta">
                          {i.about} · {new Date(i.updatedAt).toLocaleDateString()}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
          {data && <p className="muted">{plural(items.length, 'memo')}</p>}
        </nav>
        <div className="memo-pane">
          {current && open ? (
            <MemoEditor
              key={open.session}
              item={current}
              onSaved={(id) => setOpen((o) => (o && o.session === open.session ? { key: id, session: o.session, draft: o.draft } : o))}
              onDeleted={() => setOpen(null)}
            />
          ) : (
            <p className="pane-empty">Pick a memo to read or edit it.</p>
          )}
        </div>
      </div>
    </section>
  );
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}

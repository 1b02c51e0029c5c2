import type { KeyboardEvent } from 'react';
import { useCoding, type ViewAs } from '../../store/coding';
import { useNav, type ViewName } from '../../store/nav';
import { useProject } from '../../store/project';

const VIEWS: [ViewName, string][] = [
  ['code', 'Code'],
  ['search', 'Search'],
  ['segments', 'Coded segments'],
  ['cases', 'Cases'],
  ['memos', 'Memos'],
  ['team', 'Team'],
  ['reports', 'Reports'],
  ['analysis', 'Analysis'],
];

function SavedIndicator() {
  const sent = useProject((s) => s.status);
  // Typed text waiting for its save counts as saving: "All changes saved" only once the file has it.
  const status = useProject((s) => (sent === 'saved' && Object.keys(s.unsent).length ? 'saving' : sent));
  const text = status === 'saving' ? 'Saving…' : status === 'failed' ? 'Not saved' : 'All changes saved';
  return (
    <span className={`saved ${status}`} data-testid="saved-indicator" data-status={status} role="status" aria-live="polite">
      <span className="dot" aria-hidden />
      {text}
    </span>
  );
}

/** Arrow keys, Home and End move along the view tabs (one tab stop for the list). */
function onTabKey(e: KeyboardEvent) {
  const at = VIEWS.findIndex(([name]) => name === useNav.getState().view);
  const to = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? VIEWS.length - 1 : null;
  if (to === null) return;
  e.preventDefault();
  const name = VIEWS[(to + VIEWS.length) % VIEWS.length][0];
  useNav.getState().setView(name);
  e.currentTarget.querySelector<HTMLElement>(`[data-view="${name}"]`)?.focus();
}

function viewAsValue(v: ViewAs): string {
  return typeof v === 'string' ? v : `coder:${v.coderId}`;
}

/** Views, undo/redo, "view as", blind mode and the saved indicator. */
export function TopBar() {
  const info = useProject((s) => s.info);
  const history = useProject((s) => s.history);
  const view = useNav((s) => s.view);
  const viewAs = useCoding((s) => s.viewAs);
  const blind = useCoding((s) => s.blind);
  const coders = useCoding((s) => s.coders);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden>
          ◧
        </span>
        <span className="project-name" title={info?.path}>
          {info?.name}
        </span>
        <button
          type="button"
          className="icon-button close-project"
          data-testid="close-project"
          aria-label="Close project"
          title={`Close ${info?.name ?? 'the project'} (back to the start screen)`}
          onClick={() => void useProject.getState().close()}
        >
          ✕
        </button>
      </div>
      <nav className="views" role="tablist" aria-label="Views" onKeyDown={onTabKey}>
        {VIEWS.map(([name, label]) => (
          <button
            key={name}
            type="button"
            role="tab"
            data-view={name}
            tabIndex={view === name ? 0 : -1}
            aria-selected={view === name}
            className={view === name ? 'current' : ''}
            onClick={() => useNav.getState().setView(name)}
          >
            {label}
          </button>
        ))}
      </nav>
      <div className="tools">
        <label className="view-as">
          <span>Show</span>
          <select
            aria-label="Show coding of"
            value={viewAsValue(viewAs)}
            disabled={blind}
            onChange={(e) =>
              useCoding.getState().setViewAs(e.target.value === 'mine' || e.target.value === 'all' ? e.target.value : { coderId: e.target.value.slice(6) })
            }
          >
            <option value="all">all coders</option>
            <option value="mine">mine only</option>
            {coders.map((c) => (
              <option key={c.id} value={`coder:${c.id}`}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="blind" title="Hide other coders' work while you code">
          <input type="checkbox" checked={blind} onChange={(e) => useCoding.getState().setBlind(e.target.checked)} /> Blind
        </label>
        <button
          type="button"
          className="icon-button"
          data-testid="undo"
          disabled={!history.undo}
          title={history.undo ? `Undo ${history.undo} (Ctrl+Z)` : 'Nothing to undo'}
          aria-label="Undo"
          onClick={() => void useProject.getState().undo()}
        >
          ↶
        </button>
        <button
          type="button"
          className="icon-button"
          data-testid="redo"
          disabled={!history.redo}
          title={history.redo ? `Redo ${history.redo} (Ctrl+Shift+Z)` : 'Nothing to redo'}
          aria-label="Redo"
          onClick={() => void useProject.getState().redo()}
        >
          ↷
        </button>
        <SavedIndicator />
      </div>
    </header>
  );
}

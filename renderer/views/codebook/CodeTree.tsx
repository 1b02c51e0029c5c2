import { useMemo, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { Code } from '../../../shared/types';
import { childrenOf, totalsOf, useCodebook } from '../../store/codebook';
import { useCoding } from '../../store/coding';
import { askDeleteCode } from './actions';
import { CodeRow } from './CodeRow';

interface Row {
  code: Code;
  depth: number;
  hasChildren: boolean;
}

function visibleRows(codes: readonly Code[], filter: string, collapsed: Record<string, boolean>): Row[] {
  const kids = childrenOf(codes);
  const q = filter.trim().toLowerCase();
  const matches = new Set<string>();
  if (q) {
    const byId = new Map(codes.map((c) => [c.id, c]));
    for (const c of codes) {
      if (!c.path.toLowerCase().includes(q)) continue;
      for (let x: Code | undefined = c; x; x = x.parentId ? byId.get(x.parentId) : undefined) matches.add(x.id);
    }
  }
  const rows: Row[] = [];
  const walk = (parent: string, depth: number) => {
    for (const c of kids.get(parent) ?? []) {
      if (q && !matches.has(c.id)) continue;
      const hasChildren = (kids.get(c.id) ?? []).length > 0;
      rows.push({ code: c, depth, hasChildren });
      if (hasChildren && (q || !collapsed[c.id])) walk(c.id, depth + 1);
    }
  };
  walk('', 0);
  return rows;
}

/** The codebook tree: colours, counts, filter; click a code to apply it to the selection. */
export function CodeTree() {
  const codes = useCodebook((s) => s.codes);
  const filter = useCodebook((s) => s.filter);
  const collapsed = useCodebook((s) => s.collapsed);
  const keys = useCodebook((s) => s.keys);
  const selectedId = useCodebook((s) => s.selectedId);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [dropOn, setDropOn] = useState<string | null>(null);
  const rows = useMemo(() => visibleRows(codes, filter, collapsed), [codes, filter, collapsed]);
  const totals = useMemo(() => totalsOf(codes), [codes]);

  // With text selected a click applies the code; without, it shows the code's entry.
  // Applying never changes which code is looked at (new codes do not nest under it).
  const choose = (c: Code) => {
    if (useCoding.getState().selection) void useCoding.getState().apply(c.id);
    else useCodebook.getState().select(c.id);
  };

  const onKey = (e: KeyboardEvent, i: number) => {
    const row = rows[i];
    const focus = (j: number) => document.querySelector<HTMLElement>(`[data-testid="code-item"][data-index="${j}"]`)?.focus();
    if (e.key === 'ArrowDown') focus(Math.min(i + 1, rows.length - 1));
    else if (e.key === 'ArrowUp') focus(Math.max(i - 1, 0));
    else if (e.key === 'ArrowRight' && row.hasChildren && collapsed[row.code.id]) useCodebook.getState().toggle(row.code.id);
    else if (e.key === 'ArrowLeft' && row.hasChildren && !collapsed[row.code.id]) useCodebook.getState().toggle(row.code.id);
    else if (e.key === 'Enter') choose(row.code);
    else if (e.key === ' ') useCodebook.getState().select(row.code.id);
    else if (e.key === 'F2') setRenaming(row.code.id);
    else if (e.key === 'Delete') void askDeleteCode(row.code);
    else return;
    e.preventDefault();
  };

  const onDrop = (e: DragEvent, parentId: string | null) => {
    e.preventDefault();
    setDropOn(null);
    const id = e.dataTransfer.getData('application/x-fieldcode-code');
    if (id && id !== parentId) void useCodebook.getState().move(id, parentId);
  };

  return (
    <div className="code-tree-wrap">
      <div className="pane-head">
        <h2 id="codebook-heading">Codebook</h2>
        <button
          type="button"
          className="icon-button"
          title="New top-level code"
          aria-label="New top-level code"
          onClick={() =>
            void useCodebook
              .getState()
              .create('New code', null)
              .then((c) => c && setRenaming(c.id))
          }
        >
          +
        </button>
      </div>
      <input
        className="filter"
        type="search"
        placeholder="Filter codes"
        aria-label="Filter codes"
        value={filter}
        onChange={(e) => useCodebook.getState().setFilter(e.target.value)}
      />
      <ul className="code-tree" role="tree" aria-labelledby="codebook-heading">
        {rows.map((r, i) => (
          <CodeRow
            key={r.code.id}
            index={i}
            code={r.code}
            depth={r.depth}
            hasChildren={r.hasChildren}
            expanded={!collapsed[r.code.id]}
            total={totals.get(r.code.id) ?? r.code.segments}
            key1={keys.indexOf(r.code.id) + 1}
            selected={selectedId === r.code.id}
            renaming={renaming === r.code.id}
            dropTarget={dropOn === r.code.id}
            onChoose={() => choose(r.code)}
            onLook={() => useCodebook.getState().select(r.code.id)}
            onKey={(e) => onKey(e, i)}
            onRenamed={(name) => {
              setRenaming(null);
              if (name && name !== r.code.name) void useCodebook.getState().update(r.code.id, { name });
            }}
            onRename={() => setRenaming(r.code.id)}
            onAddChild={() =>
              void useCodebook
                .getState()
                .create('New code', r.code.id)
                .then((c) => c && setRenaming(c.id))
            }
            onDragOver={(e) => {
              e.preventDefault();
              setDropOn(r.code.id);
            }}
            onDrop={(e) => onDrop(e, r.code.id)}
          />
        ))}
      </ul>
      <div
        className={`drop-root${dropOn === '' ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDropOn('');
        }}
        onDragLeave={() => setDropOn(null)}
        onDrop={(e) => onDrop(e, null)}
      >
        {codes.length ? 'Drop here to make a top-level code' : 'No codes yet: add one with +'}
      </div>
    </div>
  );
}

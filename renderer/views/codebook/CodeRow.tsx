import { memo, useEffect, useRef, type DragEvent, type KeyboardEvent } from 'react';
import type { Code } from '../../../shared/types';
import { useCodebook } from '../../store/codebook';
import { useCoding } from '../../store/coding';

interface CodeRowProps {
  index: number;
  code: Code;
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
  total: number;
  /** the number key (1–9) that applies this code, or 0 */
  key1: number;
  selected: boolean;
  renaming: boolean;
  dropTarget: boolean;
  onChoose: () => void;
  /** shows the code's entry in the inspector, whether or not text is selected */
  onLook: () => void;
  onKey: (e: KeyboardEvent) => void;
  onRenamed: (name: string | null) => void;
  onRename: () => void;
  onAddChild: () => void;
  onDragOver: (e: DragEvent) => void;
  onDrop: (e: DragEvent) => void;
}

/** One code in the tree: toggle, colour, name, key number, count, and its quick actions. */
export const CodeRow = memo(function CodeRow(p: CodeRowProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (p.renaming) input.current?.select();
  }, [p.renaming]);
  return (
    <li
      role="treeitem"
      aria-level={p.depth + 1}
      aria-expanded={p.hasChildren ? p.expanded : undefined}
      aria-selected={p.selected}
      tabIndex={p.selected || (p.index === 0 && !p.selected) ? 0 : -1}
      data-testid="code-item"
      data-path={p.code.path}
      data-index={p.index}
      className={`code-row${p.selected ? ' selected' : ''}${p.dropTarget ? ' drop' : ''}`}
      style={{ paddingLeft: 6 + p.depth * 16 }}
      draggable={!p.renaming}
      onDragStart={(e) => {
        e.dataTransfer.setData('application/x-fieldcode-code', p.code.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={p.onDragOver}
      onDrop={p.onDrop}
      onKeyDown={(e) => !p.renaming && p.onKey(e)}
      onClick={() => !p.renaming && p.onChoose()}
      onDoubleClick={(e) => {
        e.preventDefault();
        // With text selected the clicks applied the code; renaming then would surprise.
        if (!useCoding.getState().selection) p.onRename();
      }}
    >
      <span
        className={`twisty${p.hasChildren ? '' : ' leaf'}`}
        aria-hidden
        onClick={(e) => {
          e.stopPropagation();
          if (p.hasChildren) useCodebook.getState().toggle(p.code.id);
        }}
      >
        {p.hasChildren ? (p.expanded ? '▾' : '▸') : ''}
      </span>
      <span className="swatch" style={{ background: p.code.colour }} aria-hidden />
      {p.renaming ? (
        <input
          ref={input}
          className="rename"
          aria-label="Code name"
          defaultValue={p.code.name}
          onClick={(e) => e.stopPropagation()}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Enter') p.onRenamed(e.currentTarget.value.trim());
            if (e.key === 'Escape') p.onRenamed(null);
          }}
          onBlur={(e) => p.onRenamed(e.currentTarget.value.trim())}
        />
      ) : (
        <span className="code-name" title={p.code.definition ? `${p.code.path}\n\n${p.code.definition}` : p.code.path}>
          {p.code.name}
        </span>
      )}
      {p.key1 > 0 && (
        <kbd className="pin-key" data-testid="key-badge" title={`Press ${p.key1} to apply ${p.code.path}`}>
          {p.key1}
        </kbd>
      )}
      <span className="count" aria-label={`${p.total} segments`}>
        {p.total || ''}
      </span>
      <span className="row-actions">
        <button
          type="button"
          tabIndex={-1}
          title="Show the code's definition"
          aria-label={`Show ${p.code.name}`}
          data-testid="look-code"
          onClick={(e) => (e.stopPropagation(), p.onLook())}
        >
          ⓘ
        </button>
        <button
          type="button"
          tabIndex={-1}
          title="Add a child code"
          aria-label={`Add a child code to ${p.code.name}`}
          onClick={(e) => (e.stopPropagation(), p.onAddChild())}
        >
          +
        </button>
        <button
          type="button"
          tabIndex={-1}
          title={p.key1 ? `Free key ${p.key1}` : 'Put on the first free number key'}
          aria-label={p.key1 ? `Free key ${p.key1} from ${p.code.name}` : `Put ${p.code.name} on a number key`}
          aria-pressed={p.key1 > 0}
          onClick={(e) => (e.stopPropagation(), void useCodebook.getState().togglePin(p.code.id))}
        >
          {p.key1 ? '★' : '☆'}
        </button>
      </span>
    </li>
  );
});

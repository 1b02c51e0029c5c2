import type { KeyboardEvent, PointerEvent } from 'react';
import { PANE_LIMITS, usePanes, type Side } from '../../store/panes';

// The draggable edge between a side pane and the transcript (the WAI-ARIA window
// splitter): drag it, or focus it and use ← → (Shift: bigger steps), Home / End for
// the narrowest / widest, Enter to hide or show the pane.

const NAMES: Record<Side, string> = { left: 'documents and codebook', right: 'inspector' };
const STEP = 16;

export function Separator({ side }: { side: Side }) {
  const width = usePanes((s) => (side === 'left' ? s.left : s.right));
  const open = usePanes((s) => (side === 'left' ? s.leftOpen : s.rightOpen));
  const [min, max] = PANE_LIMITS[side];
  // The left pane grows to the right, the inspector to the left.
  const sign = side === 'left' ? 1 : -1;
  const { setWidth, toggle } = usePanes.getState();

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const startX = e.clientX;
    const start = open ? width : 0;
    const move = (m: globalThis.PointerEvent) => setWidth(side, start + sign * (m.clientX - startX));
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? STEP * 4 : STEP;
    const to: Record<string, number | undefined> = {
      ArrowRight: width + sign * step,
      ArrowLeft: width - sign * step,
      Home: min,
      End: max,
    };
    if (e.key === 'Enter') toggle(side);
    else if (to[e.key] !== undefined) setWidth(side, to[e.key]!);
    else return;
    e.preventDefault();
  };

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-orientation="vertical"
      aria-label={`Width of the ${NAMES[side]}`}
      aria-controls={side === 'left' ? 'left-pane' : 'inspector-pane'}
      aria-valuenow={open ? width : 0}
      aria-valuemin={min}
      aria-valuemax={max}
      data-testid={`separator-${side}`}
      className={`pane-separator ${side}`}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}

/** The button that hides or shows a side pane; it stays in the status bar so a hidden pane can come back. */
export function PaneToggle({ side }: { side: Side }) {
  const open = usePanes((s) => (side === 'left' ? s.leftOpen : s.rightOpen));
  const label = side === 'left' ? 'Documents and codebook' : 'Inspector';
  return (
    <button
      type="button"
      className="pane-toggle"
      aria-pressed={open}
      data-testid={`toggle-${side}`}
      title={`${open ? 'Hide' : 'Show'} the ${NAMES[side]} (${side === 'left' ? 'Ctrl [' : 'Ctrl ]'})`}
      onClick={() => usePanes.getState().toggle(side)}
    >
      {side === 'left' ? '◧ ' : ''}
      {label}
      {side === 'right' ? ' ◨' : ''}
    </button>
  );
}

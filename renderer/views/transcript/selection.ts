// From the browser's selection to document offsets. Every run of text carries
// data-start/data-end (UTF-16 offsets); a point outside the text (the speaker
// column, the margin) falls back to its block's edge.

function runOf(node: Node | null): HTMLElement | null {
  const el = node instanceof HTMLElement ? node : (node?.parentElement ?? null);
  return el?.closest<HTMLElement>('[data-end]') ?? null;
}

function pointOffset(node: Node, offset: number, edge: 'start' | 'end'): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const run = runOf(node);
    if (run) return Number(run.dataset.start) + offset;
  }
  const el = node instanceof HTMLElement ? node : node.parentElement;
  if (!el) return null;
  // An element point: the run at (or just before) that child position.
  const child = node.childNodes[offset] ?? null;
  const inChild = child instanceof HTMLElement ? (child.querySelector<HTMLElement>('[data-end]') ?? runOf(child)) : null;
  if (inChild) return Number(inChild.dataset.start);
  const before = node.childNodes[offset - 1];
  const runs = before instanceof HTMLElement ? before.querySelectorAll<HTMLElement>('[data-end]') : null;
  if (runs?.length) return Number(runs[runs.length - 1].dataset.end);
  const block = el.closest<HTMLElement>('[data-block-start]');
  if (block) return Number(edge === 'start' ? block.dataset.blockStart : block.dataset.blockEnd);
  return null;
}

/** The selected passage inside `root`, as [start, end) offsets, or null. */
export function selectedOffsets(root: HTMLElement): { start: number; end: number; collapsed: boolean } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const start = pointOffset(range.startContainer, range.startOffset, 'start');
  const end = pointOffset(range.endContainer, range.endOffset, 'end');
  if (start === null || end === null) return null;
  return { start: Math.min(start, end), end: Math.max(start, end), collapsed: range.collapsed };
}

import type { Code, Segment } from '../../shared/types';

// Coding shows in the next frame, before the project file has it: the new segment
// (and, for in-vivo coding, its new code) stands in the store under a provisional
// id until the write answers. The stored segment then takes its place; a failed
// write takes it away again. Provisional ids never reach the main process.

const PREFIX = 'provisional:';
let made = 0;

export function isProvisional(id: string): boolean {
  return id.startsWith(PREFIX);
}

/** A segment the coder just made, shown while its write is on the way. */
export function provisionalSegment(p: { documentId: string; codeId: string; coderId: string; start: number; end: number }): Segment {
  const now = new Date().toISOString();
  return { id: `${PREFIX}${++made}`, ...p, memo: '', createdAt: now, updatedAt: now };
}

/** A code the coder just named (in vivo, "create code …"), shown grey until the codebook answers. */
export function provisionalCode(name: string, parent: { id: string | null; path: string } | null): Code {
  return {
    id: `${PREFIX}code:${++made}`,
    parentId: parent?.id ?? null,
    name,
    path: parent ? `${parent.path}/${name}` : name,
    colour: '#888888',
    sort: Number.MAX_SAFE_INTEGER,
    segments: 0,
    definition: '',
    whenToUse: '',
    whenNotToUse: '',
    anchors: [],
  };
}

/**
 * Resolves once the next frame is painted, so a write's request (a few ms of the
 * main thread) goes out after the frame that shows the coding, not before it. A
 * window that paints no frames (hidden) sends after 100 ms.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

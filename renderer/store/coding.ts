import type { Coder, Segment } from '../../shared/types';
import { api } from '../api';
import './codebook'; // the slices this one reads and writes through
import './documents';
import './project';
import { slice, type AppState } from './root';

// Coding the open transcript: the passage selected, the segments shown (mine,
// everyone's or one coder's; blind mode hides others' work), and the coding
// actions themselves. "View as" never changes who is writing.

export interface Passage {
  start: number;
  end: number;
}

export type ViewAs = 'mine' | 'all' | { coderId: string };

interface CodingState {
  documentId: string | null;
  segments: Segment[];
  coders: Coder[];
  selection: Passage | null;
  /** the keyboard caret (a text offset), and where a Shift+arrow selection started */
  caret: number | null;
  anchor: number | null;
  /** segments picked by clicking a highlight or a stripe */
  active: string[];
  viewAs: ViewAs;
  blind: boolean;
  load: (documentId: string | null) => Promise<void>;
  refresh: () => Promise<void>;
  select: (p: Passage | null) => void;
  /** Moves the caret; `extend` grows or shrinks the selection from its anchor. */
  moveCaret: (at: number, extend: boolean) => void;
  activate: (ids: string[]) => void;
  setViewAs: (v: ViewAs) => void;
  setBlind: (blind: boolean) => void;
  apply: (codeId: string) => Promise<boolean>;
  applyNew: (name: string, parentId?: string | null, group?: string) => Promise<boolean>;
  inVivo: () => Promise<boolean>;
  remove: (id: string) => Promise<void>;
  recode: (id: string, codeId: string) => Promise<void>;
  setMemo: (id: string, memo: string) => Promise<void>;
}

declare module './root' {
  interface AppState {
    coding: CodingState;
  }
}

export const useCoding = slice('coding', (set, get, app) => {
  const write: AppState['project']['write'] = (fn, scope) => app().project.write(fn, scope);
  return {
    documentId: null,
    segments: [],
    coders: [],
    selection: null,
    caret: null,
    anchor: null,
    active: [],
    viewAs: 'all',
    blind: false,
    load: async (documentId) => {
      set({ documentId, selection: null, caret: null, anchor: null, active: [], segments: documentId === get().documentId ? get().segments : [] });
      await get().refresh();
    },
    refresh: async () => {
      const { documentId } = get();
      if (!documentId) return set({ segments: [] });
      try {
        const [segments, coders] = await Promise.all([api['segments.list']({ documentId }), api['coders.list']({})]);
        if (get().documentId !== documentId) return;
        const live = new Set(segments.map((s) => s.id));
        set({ segments, coders, active: get().active.filter((id) => live.has(id)) });
      } catch (e) {
        app().project.report(e);
      }
    },
    select: (selection) =>
      set(selection && selection.end > selection.start ? { selection, anchor: selection.start, caret: selection.end } : { selection: null, anchor: null }),
    moveCaret: (at, extend) => {
      if (!extend) return set({ caret: at, anchor: null, selection: null });
      const anchor = get().anchor ?? get().caret ?? at;
      set({ caret: at, anchor, selection: at === anchor ? null : { start: Math.min(anchor, at), end: Math.max(anchor, at) } });
    },
    activate: (active) => set({ active }),
    setViewAs: (viewAs) => set({ viewAs }),
    setBlind: (blind) => set({ blind }),
    apply: async (codeId) => {
      const { documentId, selection } = get();
      if (!documentId || !selection) return false;
      const segment = await write(() => api['segments.apply']({ documentId, codeId, ...selection }), 'counts');
      if (!segment) return false;
      // Shown at once; the refresh that every write triggers brings the counts. The
      // selection stays, so a second and third code go on the same passage (Esc clears).
      set({ active: [segment.id], segments: withSegment(get().segments, segment) });
      return true;
    },
    applyNew: async (name, parentId = null, group) => {
      const { documentId, selection } = get();
      if (!documentId || !selection) return false;
      const made = await write(() => api['segments.applyNewCode']({ documentId, name, parentId, group, ...selection }), 'counts');
      if (!made) return false;
      set({ active: [made.segment.id], segments: withSegment(get().segments, made.segment) });
      return true;
    },
    inVivo: async () => {
      const { selection } = get();
      const text = app().documents.current?.text;
      if (!selection || !text) return false;
      const name = inVivoName(text.slice(selection.start, selection.end));
      if (!name) return false;
      // In-vivo codes gather in one top-level group (made with the first one, in the
      // same undo step), never under whatever code was looked at last.
      return get().applyNew(name, null, IN_VIVO);
    },
    remove: async (id) => {
      if ((await write(() => api['segments.remove']({ id }), 'counts')) !== undefined) {
        set({ active: get().active.filter((a) => a !== id), segments: get().segments.filter((s) => s.id !== id) });
      }
    },
    recode: async (id, codeId) => {
      const segment = await write(() => api['segments.update']({ id, codeId }), 'counts');
      if (segment)
        set({
          segments: withSegment(
            get().segments.filter((s) => s.id !== id),
            segment,
          ),
        });
    },
    setMemo: async (id, memo) => {
      const segment = await write(() => api['segments.update']({ id, memo }), 'counts');
      if (segment) set({ segments: get().segments.map((s) => (s.id === id ? segment : s)) });
    },
  };
});

/** The top-level group that in-vivo codes go into. */
export const IN_VIVO = 'In vivo';

/**
 * The segments after the service applied `made`: coding a passage that overlaps
 * or touches the same coder's segment of the same code extends that segment.
 */
export function withSegment(segments: readonly Segment[], made: Segment): Segment[] {
  const absorbed = (s: Segment) =>
    s.id === made.id ||
    (s.codeId === made.codeId && s.coderId === made.coderId && s.documentId === made.documentId && s.start >= made.start && s.end <= made.end);
  return [...segments.filter((s) => !absorbed(s)), made];
}

/** A code name from quoted words: whitespace folded, quotes trimmed, at most 60 characters at a word end. */
export function inVivoName(quote: string): string {
  const clean = quote
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“”‘’«»]+|[\s"'“”‘’«».,;:!?]+$/g, '')
    .replace(/\//g, '\u2215');
  if (clean.length <= 60) return clean;
  const cut = clean.slice(0, 60);
  const space = cut.lastIndexOf(' ');
  return `${space > 20 ? cut.slice(0, space) : cut}…`;
}

/** The segments the transcript shows under "view as" and blind mode. */
export function visibleSegments(segments: readonly Segment[], viewAs: ViewAs, blind: boolean, me: string | undefined): Segment[] {
  if (blind || viewAs === 'mine') return segments.filter((s) => s.coderId === me);
  if (viewAs === 'all') return [...segments];
  return segments.filter((s) => s.coderId === viewAs.coderId);
}

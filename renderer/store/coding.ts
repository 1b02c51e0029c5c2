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
  /** segments picked by clicking a highlight or a stripe */
  active: string[];
  viewAs: ViewAs;
  blind: boolean;
  load: (documentId: string | null) => Promise<void>;
  refresh: () => Promise<void>;
  select: (p: Passage | null) => void;
  activate: (ids: string[]) => void;
  setViewAs: (v: ViewAs) => void;
  setBlind: (blind: boolean) => void;
  apply: (codeId: string) => Promise<boolean>;
  applyNew: (name: string, parentId?: string | null) => Promise<boolean>;
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
    active: [],
    viewAs: 'all',
    blind: false,
    load: async (documentId) => {
      set({ documentId, selection: null, active: [], segments: documentId === get().documentId ? get().segments : [] });
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
    select: (selection) => set({ selection: selection && selection.end > selection.start ? selection : null }),
    activate: (active) => set({ active }),
    setViewAs: (viewAs) => set({ viewAs }),
    setBlind: (blind) => set({ blind }),
    apply: async (codeId) => {
      const { documentId, selection } = get();
      if (!documentId || !selection) return false;
      const segment = await write(() => api['segments.apply']({ documentId, codeId, ...selection }), 'counts');
      if (!segment) return false;
      // Shown at once; the refresh that every write triggers brings the counts.
      set({ selection: null, active: [segment.id], segments: withSegment(get().segments, segment) });
      return true;
    },
    applyNew: async (name, parentId = null) => {
      const { documentId, selection } = get();
      if (!documentId || !selection) return false;
      const made = await write(() => api['segments.applyNewCode']({ documentId, name, parentId, ...selection }), 'counts');
      if (!made) return false;
      set({ selection: null, active: [made.segment.id], segments: withSegment(get().segments, made.segment) });
      app().codebook.select(made.code.id);
      return true;
    },
    inVivo: async () => {
      const { selection } = get();
      const text = app().documents.current?.text;
      if (!selection || !text) return false;
      const name = inVivoName(text.slice(selection.start, selection.end));
      if (!name) return false;
      return get().applyNew(name, app().codebook.selectedId);
    },
    remove: async (id) => {
      if ((await write(() => api['segments.remove']({ id }), 'counts')) !== undefined) {
        set({ active: get().active.filter((a) => a !== id), segments: get().segments.filter((s) => s.id !== id) });
      }
    },
    recode: async (id, codeId) => {
      const segment = await write(() => api['segments.update']({ id, codeId }), 'counts');
      if (segment) set({ segments: withSegment(get().segments.filter((s) => s.id !== id), segment) });
    },
    setMemo: async (id, memo) => {
      const segment = await write(() => api['segments.update']({ id, memo }), 'counts');
      if (segment) set({ segments: get().segments.map((s) => (s.id === id ? segment : s)) });
    },
  };
});

/**
 * The segments after the service applied `made`: coding a passage that overlaps
 * or touches the same coder's segment of the same code extends that segment.
 */
export function withSegment(segments: readonly Segment[], made: Segment): Segment[] {
  const absorbed = (s: Segment) =>
    s.id === made.id || (s.codeId === made.codeId && s.coderId === made.coderId && s.documentId === made.documentId && s.start >= made.start && s.end <= made.end);
  return [...segments.filter((s) => !absorbed(s)), made];
}

/** A code name from quoted words: whitespace folded, quotes trimmed, at most 60 characters at a word end. */
export function inVivoName(quote: string): string {
  const clean = quote.replace(/\s+/g, ' ').replace(/^[\s"'“”‘’«»]+|[\s"'“”‘’«».,;:!?]+$/g, '').replace(/\//g, '\u2215');
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

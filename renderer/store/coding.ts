import type { Code, Coder, Segment } from '../../shared/types';
import { unpackSegments, type ShownSegment } from '../../shared/transcript-columns';
import { api } from '../api';
import { useCodebook } from './codebook'; // the slices this one reads and writes through
import './documents';
import './project';
import { afterNextPaint, isProvisional, provisionalCode, provisionalSegment } from './provisional';
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
  segments: ShownSegment[];
  coders: Coder[];
  selection: Passage | null;
  /** the keyboard caret (a text offset), and where a Shift+arrow selection started */
  caret: number | null;
  anchor: number | null;
  /** segments picked by clicking a highlight or a stripe */
  active: string[];
  viewAs: ViewAs;
  blind: boolean;
  /** A document is opening: its segments arrive with it (`opened`). */
  load: (documentId: string | null) => void;
  /** The opened document's segments and coders, from the same answer as its text. */
  opened: (documentId: string, segments: ShownSegment[], coders: Coder[]) => void;
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
  /** provisional id → the stored segment's id, once its write answers (undefined when it failed) */
  const waiting = new Map<string, Promise<string | undefined>>();
  /** The id the project file knows a segment by: removing or recoding a coding still on its way waits for it. */
  const stored = async (id: string) => (isProvisional(id) ? waiting.get(id) : id);
  /**
   * Codes the selection: the segment shows in the next frame under a provisional id,
   * the stored one replaces it when the write answers, and a failed write takes it
   * away again (the problem bar says why). The selection stays, so a second and third
   * code go on the same passage (Esc clears).
   */
  const codeAtOnce = async (codeId: string, send: (passage: Passage & { documentId: string }) => Promise<Segment | undefined>): Promise<boolean> => {
    const { documentId, selection } = get();
    if (!documentId || !selection) return false;
    const shown = provisionalSegment({ documentId, codeId, coderId: app().project.info?.coder.id ?? '', start: selection.start, end: selection.end });
    set({ active: [shown.id], segments: [...get().segments, shown] });
    const answer = send({ documentId, start: selection.start, end: selection.end });
    waiting.set(
      shown.id,
      answer.then((s) => s?.id),
    );
    const made = await answer;
    waiting.delete(shown.id);
    const now = get();
    if (now.documentId !== documentId) return !!made;
    const others = now.segments.filter((s) => s.id !== shown.id);
    if (!made) {
      set({ segments: others, active: now.active.filter((a) => a !== shown.id) });
      return false;
    }
    set({ segments: withSegment(others, made), active: [...new Set(now.active.map((a) => (a === shown.id ? made.id : a)))] });
    return true;
  };
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
    load: (documentId) => {
      if (documentId === get().documentId) return set({ selection: null, caret: null, anchor: null, active: [] });
      set({ documentId, selection: null, caret: null, anchor: null, active: [], segments: [] });
    },
    opened: (documentId, segments, coders) => {
      if (get().documentId !== documentId) return;
      // Codings still on their way stay shown: their write's answer replaces them.
      const waiting = get().segments.filter((s) => isProvisional(s.id));
      const live = new Set([...segments, ...waiting].map((s) => s.id));
      set({ segments: waiting.length ? [...segments, ...waiting] : segments, coders, active: get().active.filter((id) => live.has(id)) });
    },
    refresh: async () => {
      const { documentId } = get();
      if (!documentId) return set({ segments: [] });
      try {
        const [columns, coders] = await Promise.all([api['segments.columns']({ documentId }), api['coders.list']({})]);
        get().opened(documentId, unpackSegments(columns, documentId), coders);
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
    apply: (codeId) => codeAtOnce(codeId, (passage) => write(() => afterNextPaint().then(() => api['segments.apply']({ ...passage, codeId })), 'counts')),
    applyNew: async (name, parentId = null, group) => {
      // The new code shows grey in the codebook and the transcript until the write answers.
      const codes = app().codebook.codes;
      const parent = group
        ? { id: codes.find((c) => c.parentId === null && c.name === group)?.id ?? null, path: group }
        : (codes.find((c) => c.id === parentId) ?? null);
      const code = provisionalCode(name.trim(), parent);
      useCodebook.setState((s) => ({ codes: [...s.codes, code] }));
      let stored: Code | undefined;
      const done = await codeAtOnce(code.id, async (passage) => {
        const made = await write(() => afterNextPaint().then(() => api['segments.applyNewCode']({ ...passage, name, parentId, group })), 'counts');
        stored = made?.code;
        return made?.segment;
      });
      // The stored code takes the grey one's place at once; the codebook's refresh brings its shown colour.
      useCodebook.setState((s) => ({
        codes:
          stored && !s.codes.some((c) => c.id === stored!.id) ? s.codes.map((c) => (c.id === code.id ? stored! : c)) : s.codes.filter((c) => c.id !== code.id),
      }));
      return done;
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
    remove: async (shownId) => {
      const id = await stored(shownId);
      if (id && (await write(() => api['segments.remove']({ id }), 'counts')) !== undefined) {
        set({ active: get().active.filter((a) => a !== id), segments: get().segments.filter((s) => s.id !== id) });
      }
    },
    recode: async (shownId, codeId) => {
      const id = await stored(shownId);
      const segment = id && (await write(() => api['segments.update']({ id, codeId }), 'counts'));
      if (segment)
        set({
          segments: withSegment(
            get().segments.filter((s) => s.id !== id),
            segment,
          ),
        });
    },
    setMemo: async (shownId, memo) => {
      const id = await stored(shownId);
      const segment = id && (await write(() => api['segments.update']({ id, memo }), 'counts'));
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
export function withSegment(segments: readonly ShownSegment[], made: ShownSegment): ShownSegment[] {
  const absorbed = (s: ShownSegment) =>
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
export function visibleSegments<S extends ShownSegment>(segments: readonly S[], viewAs: ViewAs, blind: boolean, me: string | undefined): readonly S[] {
  if (blind || viewAs === 'mine') return segments.filter((s) => s.coderId === me);
  if (viewAs === 'all') return segments;
  return segments.filter((s) => s.coderId === viewAs.coderId);
}

import type { Input } from '../../shared/api';
import type { KeyBindings } from '../../shared/api/workspace';
import { shownColours } from '../../shared/codebooks/palette';
import type { Code } from '../../shared/types';
import { api } from '../api';
import { isProvisional } from './provisional';
import './project'; // the slice whose write this one uses
import { app, slice, type AppState } from './root';

// The codebook: codes in tree order, the filter, the code being looked at, the
// number keys 1–9 (stored in the project for each coder: a key applies exactly the
// code whose badge shows it, and only the coder changes that), and every codebook
// edit (each one undoable).

/** What one edit of a code may change: the contract's codes.update without the id. */
export type CodeEdit = Omit<Input<'codes.update'>, 'id'>;

interface CodebookState {
  codes: Code[];
  filter: string;
  selectedId: string | null;
  collapsed: Record<string, boolean>;
  /** key n → keys[n-1]: a code id, or null when the key is free */
  keys: KeyBindings;
  refresh: () => Promise<void>;
  setFilter: (filter: string) => void;
  select: (id: string | null) => void;
  toggle: (id: string) => void;
  /** Puts the code on the first free key, or frees its key. */
  togglePin: (id: string) => Promise<void>;
  bindKey: (key: number, codeId: string | null) => Promise<void>;
  create: (name: string, parentId: string | null) => Promise<Code | undefined>;
  update: (id: string, edit: CodeEdit) => Promise<void>;
  move: (id: string, parentId: string | null, beforeId?: string | null) => Promise<void>;
  remove: (id: string) => Promise<void>;
  merge: (fromId: string, intoId: string) => Promise<void>;
  reset: () => void;
}

declare module './root' {
  interface AppState {
    codebook: CodebookState;
  }
}

export const NO_KEYS: KeyBindings = Array<string | null>(9).fill(null);

export const useCodebook = slice('codebook', (set, get) => {
  const write: AppState['project']['write'] = (fn, scope) => app().project.write(fn, scope);
  return {
    codes: [],
    filter: '',
    selectedId: null,
    collapsed: {},
    keys: NO_KEYS,
    refresh: async () => {
      try {
        const [stored, keys] = await Promise.all([api['codes.list']({}), api['workspace.keys']({})]);
        // Each code shown in its own colour (a shade of its branch's when it kept its parent's).
        const shown = shownColours(stored);
        // A code just named by in-vivo coding stays (grey) until its own write answers.
        const waiting = get().codes.filter((c) => isProvisional(c.id));
        const codes = [...stored.map((c) => ({ ...c, colour: shown.get(c.id) ?? c.colour })), ...waiting];
        const live = new Set(codes.map((c) => c.id));
        const selectedId = get().selectedId;
        set({ codes, keys, selectedId: selectedId && live.has(selectedId) ? selectedId : null });
      } catch (e) {
        app().project.report(e);
      }
    },
    setFilter: (filter) => set({ filter }),
    select: (selectedId) => set({ selectedId }),
    toggle: (id) => set((s) => ({ collapsed: { ...s.collapsed, [id]: !s.collapsed[id] } })),
    togglePin: async (id) => {
      const keys = get().keys;
      const held = keys.indexOf(id);
      const free = keys.indexOf(null);
      if (held < 0 && free < 0) return app().project.report(new Error('All nine number keys hold a code: free one (☆ beside its code) first.'));
      await get().bindKey(held >= 0 ? held + 1 : free + 1, held >= 0 ? null : id);
    },
    bindKey: async (key, codeId) => {
      try {
        set({ keys: await api['workspace.setKey']({ key, codeId }) });
      } catch (e) {
        app().project.report(e);
      }
    },
    create: async (name, parentId) => {
      const code = await write(() => api['codes.create']({ name, parentId }));
      if (code) {
        await get().refresh();
        set({ selectedId: code.id });
      }
      return code;
    },
    update: async (id, edit) => {
      if (await write(() => api['codes.update']({ id, ...edit }))) await get().refresh();
    },
    move: async (id, parentId, beforeId = null) => {
      if (await write(() => api['codes.move']({ id, parentId, beforeId }))) await get().refresh();
    },
    remove: async (id) => {
      if (await write(() => api['codes.delete']({ id }))) {
        set({ selectedId: null });
        await get().refresh();
      }
    },
    merge: async (fromId, intoId) => {
      if (await write(() => api['codes.merge']({ fromId, intoId }))) {
        set({ selectedId: intoId });
        await get().refresh();
      }
    },
    reset: () => set({ codes: [], selectedId: null, keys: NO_KEYS, filter: '' }),
  };
});

/** Children of each code (root under ""), in the codebook's order. */
export function childrenOf(codes: readonly Code[]): Map<string, Code[]> {
  const map = new Map<string, Code[]>();
  for (const c of codes) {
    const key = c.parentId ?? '';
    const list = map.get(key) ?? [];
    list.push(c);
    map.set(key, list);
  }
  for (const list of map.values()) list.sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name));
  return map;
}

/** Segments of each code together with its descendants. */
export function totalsOf(codes: readonly Code[]): Map<string, number> {
  const kids = childrenOf(codes);
  const totals = new Map<string, number>();
  const visit = (c: Code): number => {
    const n = c.segments + (kids.get(c.id) ?? []).reduce((sum, k) => sum + visit(k), 0);
    totals.set(c.id, n);
    return n;
  };
  (kids.get('') ?? []).forEach(visit);
  return totals;
}

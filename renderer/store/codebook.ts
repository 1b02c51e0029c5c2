import type { Input } from '../../shared/api';
import type { Code } from '../../shared/types';
import { api } from '../api';
import './project'; // the slice whose write this one uses
import { app, slice, type AppState } from './root';

// The codebook: codes in tree order, the filter, the selected code, which codes
// are pinned to the keys 1–9, and every codebook edit (each one undoable).

/** What one edit of a code may change: the contract's codes.update without the id. */
export type CodeEdit = Omit<Input<'codes.update'>, 'id'>;

interface CodebookState {
  codes: Code[];
  filter: string;
  selectedId: string | null;
  collapsed: Record<string, boolean>;
  pins: string[];
  refresh: () => Promise<void>;
  setFilter: (filter: string) => void;
  select: (id: string | null) => void;
  toggle: (id: string) => void;
  togglePin: (id: string) => void;
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

const pinKey = () => `fieldcode-pins:${app().project.info?.id ?? ''}`;

function storedPins(): string[] | null {
  try {
    const raw = localStorage.getItem(pinKey());
    return raw ? (JSON.parse(raw) as string[]) : null;
  } catch {
    return null;
  }
}

/** Until the researcher pins codes, the keys 1–9 hold the nine codes used most. */
function defaultPins(codes: Code[]): string[] {
  return [...codes]
    .filter((c) => c.segments > 0)
    .sort((a, b) => b.segments - a.segments || a.path.localeCompare(b.path))
    .slice(0, 9)
    .map((c) => c.id);
}

export const useCodebook = slice('codebook', (set, get) => {
  const write: AppState['project']['write'] = (fn, scope) => app().project.write(fn, scope);
  return {
    codes: [],
    filter: '',
    selectedId: null,
    collapsed: {},
    pins: [],
    refresh: async () => {
      try {
        const codes = await api['codes.list']({});
        const live = new Set(codes.map((c) => c.id));
        const pins = (storedPins() ?? (get().pins.length ? get().pins : defaultPins(codes))).filter((id) => live.has(id));
        set({ codes, pins, selectedId: get().selectedId && live.has(get().selectedId!) ? get().selectedId : null });
      } catch (e) {
        app().project.report(e);
      }
    },
    setFilter: (filter) => set({ filter }),
    select: (selectedId) => set({ selectedId }),
    toggle: (id) => set((s) => ({ collapsed: { ...s.collapsed, [id]: !s.collapsed[id] } })),
    togglePin: (id) => {
      const pins = get().pins.includes(id) ? get().pins.filter((p) => p !== id) : [...get().pins, id].slice(-9);
      localStorage.setItem(pinKey(), JSON.stringify(pins));
      set({ pins });
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
    reset: () => set({ codes: [], selectedId: null, pins: [], filter: '' }),
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

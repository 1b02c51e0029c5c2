import type { SearchHit } from '../../../shared/api';
import { api } from '../../api';
import { messageOf } from '../../store/project';
import { slice } from '../../store/root';
import { plural } from '../common/files';

// The last search stays while the researcher jumps to a hit and comes back.

export const SEARCH_LIMIT = 5000;

export const hitKey = (h: SearchHit) => `${h.documentId}:${h.start}`;

/** How far "code all hits" spreads each hit. */
export type HitUnit = 'hit' | 'sentence' | 'turn';

/** The passages to code, one per hit spread to the unit; hits in the same sentence or turn give one passage. */
export function passagesOf(hits: readonly SearchHit[], unit: HitUnit): { documentId: string; start: number; end: number }[] {
  const seen = new Set<string>();
  const out: { documentId: string; start: number; end: number }[] = [];
  for (const h of hits) {
    const r = unit === 'sentence' ? h.sentence : unit === 'turn' ? h.turn : h;
    const key = `${h.documentId}:${r.start}:${r.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ documentId: h.documentId, start: r.start, end: r.end });
  }
  return out;
}

interface SearchState {
  query: string;
  onlyCurrent: boolean;
  /** the query is a regular expression */
  regex: boolean;
  /** what was searched for, and where */
  asked: { query: string; documentId: string | null } | null;
  hits: SearchHit[];
  searching: boolean;
  error: string | null;
  /** hits the researcher unticked, so "code all hits" leaves them out */
  excluded: ReadonlySet<string>;
  /** what the last "code all hits" did */
  done: string | null;
  setQuery: (query: string) => void;
  setOnlyCurrent: (on: boolean) => void;
  setRegex: (on: boolean) => void;
  search: (documentId: string | null) => Promise<void>;
  toggle: (key: string) => void;
  includeAll: (on: boolean) => void;
  codeAll: (codeId: string, codeName: string, unit?: HitUnit) => Promise<void>;
}

const EMPTY = { query: '', asked: null, hits: [], error: null, excluded: new Set<string>(), done: null };

declare module '../../store/root' {
  interface AppState {
    search: SearchState;
  }
}

export const useSearch = slice(
  'search',
  (set, get, app) => ({
    query: '',
    onlyCurrent: false,
    regex: false,
    asked: null,
    hits: [],
    searching: false,
    error: null,
    excluded: new Set(),
    done: null,
    setQuery: (query) => set({ query }),
    setOnlyCurrent: (onlyCurrent) => set({ onlyCurrent }),
    setRegex: (regex) => set({ regex }),
    search: async (documentId) => {
      const query = get().query.trim();
      if (!query) return set({ asked: null, hits: [], error: null, done: null });
      const scope = get().onlyCurrent ? documentId : null;
      set({ searching: true, error: null, done: null });
      try {
        const hits = await api['search.text']({ query, limit: SEARCH_LIMIT, regex: get().regex, ...(scope ? { documentIds: [scope] } : {}) });
        set({ hits, asked: { query, documentId: scope }, excluded: new Set() });
      } catch (e) {
        set({ error: messageOf(e), hits: [], asked: { query, documentId: scope } });
      } finally {
        set({ searching: false });
      }
    },
    toggle: (key) => {
      const excluded = new Set(get().excluded);
      if (excluded.has(key)) excluded.delete(key);
      else excluded.add(key);
      set({ excluded });
    },
    includeAll: (on) => set({ excluded: on ? new Set() : new Set(get().hits.map(hitKey)) }),
    codeAll: async (codeId, codeName, unit = 'hit') => {
      const { hits, excluded } = get();
      const chosen = hits.filter((h) => !excluded.has(hitKey(h)));
      const passages = passagesOf(chosen, unit);
      if (!passages.length) return;
      const r = await app().project.write(() => api['segments.applyMany']({ codeId, passages }));
      const spread = unit === 'hit' ? '' : ` spread to ${plural(passages.length, unit)}`;
      if (r) set({ done: `Coded ${plural(chosen.length, 'hit')}${spread} with “${codeName}” (${plural(r.count, 'coded segment')}).` });
    },
  }),
  // Another project: the last search belonged to the old one.
  { perProject: () => EMPTY },
);

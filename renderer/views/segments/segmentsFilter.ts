import type { Input } from '../../../shared/api';
import { slice } from '../../store/root';

// The Coded segments filters (besides the code, which lives in useNav so any view
// can open this one at a code). They stay while the researcher jumps to a row and back.

export interface SegmentsFilter {
  /** every code, chosen on purpose (a big project holds tens of thousands of segments) */
  allCodes: boolean;
  descendants: boolean;
  /** case attribute → value ("" = any) */
  where: Record<string, string>;
  kind: string;
  speaker: string;
  coderId: string;
}

interface SegmentsFilterState extends SegmentsFilter {
  set: (patch: Partial<SegmentsFilter>) => void;
  setWhere: (attribute: string, value: string) => void;
  clear: () => void;
}

const NONE: SegmentsFilter = { allCodes: false, descendants: true, where: {}, kind: '', speaker: '', coderId: '' };

declare module '../../store/root' {
  interface AppState {
    segmentsFilter: SegmentsFilterState;
  }
}

export const useSegmentsFilter = slice(
  'segmentsFilter',
  (set, get) => ({
    ...NONE,
    set: (patch) => set(patch),
    setWhere: (attribute, value) => set({ where: { ...get().where, [attribute]: value } }),
    clear: () => set({ ...NONE, descendants: get().descendants, allCodes: get().allCodes }),
  }),
  // Another project has other attributes, speakers and coders.
  { perProject: () => NONE },
);

/** The retrieval request for a code and the filters. */
export function retrievalOf(codeId: string | null, f: SegmentsFilter): Input<'segments.retrieve'> {
  const where = Object.fromEntries(
    Object.entries(f.where)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => [k, [v]]),
  );
  return {
    ...(codeId ? { codeIds: [codeId], descendants: f.descendants } : {}),
    ...(Object.keys(where).length ? { where } : {}),
    ...(f.kind ? { kinds: [f.kind] } : {}),
    ...(f.speaker ? { speakers: [f.speaker] } : {}),
    ...(f.coderId ? { coderIds: [f.coderId] } : {}),
    context: 120,
  };
}

export function isFiltered(f: SegmentsFilter): boolean {
  return !!(f.kind || f.speaker || f.coderId || Object.values(f.where).some(Boolean));
}

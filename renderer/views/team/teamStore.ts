import type { AgreementUnit } from '../../../shared/api/team';
import { slice } from '../../store/root';

// Where the lead is in the Team view: the tab, the agreement filters and the code
// whose disagreements are open. Kept while jumping to a passage and back.

export type TeamTab = 'merge' | 'agreement';

export interface AgreementFilters {
  /** none chosen: every coder who coded, except the consensus coder */
  coderIds: string[];
  /** none chosen: every document two or more of them coded */
  documentIds: string[];
  unit: AgreementUnit;
}

interface TeamState extends AgreementFilters {
  tab: TeamTab;
  codeId: string | null;
  setTab: (tab: TeamTab) => void;
  setFilters: (patch: Partial<AgreementFilters>) => void;
  openCode: (codeId: string | null) => void;
}

declare module '../../store/root' {
  interface AppState {
    team: TeamState;
  }
}

export const useTeam = slice(
  'team',
  (set) => ({
    tab: 'merge',
    coderIds: [],
    documentIds: [],
    unit: 'char',
    codeId: null,
    setTab: (tab) => set({ tab }),
    setFilters: (patch) => set(patch),
    openCode: (codeId) => set({ codeId }),
  }),
  // Another project has other coders, documents and codes.
  { perProject: () => ({ coderIds: [], documentIds: [], codeId: null }) },
);

/** The request part shared by agreement, disagreements and "accept agreed codings". */
export function filterInput(f: AgreementFilters): { coderIds?: string[]; documentIds?: string[]; unit: AgreementUnit } {
  return { unit: f.unit, ...(f.coderIds.length ? { coderIds: f.coderIds } : {}), ...(f.documentIds.length ? { documentIds: f.documentIds } : {}) };
}

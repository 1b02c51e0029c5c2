import { slice } from './root';

// Which main view is showing, and where the transcript should go. Any view can ask
// to open a document at a passage (a search hit, a retrieved segment, a disagreement).

export type ViewName = 'code' | 'search' | 'segments' | 'cases' | 'memos' | 'team' | 'reports' | 'analysis';

export interface Target {
  documentId: string;
  start: number;
  end: number;
  /** changes on every request so the same passage can be flashed again */
  nonce: number;
}

interface NavState {
  view: ViewName;
  target: Target | null;
  /** the code the Coded segments view opens with */
  segmentsCode: string | null;
  setView: (view: ViewName) => void;
  openAt: (documentId: string, start?: number, end?: number) => void;
  showSegments: (codeId: string | null) => void;
}

let nonce = 0;

declare module './root' {
  interface AppState {
    nav: NavState;
  }
}

export const useNav = slice('nav', (set) => ({
  view: 'code',
  target: null,
  segmentsCode: null,
  setView: (view) => set({ view }),
  openAt: (documentId, start = 0, end = start) => set({ view: 'code', target: { documentId, start, end, nonce: ++nonce } }),
  showSegments: (segmentsCode) => set({ view: 'segments', segmentsCode }),
}));

import { slice } from './root';

// Data from the main process is a cache. Every write bumps the revision; views that
// show project data re-fetch when it changes (after undo/redo, merges, imports …).
// A coding action has already updated the transcript's segments itself, so it asks
// only for the counts to be refreshed ("counts"), sparing a re-read of every segment.

export type RefreshScope = 'all' | 'counts';

interface RevisionState {
  revision: number;
  scope: RefreshScope;
  bump: (scope?: RefreshScope) => void;
}

declare module './root' {
  interface AppState {
    revision: RevisionState;
  }
}

export const useRevision = slice('revision', (set) => ({
  revision: 0,
  scope: 'all',
  bump: (scope = 'all') => set((s) => ({ revision: s.revision + 1, scope })),
}));

import { create } from 'zustand';

// Data from the main process is a cache. Every write bumps the revision; views that
// show project data re-fetch when it changes (after undo/redo, merges, imports …).

interface RevisionState {
  revision: number;
  bump: () => void;
}

export const useRevision = create<RevisionState>()((set) => ({
  revision: 0,
  bump: () => set((s) => ({ revision: s.revision + 1 })),
}));

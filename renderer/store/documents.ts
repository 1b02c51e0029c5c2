import type { DocumentSummary, TranscriptDocument } from '../../shared/types';
import { api } from '../api';
import './project'; // the slice that reports problems
import { slice } from './root';

// The project's documents and the one open in the transcript pane.

interface DocumentsState {
  list: DocumentSummary[];
  currentId: string | null;
  current: TranscriptDocument | null;
  loading: boolean;
  refresh: () => Promise<void>;
  select: (id: string | null) => Promise<void>;
  reset: () => void;
}

declare module './root' {
  interface AppState {
    documents: DocumentsState;
  }
}

export const useDocuments = slice('documents', (set, get, app) => ({
  list: [],
  currentId: null,
  current: null,
  loading: false,
  refresh: async () => {
    try {
      const list = await api['documents.list']({});
      set({ list });
      const { currentId } = get();
      if (currentId && !list.some((d) => d.id === currentId)) set({ currentId: null, current: null });
      else if (!currentId && list.length) await get().select(list[0].id);
    } catch (e) {
      app().project.report(e);
    }
  },
  select: async (id) => {
    if (!id) return set({ currentId: null, current: null });
    if (id === get().currentId && get().current) return;
    set({ currentId: id, loading: true });
    try {
      const doc = await api['documents.get']({ id });
      if (get().currentId === id) set({ current: doc });
    } catch (e) {
      app().project.report(e);
    } finally {
      set({ loading: false });
    }
  },
  reset: () => set({ list: [], currentId: null, current: null }),
}));

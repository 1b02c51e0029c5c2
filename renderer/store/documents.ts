import type { Place } from '../../shared/api/workspace';
import type { DocumentSummary, TranscriptDocument } from '../../shared/types';
import { unpackDocument, unpackSegments } from '../../shared/transcript-columns';
import { api } from '../api';
import './project'; // the slice that reports problems
import { slice } from './root';

// The project's documents and the one open in the transcript pane.

interface DocumentsState {
  list: DocumentSummary[];
  currentId: string | null;
  current: TranscriptDocument | null;
  loading: boolean;
  /** where this coder was (document and scroll), reopened after a reload */
  place: Place | null;
  keepPlace: (place: Place) => void;
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
  place: null,
  keepPlace: (place) => set({ place }),
  refresh: async () => {
    try {
      const [list, place] = await Promise.all([api['documents.list']({}), get().list.length ? get().place : api['workspace.place']({})]);
      set({ list, place });
      const { currentId } = get();
      if (currentId && !list.some((d) => d.id === currentId)) set({ currentId: null, current: null });
      // The document this coder had open last, else the first.
      else if (!currentId && list.length) await get().select(place && list.some((d) => d.id === place.documentId) ? place.documentId : list[0].id);
    } catch (e) {
      app().project.report(e);
    }
  },
  select: async (id) => {
    if (!id) return set({ currentId: null, current: null });
    if (id === get().currentId && get().current) return;
    set({ currentId: id, loading: true });
    try {
      // Text, turns and segments come in one answer and show in one render, highlights included.
      const opened = await api['documents.open']({ id });
      if (get().currentId === id) {
        const coding = app().coding;
        if (coding.documentId !== id) coding.load(id);
        app().coding.opened(id, unpackSegments(opened.segments, id), opened.coders);
        set({ current: unpackDocument(opened.document) });
      }
      // Remembered at once: a reload now reopens this document, not the first one.
      if (get().place?.documentId !== id) {
        set({ place: { documentId: id, scroll: 0 } });
        void api['workspace.setPlace']({ documentId: id, scroll: 0 }).catch(() => undefined);
      }
    } catch (e) {
      app().project.report(e);
    } finally {
      set({ loading: false });
    }
  },
  reset: () => set({ list: [], currentId: null, current: null, place: null }),
}));

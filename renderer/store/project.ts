import type { HistoryState, RecentProject } from '../../shared/api';
import type { ProjectInfo } from '../../shared/types';
import { api, Refused } from '../api';
import './revision'; // the slice this one bumps
import type { RefreshScope } from './revision';
import { forgetProject, slice } from './root';

// The open project, the recent list, undo/redo and the "saved" indicator. Every
// write in the app goes through `write`: one user action, one call, saved at once.

export type SaveStatus = 'saved' | 'saving' | 'failed';

interface ProjectState {
  info: ProjectInfo | null;
  recent: RecentProject[];
  ready: boolean;
  history: HistoryState;
  status: SaveStatus;
  /** the last problem, shown in a dismissable bar */
  problem: string | null;
  /** what the last undo/redo did, for a moment */
  notice: string | null;
  /** text fields typed in but not yet sent (their save is waiting for a pause in typing) */
  unsent: Record<string, true>;
  setUnsent: (field: string, waiting: boolean) => void;
  init: () => Promise<void>;
  open: (path: string) => Promise<void>;
  create: (name: string, codebook: 'nssp' | 'empty', coder?: string) => Promise<void>;
  openSample: () => Promise<void>;
  close: () => Promise<void>;
  refreshInfo: () => Promise<void>;
  write: <T>(fn: () => Promise<T>, scope?: RefreshScope) => Promise<T | undefined>;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  setCoder: (name: string) => Promise<void>;
  report: (e: unknown) => void;
  dismiss: () => void;
}

export function messageOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0];
}

declare module './root' {
  interface AppState {
    project: ProjectState;
  }
}

const NO_HISTORY: HistoryState = { undo: null, redo: null };

export const useProject = slice('project', (set, get, app) => {
  // Writes still on their way: the indicator says "All changes saved" only when none is.
  let inFlight = 0;
  // Undo and redo wait for them, so Ctrl+Z right after coding undoes that coding (the
  // highlight shows before its write answers; two requests may arrive in either order).
  let last: Promise<unknown> = Promise.resolve();
  const opened = async (info: ProjectInfo) => {
    set({ info, problem: null, status: 'saved', history: await api['history.state']({}) });
    app().revision.bump();
  };
  const guarded = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      get().report(e);
    }
  };
  const step = async (which: 'history.undo' | 'history.redo') => {
    if (!get().info) return;
    set({ status: 'saving' });
    await last;
    try {
      const r = await api[which]({});
      set({ history: { undo: r.undo, redo: r.redo }, status: 'saved', notice: r.done ? `${which === 'history.undo' ? 'Undid' : 'Redid'}: ${r.done}` : null });
      app().revision.bump();
    } catch (e) {
      set({ status: 'failed' });
      get().report(e);
    }
  };
  return {
    info: null,
    recent: [],
    ready: false,
    history: NO_HISTORY,
    status: 'saved',
    problem: null,
    notice: null,
    unsent: {},
    setUnsent: (field, waiting) =>
      set((s) => {
        if (waiting === !!s.unsent[field]) return {};
        const unsent = { ...s.unsent };
        if (waiting) unsent[field] = true;
        else delete unsent[field];
        return { unsent };
      }),
    init: () =>
      guarded(async () => {
        const [info, recent] = await Promise.all([api['project.info']({}), api['app.recent']({})]);
        set({ recent, ready: true });
        if (info) await opened(info);
      }).finally(() => set({ ready: true })),
    open: (path) => guarded(async () => opened(await api['project.open']({ path }))),
    create: (name, codebook, coder) => guarded(async () => opened(await api['project.create']({ path: name, name, codebook, coder }))),
    openSample: () => guarded(async () => opened(await api['project.openSample']({}))),
    close: () =>
      guarded(async () => {
        await api['project.close']({});
        set({ info: null, history: NO_HISTORY, recent: await api['app.recent']({}) });
        app().revision.bump();
      }),
    refreshInfo: () =>
      guarded(async () => {
        const info = await api['project.info']({});
        set({ info });
      }),
    write: async (fn, scope = 'all') => {
      inFlight++;
      set({ status: 'saving' });
      try {
        const sent = fn();
        last = Promise.allSettled([last, sent]).then(() => undefined);
        const result = await sent;
        if (--inFlight === 0) set({ status: get().status === 'failed' ? 'failed' : 'saved', notice: null });
        void api['history.state']({}).then(
          (history) => set({ history }),
          () => undefined,
        );
        app().revision.bump(scope);
        return result;
      } catch (e) {
        inFlight--;
        // A refused input changed nothing in the file: the form says why; "Not saved" is for failed writes.
        if (!(e instanceof Refused)) set({ status: 'failed' });
        else if (inFlight === 0) set({ status: 'saved' });
        get().report(e);
        return undefined;
      }
    },
    undo: () => step('history.undo'),
    redo: () => step('history.redo'),
    setCoder: (name) => guarded(async () => set({ info: await api['project.setCoder']({ name }) })),
    report: (e) => set({ problem: messageOf(e) }),
    dismiss: () => set({ problem: null, notice: null }),
  };
});

// Search, filters and the like belong to one project: another project forgets them.
useProject.subscribe((s, prev) => {
  if (s.info?.id !== prev.info?.id) forgetProject();
});

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

// The renderer keeps one zustand store. Each part of it (project, codebook, coding,
// a view's filters …) is a typed slice under its own key, declared where it is used:
//
//   declare module '…/store/root' { interface AppState { search: SearchState } }
//   export const useSearch = slice('search', (set, get, app) => ({ … }));
//
// A slice reaches another through `app()` (one store, so no store watches another),
// tests reset every slice from one place (`resetApp`), and a slice that belongs to
// one project says what to forget when another project opens.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by each slice's declaration
export interface AppState {}

type Key = keyof AppState;
type Patch<S> = Partial<S> | ((s: S) => Partial<S>);

export type SliceSet<S> = (patch: Patch<S>) => void;
export type SliceCreator<S> = (set: SliceSet<S>, get: () => S, app: () => AppState) => S;

export interface SliceHook<S> {
  <T>(selector: (s: S) => T): T;
  getState: () => S;
  setState: (patch: Patch<S>, replace?: boolean) => void;
  subscribe: (listener: (s: S, prev: S) => void) => () => void;
}

interface Registered {
  create: () => unknown;
  /** what a slice forgets when another project opens: its fresh state, or part of it */
  perProject?: (fresh: unknown) => unknown;
}

const store = createStore<AppState>()(() => ({}) as AppState);
const slices = new Map<Key, Registered>();

/** The whole state, for code outside React (actions, keys). */
export const app = (): AppState => store.getState();

function patchSlice<K extends Key>(key: K, patch: Patch<AppState[K]>, replace = false): void {
  store.setState((root) => {
    const current = root[key];
    const next = typeof patch === 'function' ? patch(current) : patch;
    return { [key]: replace ? next : { ...current, ...next } } as Partial<AppState>;
  });
}

/** Registers a slice under `key` and returns its hook (selector, getState, setState, subscribe). */
export function slice<K extends Key>(
  key: K,
  creator: SliceCreator<AppState[K]>,
  opts: { perProject?: (fresh: AppState[K]) => Partial<AppState[K]> } = {},
): SliceHook<AppState[K]> {
  type S = AppState[K];
  const set: SliceSet<S> = (patch) => patchSlice(key, patch);
  const get = () => store.getState()[key];
  const create = () => creator(set, get, app);
  slices.set(key, { create, perProject: opts.perProject as Registered['perProject'] });
  store.setState({ [key]: create() } as Partial<AppState>);

  const hook = (<T>(selector: (s: S) => T): T => useStore(store, (root) => selector(root[key]))) as SliceHook<S>;
  hook.getState = get;
  hook.setState = (patch, replace) => patchSlice(key, patch, replace);
  hook.subscribe = (listener) =>
    store.subscribe((root, prev) => {
      if (root[key] !== prev[key]) listener(root[key], prev[key]);
    });
  return hook;
}

/** Every slice back to its first state (tests call this between cases). */
export function resetApp(): void {
  const fresh: Partial<Record<Key, unknown>> = {};
  for (const [key, s] of slices) fresh[key] = s.create();
  store.setState(fresh as Partial<AppState>);
}

/** Another project opened: each per-project slice forgets what belonged to the old one. */
export function forgetProject(): void {
  for (const [key, s] of slices) {
    if (s.perProject) patchSlice(key, s.perProject(s.create()) as Partial<AppState[Key]>);
  }
}

import { messageOf, useProject } from '../../store/project';

export type Outcome<T> = { ok: T; error?: undefined } | { ok?: undefined; error: string };

/** A call whose failure comes back as one line (to show beside what caused it). */
export function tryCall<T>(fn: () => Promise<T>): Promise<Outcome<T>> {
  return fn().then(
    (ok): Outcome<T> => ({ ok }),
    (e: unknown): Outcome<T> => ({ error: messageOf(e) }),
  );
}

/**
 * A write through useProject.write whose failure comes back to the caller (to list
 * beside the file that caused it) instead of the problem bar. The project is
 * unchanged when it fails.
 */
export async function attempt<T>(fn: () => Promise<T>): Promise<Outcome<T>> {
  return (await useProject.getState().write(() => tryCall(fn))) ?? { error: 'the action did not finish' };
}

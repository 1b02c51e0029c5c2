import { messageOf, useProject } from '../../store/project';

export type Outcome<T> = { ok: T; error?: undefined } | { ok?: undefined; error: string };

/**
 * A write through useProject.write whose failure comes back to the caller (to list
 * beside the file that caused it) instead of the problem bar. The project is
 * unchanged when it fails.
 */
export async function attempt<T>(fn: () => Promise<T>): Promise<Outcome<T>> {
  const r = await useProject.getState().write(() => fn().then((ok): Outcome<T> => ({ ok }), (e: unknown): Outcome<T> => ({ error: messageOf(e) })));
  return r ?? { error: 'the action did not finish' };
}

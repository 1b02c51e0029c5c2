import { cancelOperation, watchProgress } from '../../electron/project/operations';
import type { Session } from '../../electron/project/session';
import { closeProject, openProject } from '../../electron/store/db';
import type { ProgressEvent } from '../../shared/progress';
import { contentDump } from '../team/helpers';

/** What the file on disk holds, read through a fresh connection: every content row, the search index and the merge log. */
export function dumpOnDisk(path: string): string {
  const p = openProject(path, { readonly: true });
  try {
    return contentDump(p, true);
  } finally {
    closeProject(p);
  }
}

export interface CancelWhileWriting<T> {
  /** every event of the operation, as `stage done/total` */
  events: string[];
  /** what `look` saw on the session's connection when the cancel was sent (rows inside the open transaction) */
  seen: T | undefined;
  /** cancelOperation's answer: true when the operation was still running */
  answered: boolean | null;
  /** events of the operation that came after the cancel */
  afterCancel: string[];
  stop: () => void;
}

/**
 * Cancels operation `id` once its write stage has begun (the first 'writing' event
 * `when` accepts) — from a timer, as a transport's cancel arrives: on a later turn of
 * the event loop, never from inside the write itself. `look` runs at that moment.
 */
export function cancelWhileWriting<T>(s: Session, id: string, when: (e: ProgressEvent) => boolean, look?: () => T): CancelWhileWriting<T> {
  let scheduled = false;
  let sent = false;
  const state: CancelWhileWriting<T> = { events: [], seen: undefined, answered: null, afterCancel: [], stop: () => {} };
  state.stop = watchProgress(s, (e) => {
    if (e.operation !== id) return;
    const line = `${e.stage} ${e.done}/${e.total}`;
    state.events.push(line);
    if (sent) state.afterCancel.push(line);
    if (scheduled || e.stage !== 'writing' || !when(e)) return;
    scheduled = true;
    setTimeout(() => {
      state.seen = look?.();
      sent = true;
      state.answered = cancelOperation(s, id);
    }, 0);
  });
  return state;
}

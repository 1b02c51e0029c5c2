import { InputError } from '../../shared/errors';
import { NO_PROGRESS, stopIfCancelled, type Progress, type ProgressEvent } from '../../shared/progress';
import type { Project } from '../store/db';
import { steppedTransaction } from '../store/stepped';
import { alone } from './gate';
import type { Session } from './session';

// The long operations running in one session (a window's worker or the bridge),
// each under the id its caller gave, and who listens to their progress. The
// transports (shell worker, bridge) listen and pass the events on; a cancel marks
// the operation and the use case throws `Cancelled` at its next check.

type Listener = (e: ProgressEvent) => void;

interface Operations {
  running: Map<string, { cancelled: boolean }>;
  /** ids cancelled before their call arrived (a big upload still on its way): they stop at once when they start */
  early: Set<string>;
  listeners: Set<Listener>;
}

const EARLY_KEPT = 64;

const bySession = new WeakMap<Session, Operations>();

function operations(s: Session): Operations {
  let o = bySession.get(s);
  if (!o) bySession.set(s, (o = { running: new Map(), early: new Set(), listeners: new Set() }));
  return o;
}

/** Hears every progress event of the session; returns the function that stops listening. */
export function watchProgress(s: Session, listener: Listener): () => void {
  const o = operations(s);
  o.listeners.add(listener);
  return () => o.listeners.delete(listener);
}

/**
 * Marks a running operation cancelled; false when no operation runs under that id
 * (it finished, or has not started: then it is cancelled as soon as it starts).
 */
export function cancelOperation(s: Session, id: string): boolean {
  const o = operations(s);
  const op = o.running.get(id);
  if (op) return (op.cancelled = true);
  o.early.add(id);
  if (o.early.size > EARLY_KEPT) o.early.delete(o.early.values().next().value!);
  return false;
}

/**
 * Runs a long use case under the caller's operation id, handing it the `Progress`
 * that reports to the session's listeners and answers cancels. Without an id the
 * work runs as before, unobserved.
 */
export async function runOperation<T>(s: Session, id: string | undefined, work: (p: Progress) => T | Promise<T>): Promise<T> {
  if (!id) return await work(NO_PROGRESS);
  const o = operations(s);
  if (o.running.has(id)) throw new InputError(`operation ${id} is already running`);
  const state = { cancelled: o.early.delete(id) };
  o.running.set(id, state);
  const progress: Progress = {
    report: (stage, done, total, file) => {
      const event: ProgressEvent = file === undefined ? { operation: id, stage, done, total } : { operation: id, stage, done, total, file };
      for (const l of o.listeners) l(event);
    },
    cancelled: () => state.cancelled,
  };
  try {
    return await work(progress);
  } finally {
    o.running.delete(id);
  }
}

/**
 * Lets the event loop run once (a cancel or another request can arrive) between the
 * steps of a long operation; better-sqlite3 is synchronous, so without this a cancel
 * would only be read after the work was done.
 */
export function breathe(): Promise<void> {
  return new Promise((ok) => setImmediate(ok));
}

/** Between the chunks of a stepped write: lets the event loop run, then throws `Cancelled` if asked. */
export type NextStep = () => Promise<void>;

/**
 * The final write of a long operation as ONE transaction that still hears a cancel:
 * `write` awaits `next()` between its chunks (a document, a few hundred rows), where
 * a cancel or a progress event gets through and a cancel rolls everything back. The
 * session's other calls wait at its gate meanwhile (gate.ts), so nothing else runs
 * inside the open transaction; a last check comes just before the COMMIT.
 */
export function writeInSteps<T>(p: Project, progress: Progress | undefined, write: (next: NextStep) => Promise<T>): Promise<T> {
  const next: NextStep = async () => {
    stopIfCancelled(progress);
    await breathe();
    stopIfCancelled(progress);
  };
  return alone(p, () => {
    // A cancel sent while the write waited at the gate stops it before it begins.
    stopIfCancelled(progress);
    return steppedTransaction(p.db, async () => {
      const result = await write(next);
      await next();
      return result;
    });
  });
}

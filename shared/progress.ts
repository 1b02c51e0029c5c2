import { FieldcodeError } from './errors';

// Progress and cancel for long work (merges, imports, QDPX, report exports),
// written once for every layer. The caller names a long operation with an id it
// makes up; the core reports events under that id and stops at the next check
// once the id is cancelled. The core sees only the small `Progress` object, so it
// never knows whether the events go to a window, a browser or a terminal.

/** One step of a long operation: which stage, how far, and the file at hand. */
export interface ProgressEvent {
  operation: string;
  stage: string;
  done: number;
  total: number;
  file?: string;
}

/** What a use case is handed: report how far it got, and ask whether to stop. */
export interface Progress {
  report: (stage: string, done: number, total: number, file?: string) => void;
  cancelled: () => boolean;
}

/** For callers that do not watch (tests, scripts): reports nowhere, never cancelled. */
export const NO_PROGRESS: Progress = { report: () => {}, cancelled: () => false };

/** Said in the UI and the CLI when an operation stopped before it wrote anything. */
export const CANCELLED_MESSAGE = 'Cancelled — nothing was changed';

/** Thrown at the next check after a cancel; inside a transaction it rolls the transaction back. */
export class Cancelled extends FieldcodeError {
  constructor() {
    super(CANCELLED_MESSAGE);
  }
}

/** Throws `Cancelled` when the operation was cancelled; called between steps and inside transactions. */
export function stopIfCancelled(p: Progress | undefined): void {
  if (p?.cancelled()) throw new Cancelled();
}

/** Operation ids come from the caller (renderer, CLI): short, plain, checked on every transport. */
export const OPERATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isOperationId(v: unknown): v is string {
  return typeof v === 'string' && OPERATION_ID.test(v);
}

/** A progress event as received from another process or the network, or null when malformed. */
export function parseProgressEvent(v: unknown): ProgressEvent | null {
  if (!v || typeof v !== 'object') return null;
  const e = v as Record<string, unknown>;
  const count = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (!isOperationId(e.operation) || typeof e.stage !== 'string' || e.stage.length > 100) return null;
  if (!count(e.done) || !count(e.total)) return null;
  if (e.file !== undefined && (typeof e.file !== 'string' || e.file.length > 4096)) return null;
  const out: ProgressEvent = { operation: e.operation, stage: e.stage, done: e.done as number, total: e.total as number };
  if (e.file !== undefined) out.file = e.file as string;
  return out;
}

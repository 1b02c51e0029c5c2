import type { Worker } from 'node:worker_threads';
import { replyError } from '../../shared/shell';
import type { WorkerReply, WorkerRequest } from './worker';
import { progressFromWorker } from './progress-events';
import type { ProgressEvent } from '../../shared/progress';

// The main process's side of the store's worker thread (worker.ts): calls go out
// with an id and their promise waits for the reply with that id. If the worker
// dies (a native crash, an uncaught error, running out of memory), every waiting
// call is rejected with one clear line instead of hanging, and a fresh worker is
// started for the next call. Plain Node (no 'electron'), so it is tested in Node.

export type Call = (method: string, input: unknown) => Promise<unknown>;

export const WORKER_DIED = 'the project store stopped unexpectedly and was restarted; this action was not completed. Open the project again to go on';

export interface WorkerClient {
  call: Call;
  /** stops the worker for good (app quit, tests) */
  close: () => Promise<void>;
  /** how many times a dead worker has been replaced */
  restarts: () => number;
}

/** `onProgress` hears the progress events the worker posts besides its replies. */
export function workerClient(start: () => Worker, onProgress?: (e: ProgressEvent) => void): WorkerClient {
  let next = 0;
  let restarts = 0;
  let closed = false;
  const pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  let worker = launch();

  function launch(): Worker {
    const w = start();
    w.on('message', (r: WorkerReply) => {
      const event = progressFromWorker(r);
      if (event) return onProgress?.(event);
      const p = pending.get(r.id);
      pending.delete(r.id);
      if (!p) return;
      if (r.ok) p.ok(r.result);
      else p.fail(replyError(r)); // a refusal stays marked as one
    });
    // 'error' (an uncaught exception) is followed by 'exit'; both end in died().
    w.on('error', () => died(w));
    w.on('exit', () => died(w));
    return w;
  }

  function died(w: Worker): void {
    if (w !== worker) return; // already replaced
    for (const p of pending.values()) p.fail(new Error(WORKER_DIED));
    pending.clear();
    if (closed) return;
    restarts++;
    worker = launch();
  }

  return {
    call: (method, input) =>
      new Promise((ok, fail) => {
        if (closed) return fail(new Error('Fieldcode is closing'));
        const id = ++next;
        pending.set(id, { ok, fail });
        worker.postMessage({ id, method, input } satisfies WorkerRequest);
      }),
    close: async () => {
      closed = true;
      await worker.terminate();
    },
    restarts: () => restarts,
  };
}

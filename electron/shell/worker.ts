import { parentPort, workerData } from 'node:worker_threads';
import { callMethod } from '../handlers';
import { createSession } from '../project/session';
import { errorReply, type Reply } from '../../shared/shell';
import { watchProgress } from '../project/operations';
import type { WorkerEvent } from './progress-events';

// The store and services live in this one worker thread, so a long merge or
// export never freezes the windows. The main process only forwards calls.

export interface WorkerRequest {
  id: number;
  method: string;
  input: unknown;
}

export type WorkerReply = { id: number } & Reply;

const session = createSession(workerData ?? {});

// Progress of long operations goes to the main process as it happens, beside the replies.
watchProgress(session, (event) => parentPort?.postMessage({ event } satisfies WorkerEvent));

parentPort?.on('message', (req: WorkerRequest) => {
  callMethod(session, req.method, req.input).then(
    (result) => parentPort?.postMessage({ id: req.id, ok: true, result: result ?? null } satisfies WorkerReply),
    (e) => parentPort?.postMessage({ id: req.id, ...errorReply(e) } satisfies WorkerReply),
  );
});

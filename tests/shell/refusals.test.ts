import { Worker } from 'node:worker_threads';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { registerHandlers, type Reply } from '../../electron/shell/ipc';
import { workerClient, type WorkerClient } from '../../electron/shell/worker-client';
import { InputError } from '../../shared/errors';
import { errorReply } from '../../shared/shell';

// Under Electron a call goes renderer → preload → IPC handler → store worker. A refused
// input (a rule of the data; the file is as it was) must arrive marked as refused, as
// over the HTTP bridge, so the renderer says it next to the field and never "Not saved".

type Handler = (event: unknown, input: unknown) => Promise<Reply>;
function fakeIpc(): Pick<IpcMain, 'handle'> & { handlers: Map<string, Handler> } {
  const handlers = new Map<string, Handler>();
  return { handlers, handle: (name, fn) => void handlers.set(name, fn as Handler) };
}
const trusted = (_e: IpcMainInvokeEvent) => true;

// A real worker thread answering as electron/shell/worker.ts does.
const SCRIPT = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (req) => {
  if (req.input.refuse) parentPort.postMessage({ id: req.id, ok: false, error: 'a code name is at most 200 characters', refused: true });
  else parentPort.postMessage({ id: req.id, ok: false, error: 'disk I/O error' });
});`;
let client: WorkerClient | null = null;
afterEach(async () => {
  await client?.close();
  client = null;
});

describe('refusals over IPC', () => {
  it('builds a reply marked refused for an input error, unmarked for a failed write', () => {
    expect(errorReply(new InputError('name Too big'))).toEqual({ ok: false, error: 'name Too big', refused: true });
    expect(errorReply(new Error('disk I/O error\n    at x'))).toEqual({ ok: false, error: 'disk I/O error' });
  });

  it('the IPC handler marks what the core refused, directly and through the store worker', async () => {
    const direct = fakeIpc();
    registerHandlers(
      direct,
      async (_m, input) => {
        throw (input as { refuse?: boolean }).refuse ? new InputError('a code name is at most 200 characters') : new Error('disk I/O error');
      },
      trusted,
    );
    const viaWorker = fakeIpc();
    client = workerClient(() => new Worker(SCRIPT, { eval: true }));
    registerHandlers(viaWorker, client.call, trusted);
    for (const ipc of [direct, viaWorker]) {
      const rename = ipc.handlers.get('fieldcode:codes.update')!;
      expect(await rename({}, { refuse: true })).toEqual({ ok: false, error: 'a code name is at most 200 characters', refused: true });
      expect(await rename({}, {})).toEqual({ ok: false, error: 'disk I/O error' });
    }
  });
});

import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { WORKER_DIED, workerClient, type WorkerClient } from '../../electron/shell/worker-client';

// A real worker thread that answers like the store's worker (id, ok, result) and
// can be told to hang, to die by exit or by an uncaught error.
const SCRIPT = `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', (req) => {
  if (req.method === 'hang') return;
  if (req.method === 'exit') process.exit(7);
  if (req.method === 'throw') setTimeout(() => { throw new Error('native crash'); });
  else if (req.method === 'fail') parentPort.postMessage({ id: req.id, ok: false, error: 'bad input' });
  else parentPort.postMessage({ id: req.id, ok: true, result: { thread: threadId, echo: req.input } });
});`;

let client: WorkerClient | null = null;
afterEach(async () => {
  await client?.close();
  client = null;
});

function start(): WorkerClient {
  client = workerClient(() => new Worker(SCRIPT, { eval: true }));
  return client;
}

describe('the store worker seen from the main process', () => {
  it('answers calls by id, results and one-line errors', async () => {
    const c = start();
    const [a, b] = await Promise.all([c.call('echo', 1), c.call('echo', 2)]);
    expect([a, b]).toMatchObject([{ echo: 1 }, { echo: 2 }]);
    await expect(c.call('fail', {})).rejects.toThrow(/^bad input$/);
  });

  it.each(['exit', 'throw'])('rejects every waiting call when the worker dies (%s) and restarts it', async (how) => {
    const c = start();
    const before = (await c.call('echo', 0)) as { thread: number };
    const waiting = c.call('hang', {});
    const killer = c.call(how, {});
    await expect(waiting).rejects.toThrow(WORKER_DIED);
    await expect(killer).rejects.toThrow(WORKER_DIED);
    expect(c.restarts()).toBe(1);
    const after = (await c.call('echo', 'again')) as { thread: number; echo: string };
    expect(after.echo).toBe('again');
    expect(after.thread).not.toBe(before.thread);
  });

  it('does not restart a worker closed on purpose, and refuses calls after closing', async () => {
    const c = start();
    const waiting = c.call('hang', {});
    await c.close();
    await expect(waiting).rejects.toThrow(WORKER_DIED);
    expect(c.restarts()).toBe(0);
    await expect(c.call('echo', 1)).rejects.toThrow('Fieldcode is closing');
    client = null;
  });
});

import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { guardedSend, progressFromWorker } from '../../electron/shell/progress-events';
import { workerClient, type WorkerClient } from '../../electron/shell/worker-client';
import { isOperationId, parseProgressEvent, type ProgressEvent } from '../../shared/progress';
import { MENU_CHANNEL, PROGRESS_CHANNEL, isWindowEventChannel } from '../../shared/shell';

// The Electron shell's plain parts of progress events, in Node: which channels the
// main process may send on, which worker messages are passed on, and that the
// worker client tells events from replies.

let client: WorkerClient | null = null;
afterEach(async () => {
  await client?.close();
  client = null;
});

describe('sending progress to the window', () => {
  it('sends on the menu and progress channels only', () => {
    const sent: [string, unknown][] = [];
    const send = guardedSend((channel, payload) => sent.push([channel, payload]));
    send(PROGRESS_CHANNEL, { operation: 'a', stage: 'reading', done: 0, total: 1 });
    send(MENU_CHANNEL, 'refresh');
    expect(() => send('fieldcode:documents.delete', {})).toThrow('refused to send on the unknown channel "fieldcode:documents.delete"');
    expect(() => send('', {})).toThrow('unknown channel');
    expect(sent.map(([c]) => c)).toEqual([PROGRESS_CHANNEL, MENU_CHANNEL]);
    expect([isWindowEventChannel('fieldcode:progress'), isWindowEventChannel('fieldcode:progress ')]).toEqual([true, false]);
  });

  it('passes on well-formed progress events from the worker and nothing else', () => {
    const good = { operation: 'merge-1', stage: 'reading', done: 1, total: 3, file: 'amina.fieldcode' };
    expect(progressFromWorker({ event: good })).toEqual(good);
    expect(progressFromWorker({ event: { ...good, extra: 'dropped' } })).toEqual(good);
    expect(progressFromWorker({ id: 4, ok: true, result: null })).toBeNull();
    for (const bad of [
      { ...good, operation: '../../x' },
      { ...good, operation: '' },
      { ...good, done: -1 },
      { ...good, total: 1.5 },
      { ...good, stage: 7 },
      { ...good, file: 12 },
      null,
      'reading',
    ])
      expect(parseProgressEvent(bad)).toBeNull();
    expect([isOperationId('import-2f9c_1'), isOperationId('x'.repeat(65)), isOperationId('a b')]).toEqual([true, false, false]);
  });

  it('the worker client hands events to its listener and replies to their calls', async () => {
    const script = `
      const { parentPort } = require('node:worker_threads');
      parentPort.on('message', (req) => {
        parentPort.postMessage({ event: { operation: 'op', stage: 'reading', done: 0, total: 2, file: 'a.txt' } });
        parentPort.postMessage({ event: { operation: 'op', stage: 'reading', done: 'bad', total: 2 } });
        parentPort.postMessage({ event: { operation: 'op', stage: 'writing', done: 2, total: 2 } });
        parentPort.postMessage({ id: req.id, ok: true, result: 'done' });
      });`;
    const events: ProgressEvent[] = [];
    client = workerClient(
      () => new Worker(script, { eval: true }),
      (e) => events.push(e),
    );
    expect(await client.call('documents.import', {})).toBe('done');
    expect(events).toEqual([
      { operation: 'op', stage: 'reading', done: 0, total: 2, file: 'a.txt' },
      { operation: 'op', stage: 'writing', done: 2, total: 2 },
    ]);
  });
});

import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { registerHandlers } from '../../electron/shell/ipc';
import { progressToWindow, type WindowLike } from '../../electron/shell/progress-events';
import { workerClient, type WorkerClient } from '../../electron/shell/worker-client';
import { CANCELLED_MESSAGE, type ProgressEvent } from '../../shared/progress';
import { PROGRESS_CHANNEL, type Reply } from '../../shared/shell';

// What main.ts does between the window and the store's worker, without Electron:
// the real worker (electron/shell/worker.ts through tsx), the real worker client
// and IPC registration, and a stand-in for the window's webContents that throws on
// send once destroyed, as Electron's does.

type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<Reply>;

class FakeWindow implements WindowLike {
  sent: { channel: string; payload: ProgressEvent }[] = [];
  destroyed = false;
  onSend: ((e: ProgressEvent) => void) | null = null;
  send(channel: string, payload: unknown): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, payload: payload as ProgressEvent });
    this.onSend?.(payload as ProgressEvent);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  of(operation: string): ProgressEvent[] {
    return this.sent.filter((s) => s.payload.operation === operation).map((s) => s.payload);
  }
}

let client: WorkerClient;
let worker: Worker;
const handlers = new Map<string, Handler>();
const window = new FakeWindow();
const link = progressToWindow();
// One folder for the whole file (the helpers' temporary folders go after each test; this worker lives across them).
const dir = mkdtempSync(join(tmpdir(), 'fieldcode-forwarding-'));

/** A call as the window makes it: through the registered IPC handler. */
async function invoke(method: string, input: unknown): Promise<Reply> {
  return handlers.get(`fieldcode:${method}`)!({} as IpcMainInvokeEvent, input);
}

beforeAll(async () => {
  const file = pathToFileURL(join(import.meta.dirname, '..', '..', 'electron', 'shell', 'worker.ts')).href;
  client = workerClient(() => {
    worker = new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(file)}); })`, {
      eval: true,
      workerData: { settingsFolder: join(dir, 'settings'), defaultFolder: dir },
    });
    return worker;
  }, link.forward);
  registerHandlers({ handle: (name, fn) => handlers.set(name, fn as Handler) }, client.call, () => true);
  link.attach(window);
  expect(await invoke('project.create', { path: join(dir, 'Study.fieldcode'), codebook: 'nssp' })).toMatchObject({ ok: true });
});

afterAll(async () => {
  await client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('progress between the worker and the window (main.ts without Electron)', () => {
  it('passes an import’s events to the window in order, on the progress channel only', async () => {
    const paths = Array.from({ length: 12 }, (_, i) => {
      const path = join(dir, `Interview ${String(i).padStart(2, '0')}.txt`);
      writeFileSync(path, `Interviewer: How did the partnership start?\nTeacher ${i}: We wrote letters to our partner school.\n`);
      return path;
    });
    const reply = await invoke('documents.import', { paths, operation: 'import-1' });
    expect(reply).toMatchObject({ ok: true, result: { imported: expect.any(Array) } });
    expect((reply as { result: { imported: unknown[] } }).result.imported).toHaveLength(12);
    expect(new Set(window.sent.map((s) => s.channel))).toEqual(new Set([PROGRESS_CHANNEL]));
    const events = window.of('import-1');
    const reading = events.filter((e) => e.stage === 'reading');
    expect(reading.map((e) => e.done)).toEqual([...reading.map((e) => e.done)].sort((a, b) => a - b));
    expect(reading.map((e) => e.file)).toContain('Interview 00.txt');
    expect(reading.every((e) => e.total === 12)).toBe(true);
    // Reading comes before writing, and the last event says the work is complete.
    const stages = events.map((e) => e.stage);
    expect(stages.indexOf('reading')).toBeLessThan(stages.lastIndexOf('writing'));
    expect(events.at(-1)).toMatchObject({ done: events.at(-1)!.total });
  });

  it('carries a cancel from the window to the worker: the drafts export answers Cancelled and writes nothing', async () => {
    for (let i = 1; i <= 10; i++) expect(await invoke('cases.create', { name: `School ${i}` })).toMatchObject({ ok: true });
    const out = join(dir, 'drafts.zip');
    let cancel: Promise<Reply> | null = null;
    window.onSend = (e) => {
      // Pressed as the first case is drafted, as a user would while the bar moves.
      if (e.operation === 'drafts-1' && e.stage === 'drafting' && !cancel) cancel = invoke('operation.cancel', { operation: 'drafts-1' });
    };
    const reply = await invoke('analysis.export', { what: 'caseStudies', format: 'docx', path: out, operation: 'drafts-1' });
    window.onSend = null;
    expect(reply).toMatchObject({ ok: false, error: CANCELLED_MESSAGE });
    expect(await cancel).toEqual({ ok: true, result: { cancelled: true } });
    const drafting = window.of('drafts-1').filter((e) => e.stage === 'drafting');
    expect(drafting[0]).toEqual({ operation: 'drafts-1', stage: 'drafting', done: 0, total: 10, file: 'School 1' });
    expect(drafting.length).toBeLessThan(10);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('drafts'))).toEqual([]);
    // Not cancelled, the same export is written whole, every case reported in order.
    const whole = await invoke('analysis.export', { what: 'caseStudies', format: 'md', path: out, operation: 'drafts-2' });
    expect(whole).toMatchObject({ ok: true, result: { rows: 10, path: out } });
    expect(
      window
        .of('drafts-2')
        .filter((e) => e.stage === 'drafting')
        .map((e) => e.done),
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('drops the events of a closed window without throwing; the operation still finishes', async () => {
    const before = window.sent.length;
    window.destroyed = true;
    const out = join(dir, 'segments.csv');
    const reply = await invoke('reports.exportSegments', { format: 'csv', filter: {}, path: out, operation: 'closed-1' });
    expect(reply).toMatchObject({ ok: true, result: { path: out } });
    expect(existsSync(out)).toBe(true);
    expect(window.sent.length).toBe(before);
    expect(link.forward({ operation: 'closed-1', stage: 'writing', done: 2, total: 2 })).toBe(false);
    window.destroyed = false;
  });

  it('drops malformed events, from the worker or handed to the forwarder', async () => {
    const before = window.sent.length;
    const good = { operation: 'op-1', stage: 'reading', done: 1, total: 3 };
    for (const bad of [{ ...good, operation: '../../x' }, { ...good, done: -1 }, { ...good, stage: 7 }, { ...good, file: 12 }, 'reading', null]) {
      worker.emit('message', { event: bad });
      expect(link.forward(bad)).toBe(false);
    }
    expect(window.sent.length).toBe(before);
    // The worker still answers, and a well-formed event still goes through.
    expect(await invoke('project.info', {})).toMatchObject({ ok: true });
    worker.emit('message', { event: good });
    expect(window.sent.at(-1)).toEqual({ channel: PROGRESS_CHANNEL, payload: good });
  });
});

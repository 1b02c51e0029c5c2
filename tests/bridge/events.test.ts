import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge';
import { closeProject, newProject } from '../../electron/project/project';
import { parseProgressEvent, type ProgressEvent } from '../../shared/progress';
import { tempDir } from '../helpers/temp';
import { TEXTS } from '../team/helpers';
import { makeTranscripts } from '../bench/corpus';
import { dumpOnDisk } from '../helpers/cancel';

let bridge: Bridge | null = null;
afterEach(async () => {
  await bridge?.close();
  bridge = null;
});

async function setup(): Promise<Bridge> {
  const dir = tempDir();
  const projectPath = join(dir, 'study.fieldcode');
  closeProject(newProject(projectPath, { coder: 'Amina' }));
  bridge = await startBridge({ projectPath, staticDir: dir, settingsFolder: join(dir, 'settings'), defaultFolder: dir });
  return bridge;
}

/** Opens the event stream; resolves with the response once its headers are in. */
function events(port: number, headers: Record<string, string>): Promise<IncomingMessage> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/events', headers: { host: `127.0.0.1:${port}`, ...headers } }, ok);
    req.on('error', fail);
    req.end();
  });
}

async function body(res: IncomingMessage): Promise<string> {
  let text = '';
  for await (const c of res) text += String(c);
  return text;
}

async function call(b: Bridge, method: string, input: unknown): Promise<{ status: number; reply: unknown }> {
  const res = await fetch(`http://127.0.0.1:${b.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fieldcode-token': b.token },
    body: JSON.stringify({ input }),
  });
  return { status: res.status, reply: await res.json() };
}

describe('the bridge’s progress events (Server-Sent Events)', () => {
  it('refuse a request without the token, with a wrong token, or from another site', async () => {
    const b = await setup();
    const none = await events(b.port, {});
    expect([none.statusCode, await body(none)]).toEqual([401, JSON.stringify({ ok: false, error: 'missing or wrong token' })]);
    const wrong = await events(b.port, { 'x-fieldcode-token': 'x'.repeat(b.token.length) });
    expect(wrong.statusCode).toBe(401);
    await body(wrong);
    const foreign = await events(b.port, { 'x-fieldcode-token': b.token, origin: 'http://evil.example' });
    expect(foreign.statusCode).toBe(403);
    await body(foreign);
    const rebound = await events(b.port, { 'x-fieldcode-token': b.token, host: 'evil.example' });
    expect(rebound.statusCode).toBe(403);
    await body(rebound);
  });

  it('stream an import’s events in order under the operation id the page gave', async () => {
    const b = await setup();
    const res = await events(b.port, { 'x-fieldcode-token': b.token });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const seen: ProgressEvent[] = [];
    let buffer = '';
    const finished = new Promise<void>((ok) => {
      res.on('data', (chunk) => {
        buffer += String(chunk);
        const parts = buffer.split('\n\n');
        buffer = parts.pop()!;
        for (const part of parts) {
          const data = part.split('\n').find((l) => l.startsWith('data: '));
          const e = data ? parseProgressEvent(JSON.parse(data.slice(6))) : null;
          if (e) seen.push(e);
          if (e?.stage === 'writing' && e.done === e.total) ok();
        }
      });
    });
    const files = Object.entries(TEXTS).map(([name, t]) => ({ name, data: Buffer.from(t).toString('base64') }));
    const r = await call(b, 'documents.import', { files, operation: 'page-1' });
    expect(r.status).toBe(200);
    await finished;
    res.destroy();
    expect(seen.every((e) => e.operation === 'page-1')).toBe(true);
    expect(seen.map((e) => `${e.stage} ${e.done}/${e.total}`)).toEqual([
      'reading 0/3',
      'reading 1/3',
      'reading 2/3',
      'reading 3/3',
      'writing 0/3',
      'writing 1/3',
      'writing 2/3',
      'writing 3/3',
    ]);
    // A cancel for an operation that has finished says so; a malformed id is refused.
    expect((await call(b, 'operation.cancel', { operation: 'page-1' })).reply).toEqual({ ok: true, result: { cancelled: false } });
    expect((await call(b, 'operation.cancel', { operation: 'a b' })).status).toBe(400);
  });

  it('carry a cancel that arrives while an import is running: nothing is imported', async () => {
    const b = await setup();
    const res = await events(b.port, { 'x-fieldcode-token': b.token });
    let cancelling: Promise<unknown> | null = null;
    res.on('data', (chunk) => {
      if (!cancelling && String(chunk).includes('"stage":"reading"')) cancelling = call(b, 'operation.cancel', { operation: 'big' });
    });
    const files = Array.from({ length: 400 }, (_, i) => ({
      name: `Interview ${i}.txt`,
      data: Buffer.from(`Teacher: answer number ${i}.\n`).toString('base64'),
    }));
    const r = await call(b, 'documents.import', { files, operation: 'big' });
    res.destroy();
    expect(r).toEqual({ status: 400, reply: { ok: false, error: 'Cancelled — nothing was changed', refused: true } });
    expect(await cancelling).toEqual({ status: 200, reply: { ok: true, result: { cancelled: true } } });
    expect((await call(b, 'documents.list', {})).reply).toEqual({ ok: true, result: [] });
  });

  it('carry a cancel while an import writes, and keep a memo saved meanwhile: events stream out during the write', async () => {
    const b = await setup();
    const path = b.session.project!.path;
    const res = await events(b.port, { 'x-fieldcode-token': b.token });
    const writing: string[] = [];
    let replied = false;
    let writingBeforeReply = 0;
    let sent: Promise<[unknown, unknown]> | null = null;
    let buffer = '';
    res.on('data', (chunk) => {
      buffer += String(chunk);
      const parts = buffer.split('\n\n');
      buffer = parts.pop()!;
      for (const part of parts) {
        const data = part.split('\n').find((l) => l.startsWith('data: '));
        const e = data ? parseProgressEvent(JSON.parse(data.slice(6))) : null;
        if (e?.stage !== 'writing') continue;
        writing.push(`${e.done}/${e.total}`);
        if (!replied) writingBeforeReply++;
        if (!sent && e.done >= 3) {
          const memo = call(b, 'memos.save', { target: 'project', targetId: null, title: 'Field notes', body: 'Saved while the import wrote.' });
          sent = Promise.all([memo, call(b, 'operation.cancel', { operation: 'big-write' })]);
        }
      }
    });
    const files = makeTranscripts()
      .slice(0, 100)
      .map((f) => ({ name: f.name, data: Buffer.from(f.text).toString('base64') }));
    const r = await call(b, 'documents.import', { files, operation: 'big-write' });
    replied = true;
    res.destroy();
    expect(r).toEqual({ status: 400, reply: { ok: false, error: 'Cancelled — nothing was changed', refused: true } });
    const [memo, cancel] = await sent!;
    expect(cancel).toEqual({ status: 200, reply: { ok: true, result: { cancelled: true } } });
    expect(memo).toMatchObject({ status: 200, reply: { ok: true, result: { title: 'Field notes' } } });
    // The write stage's events reached the page while the transaction was open, and it stopped long before the end.
    expect(writingBeforeReply).toBeGreaterThan(3);
    expect(writing).not.toContain('100/100');
    expect((await call(b, 'documents.list', {})).reply).toEqual({ ok: true, result: [] });
    const onDisk = JSON.parse(dumpOnDisk(path)) as { documents: string[]; memos: string[] };
    expect([onDisk.documents.length, onDisk.memos.length]).toEqual([0, 1]);
  });
});

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge';
import { createCode } from '../../electron/codebook/codebook';
import { newProject, closeProject } from '../../electron/project/project';
import { openProject } from '../../electron/store/db';
import { tempDir } from '../helpers/temp';

// Browser mode chooses coder copies with a file picker: the browser sends each file to
// the local server, which keeps it under a private temporary folder (0700, the file
// 0600 while written and read-only after), merges it like a typed path, and deletes it
// after the merge. The same token, Host and Origin checks as every API call.

let bridge: Bridge | null = null;
afterEach(async () => {
  await bridge?.close();
  bridge = null;
});

function http(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {}) {
  return new Promise<{ status: number; body: string }>((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'POST', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end(opts.body);
  });
}

async function setup(maxUpload?: number) {
  const dir = tempDir();
  const master = join(dir, 'study.fieldcode');
  closeProject(newProject(master, { coder: 'Lead' }));
  bridge = await startBridge({ projectPath: master, staticDir: dir, settingsFolder: join(dir, 'settings'), defaultFolder: dir, maxUpload });
  const b = bridge;
  const api = async (method: string, input: unknown) =>
    JSON.parse(
      (
        await http(b.port, `/api/${method}`, {
          headers: { host: `127.0.0.1:${b.port}`, 'content-type': 'application/json', 'x-fieldcode-token': b.token },
          body: JSON.stringify({ input }),
        })
      ).body,
    ) as { ok: boolean; result: unknown; error?: string };
  const upload = (name: string, body: Buffer, headers: Record<string, string> = {}) =>
    http(b.port, `/upload/copy?name=${encodeURIComponent(name)}`, {
      headers: { host: `127.0.0.1:${b.port}`, 'content-type': 'application/octet-stream', 'x-fieldcode-token': b.token, ...headers },
      body,
    });
  return { dir, b, api, upload };
}

describe('uploading coder copies to the browser-mode bridge', () => {
  it('keeps an uploaded copy privately, read-only, merges it, and deletes it after the merge', async () => {
    const { dir, api, upload } = await setup();
    const copy = join(dir, 'Amina copy.fieldcode');
    expect((await api('team.coderCopy', { out: copy, coder: 'Amina' })).ok).toBe(true);
    const p = openProject(copy);
    createCode(p, { name: 'From Amina', parentId: null });
    closeProject(p);
    const bytes = readFileSync(copy);

    const res = await upload('Amina copy.fieldcode', bytes);
    expect(res.status).toBe(200);
    const { result } = JSON.parse(res.body) as { result: { path: string; name: string; bytes: number } };
    expect(result).toMatchObject({ name: 'Amina copy.fieldcode', bytes: bytes.length });
    expect(readFileSync(result.path).equals(bytes)).toBe(true);
    expect(statSync(result.path).mode & 0o777).toBe(0o400);
    expect(statSync(dirname(result.path)).mode & 0o777).toBe(0o700);
    expect(readdirSync(dirname(result.path))).toEqual(['Amina copy.fieldcode']); // no .partial left

    const preview = (await api('team.mergePreview', { paths: [result.path] })) as { ok: boolean; result: { changed: number } };
    expect(preview.ok).toBe(true);
    expect(existsSync(result.path)).toBe(true); // still there for the merge itself
    const merged = await api('team.merge', { paths: [result.path] });
    expect(merged.ok).toBe(true);
    expect(((await api('codes.list', {})).result as { name: string }[]).some((c) => c.name === 'From Amina')).toBe(true);
    expect(existsSync(dirname(result.path))).toBe(false);
    expect(readFileSync(copy).equals(bytes)).toBe(true); // the merge never writes its inputs
  });

  it('refuses without the token, from another Host or Origin, a file not named .fieldcode, and one over the limit — leaving nothing behind', async () => {
    const { b, upload } = await setup(1000);
    const small = Buffer.from('SQLite format 3\u0000');
    expect((await upload('a.fieldcode', small, { 'x-fieldcode-token': 'wrong' })).status).toBe(401);
    expect((await upload('a.fieldcode', small, { host: `evil.example:${b.port}` })).status).toBe(403);
    expect((await upload('a.fieldcode', small, { origin: 'http://evil.example' })).status).toBe(403);
    const wrongKind = await upload('notes.docx', small);
    expect(wrongKind.status).toBe(400);
    expect(JSON.parse(wrongKind.body)).toEqual({ ok: false, error: 'notes.docx: a coder copy is a .fieldcode project file', refused: true });
    const big = await upload('big.fieldcode', Buffer.alloc(5000, 1));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toEqual({
      ok: false,
      error: 'big.fieldcode: the file is larger than 1000 bytes, the most the local server accepts',
      refused: true,
    });
    expect((await http(b.port, '/upload/copy?name=a.fieldcode', { method: 'GET', headers: { host: `127.0.0.1:${b.port}` } })).status).toBe(405);
    // Sent in chunks with no length given: counted as it comes, refused past the limit.
    const chunked = await upload('big.fieldcode', Buffer.alloc(5000, 1), { 'transfer-encoding': 'chunked' });
    expect(chunked.status).toBe(413);
    expect(readdirSync(b.uploadFolder)).toEqual([]);
    expect(statSync(b.uploadFolder).mode & 0o777).toBe(0o700);
    const kept = JSON.parse((await upload('a.fieldcode', small)).body) as { result: { path: string } };
    expect(existsSync(kept.result.path)).toBe(true);
    await b.close(); // the server stops: what was never merged goes too
    bridge = null;
    expect(existsSync(b.uploadFolder)).toBe(false);
  });
});

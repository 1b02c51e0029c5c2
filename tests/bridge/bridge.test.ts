import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge';
import { newProject, closeProject } from '../../electron/project/project';
import { tempDir } from '../helpers/temp';

let bridge: Bridge | null = null;
afterEach(async () => {
  await bridge?.close();
  bridge = null;
});

/** A raw HTTP request, so Host and Origin can be set as an attacker would. */
function http(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', fail);
    req.end(opts.body);
  });
}

async function setup(): Promise<Bridge> {
  const dir = tempDir();
  const staticDir = join(dir, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Fieldcode</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve');
  const projectPath = join(dir, 'study.fieldcode');
  closeProject(newProject(projectPath, { coder: 'Amina' }));
  bridge = await startBridge({ projectPath, staticDir, settingsFolder: join(dir, 'settings'), defaultFolder: dir });
  return bridge;
}

const api = (b: Bridge, method: string, input: unknown, headers: Record<string, string> = {}) =>
  http(b.port, `/api/${method}`, {
    method: 'POST',
    headers: { host: `127.0.0.1:${b.port}`, 'content-type': 'application/json', 'x-fieldcode-token': b.token, ...headers },
    body: JSON.stringify({ input }),
  });

describe('the browser-mode bridge', () => {
  it('binds 127.0.0.1 with a random token in the URL and serves the API', async () => {
    const b = await setup();
    expect(b.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${b.port}/\\?token=[A-Za-z0-9_-]{32}$`));
    const info = await api(b, 'project.info', {});
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, result: { coder: { name: 'Amina' } } });
    const codes = JSON.parse((await api(b, 'codes.list', {})).body);
    expect(codes.result.length).toBeGreaterThan(80);
  });

  it('refuses a missing or wrong token, a foreign Host or Origin, and changes nothing', async () => {
    const b = await setup();
    expect((await api(b, 'codes.create', { name: 'X' }, { 'x-fieldcode-token': '' })).status).toBe(401);
    expect((await api(b, 'codes.create', { name: 'X' }, { 'x-fieldcode-token': 'A'.repeat(32) })).status).toBe(401);
    expect((await api(b, 'codes.create', { name: 'X' }, { host: `evil.example:${b.port}` })).status).toBe(403);
    expect((await api(b, 'codes.create', { name: 'X' }, { origin: 'http://evil.example' })).status).toBe(403);
    const codes = JSON.parse((await api(b, 'codes.list', {})).body).result as { name: string }[];
    expect(codes.some((c) => c.name === 'X')).toBe(false);
  });

  it('answers bad input and unknown methods with one line', async () => {
    const b = await setup();
    const bad = await api(b, 'segments.apply', { documentId: 'd', codeId: 'c', start: -1, end: 1 });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({ ok: false, error: expect.stringMatching(/^invalid input for segments\.apply: start/), refused: true });
    expect((await api(b, 'nothing.here', {})).status).toBe(404);
    const notJson = await http(b.port, '/api/project.info', {
      method: 'POST',
      headers: { host: `127.0.0.1:${b.port}`, 'x-fieldcode-token': b.token },
      body: '{',
    });
    expect(notJson.status).toBe(400);
  });

  it('serves the renderer with security headers and never outside its folder', async () => {
    const b = await setup();
    const host = { host: `127.0.0.1:${b.port}` };
    const index = await http(b.port, '/', { headers: host });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Fieldcode</title>');
    expect(index.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await http(b.port, '/assets/app.js', { headers: host })).headers['content-type']).toMatch(/javascript/);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const r = await http(b.port, path, { headers: host });
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('do not serve');
    }
  });
});

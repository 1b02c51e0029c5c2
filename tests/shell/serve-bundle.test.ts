import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

// Browser mode's server runs an esbuild bundle of the bridge (build/bundle.mjs), not
// the sources through tsx: rebuilt when a source is newer, and serving the same API.
// Run in its own Node process, exactly as build/serve.mjs loads it.

const root = join(import.meta.dirname, '..', '..');

function runNode(script: string): Promise<{ code: number | null; out: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => ok({ code, out }));
  });
}

describe("browser mode's server bundle", () => {
  it('builds, starts the bridge from build/out and answers the API with the token', async () => {
    const dir = tempDir();
    const staticDir = join(dir, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Fieldcode</title>');
    const project = join(dir, 'new study.fieldcode');
    const script = `
      import { loadBundle } from './build/bundle.mjs';
      const m = await loadBundle(process.cwd(), 'serve', {
        bridge: './electron/bridge.ts', errors: './shared/errors.ts', project: './electron/project/project.ts',
      });
      const created = m.project.ensureProject(${JSON.stringify(project)});
      const b = await m.bridge.startBridge({ projectPath: ${JSON.stringify(project)}, staticDir: ${JSON.stringify(staticDir)}, port: 0 });
      const page = await fetch(b.url);
      const info = await fetch('http://127.0.0.1:' + b.port + '/api/project.info', {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-fieldcode-token': b.token }, body: JSON.stringify({ input: {} }),
      }).then((r) => r.json());
      const refused = await fetch('http://127.0.0.1:' + b.port + '/api/project.info', { method: 'POST', body: '{}' });
      console.log(JSON.stringify({ created, page: page.status, name: info.result?.name, refused: refused.status }));
      await b.close();
    `;
    const { code, out } = await runNode(script);
    expect(out).not.toMatch(/Error/);
    expect(code).toBe(0);
    const result = JSON.parse(out.trim().split('\n').pop()!);
    expect(result).toMatchObject({ created: true, page: 200, name: 'new study', refused: 401 });
    const folder = readFileSync(join(root, 'build', 'out', 'serve.current'), 'utf8').trim();
    expect(folder).toMatch(/^serve-[\w-]+$/);
    expect(readFileSync(join(root, 'build', 'out', folder, 'bridge.mjs'), 'utf8')).toContain('startBridge');
  }, 120_000);
});

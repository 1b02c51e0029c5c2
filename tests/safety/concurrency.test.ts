import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { updateCode } from '../../electron/codebook/codebook';
import { listCodes } from '../../electron/store/codes';
import { closeProject, openProject } from '../../electron/store/db';
import { newProject } from '../../electron/project/project';
import { closeSession, createSession, openInSession } from '../../electron/project/session';
import { undo, redo } from '../../electron/store/history';
import { cliInProcess, fieldcode } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const ROOT = join(import.meta.dirname, '..', '..');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** Another process with the project open in the app; resolves once it holds it. */
function app(project: string, dir: string): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join('tests', 'safety', 'app-child.ts'), project, join(dir, 'settings')], { cwd: ROOT });
  children.push(child);
  return new Promise((resolve) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve({ child, line: out.trim() });
    });
  });
}

function project(dir: string): string {
  const path = join(dir, 'P.fieldcode');
  closeProject(newProject(path, { codebook: 'nssp' }));
  return path;
}

const codeNames = (path: string) => {
  const p = openProject(path, { readonly: true });
  try {
    return listCodes(p).map((c) => c.path);
  } finally {
    closeProject(p);
  }
};

describe('one writer at a time', () => {
  it('refuses a writing command and a second app while the app has the project open, naming who holds it', async () => {
    const dir = tempDir();
    const P = project(dir);
    const first = await app(P, dir);
    expect(first.line).toBe('ready');
    const r = await cliInProcess('autocode', P, '--code', 'Blocked', '--pattern', 'x');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`^fieldcode: P\\.fieldcode: open in the Fieldcode app \\(process ${first.child.pid} on .+, since .+\\); close it there first\\n$`),
    );
    // Reading is not writing: reports still run while the app has the project.
    expect((await cliInProcess('info', P)).code).toBe(0);
    const second = await app(P, dir);
    expect(second.line).toMatch(/^refused: P\.fieldcode: open in the Fieldcode app \(process \d+/);
    expect(codeNames(P)).not.toContain('Blocked');
  }, 120_000);

  it('takes over the lock of an app that crashed (its process is gone)', async () => {
    const dir = tempDir();
    const P = project(dir);
    const first = await app(P, dir);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    expect(existsSync(`${P}.lock`)).toBe(true);
    const r = await cliInProcess('autocode', P, '--code', 'After crash', '--pattern', 'x');
    expect(r.stderr).toBe('');
    expect(codeNames(P)).toContain('After crash');
    expect(existsSync(`${P}.lock`)).toBe(false);
  }, 120_000);

  it('two commands at once: each finishes or is refused with one line, and nothing either wrote is lost', async () => {
    const dir = tempDir();
    const P = project(dir);
    const run = (code: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const c = spawn(process.execPath, [join(ROOT, 'build', 'fieldcode.mjs'), 'autocode', P, '--code', code, '--pattern', 'x'], { cwd: ROOT });
        let stderr = '';
        c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        c.on('close', (status) => resolve({ code: status, stderr }));
      });
    fieldcode('--version'); // builds the bundle once, before the race
    const [a, b] = await Promise.all([run('First/One'), run('Second/Two')]);
    const names = codeNames(P);
    for (const [r, code] of [
      [a, 'First/One'],
      [b, 'Second/Two'],
    ] as const) {
      if (r.code === 0) expect(names).toContain(code);
      else expect(r.stderr).toMatch(/^fieldcode: P\.fieldcode: (open in fieldcode autocode \(process \d+ on [^\n]*|the project is busy[^\n]*)\n$/);
    }
    expect([a.code, b.code]).toContain(0);
  }, 120_000);
});

describe('undo and redo after another writer', () => {
  it('refuse instead of overwriting what the other writer changed, and work when nothing changed', () => {
    const dir = tempDir();
    const P = project(dir);
    const s = createSession({ settingsFolder: join(dir, 'settings'), defaultFolder: dir });
    try {
      const p = openInSession(s, P);
      const code = listCodes(p)[0];
      updateCode(p, code.id, { name: 'Renamed in the app' });
      // Another writer (a merge, the CLI on a copy of the lock rules) changes the same row.
      const other = openProject(P);
      other.db.prepare('UPDATE codes SET name = ?, updated_at = ? WHERE id = ?').run('Renamed by the other writer', new Date().toISOString(), code.id);
      closeProject(other);
      expect(() => undo(p)).toThrow(
        /^cannot undo "Rename code .*": the code "Renamed in the app" was changed since \(by a merge, another window or the command line\)/,
      );
      expect(listCodes(p).find((c) => c.id === code.id)!.name).toBe('Renamed by the other writer');

      const second = listCodes(p)[1];
      updateCode(p, second.id, { name: 'Second rename' });
      expect(undo(p)).toMatch(/Second rename|Rename/);
      expect(listCodes(p).find((c) => c.id === second.id)!.name).toBe(second.name);
      expect(redo(p)).toMatch(/Rename/);
      expect(listCodes(p).find((c) => c.id === second.id)!.name).toBe('Second rename');
    } finally {
      closeSession(s);
    }
  });
});

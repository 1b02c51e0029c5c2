import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../electron/handlers';
import { createSession, closeSession, openInSession } from '../../electron/project/session';
import { backupProject } from '../../electron/store/backup';
import { closeProject } from '../../electron/store/db';
import { newProject } from '../../electron/project/project';
import { cliInProcess } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

// An export never lands on a project file, the open project or its backups, and
// replaces another existing file only when told to (--force, overwrite: true).

function project(dir: string, name = 'P.fieldcode'): string {
  const path = join(dir, name);
  closeProject(newProject(path, { codebook: 'nssp' }));
  return path;
}

describe('exports never write over work', () => {
  it('the CLI refuses the project itself, another project and its backups, even with --force', async () => {
    const dir = tempDir();
    const P = project(dir);
    const other = project(dir, 'other.fieldcode');
    const before = readFileSync(P);
    for (const args of [
      ['export', P, '--format', 'csv', '-o', P],
      ['export', P, '--format', 'qdpx', '-o', other, '--force'],
      ['codebook', P, '--format', 'csv', '-o', P, '--force'],
      ['cooccurrence', P, '-o', other, '--force'],
    ]) {
      const r = await cliInProcess(...args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^fieldcode: .*: this is a Fieldcode project file \(or its backup\); an export never writes over one/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readFileSync(P).equals(before)).toBe(true);
    expect((await cliInProcess('info', other)).code).toBe(0);
  });

  it('the CLI replaces an existing file only with --force', async () => {
    const dir = tempDir();
    const P = project(dir);
    const out = join(dir, 'codebook.csv');
    writeFileSync(out, 'yesterday');
    const refused = await cliInProcess('codebook', P, '--format', 'csv', '-o', out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/codebook\.csv: the file already exists; choose another name or confirm replacing it \(--force/);
    expect(readFileSync(out, 'utf8')).toBe('yesterday');
    expect((await cliInProcess('codebook', P, '--format', 'csv', '-o', out, '--force')).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFF?path,name/);
  });

  it('the API refuses the open project and its backups, and an existing file without overwrite', async () => {
    const dir = tempDir();
    const P = project(dir);
    const s = createSession({ settingsFolder: join(dir, 'settings'), defaultFolder: dir });
    try {
      const p = openInSession(s, P);
      const backup = await backupProject(p, 'test');
      const before = readFileSync(P);
      await expect(handlers['reports.exportSegments'](s, { format: 'csv', filter: {}, groupBy: [], path: P, overwrite: true })).rejects.toThrow(
        /never writes over one/,
      );
      await expect((async () => handlers['refi.exportProject'](s, { target: 'standard', path: backup, overwrite: true }))()).rejects.toThrow(
        /never writes over one/,
      );
      expect(readFileSync(P).equals(before)).toBe(true);
      const out = join(dir, 'report.csv');
      writeFileSync(out, 'keep me');
      await expect(handlers['reports.exportSegments'](s, { format: 'csv', filter: {}, groupBy: [], path: out })).rejects.toThrow(/the file already exists/);
      expect(readFileSync(out, 'utf8')).toBe('keep me');
      const done = await handlers['reports.exportSegments'](s, { format: 'csv', filter: {}, groupBy: [], path: out, overwrite: true });
      expect(done.path).toBe(out);
      expect(readFileSync(out, 'utf8')).not.toBe('keep me');
      mkdirSync(join(dir, 'folder.csv'));
      await expect(
        handlers['reports.exportSegments'](s, { format: 'csv', filter: {}, groupBy: [], path: join(dir, 'folder.csv'), overwrite: true }),
      ).rejects.toThrow(/is a folder/);
    } finally {
      closeSession(s);
    }
    expect(existsSync(`${P}.lock`)).toBe(false);
  });
});

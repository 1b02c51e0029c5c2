import Database from 'better-sqlite3';
import { copyFileSync, openSync, closeSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeProject, openProject } from '../../electron/store/db';
import { cliInProcess } from '../helpers/cli';
import { importFocusGroup } from '../helpers/corpus';
import { tempDir, tempProject } from '../helpers/temp';

// A reading command (info, docs, text, exports) starts at once: it does not have
// SQLite read every page of a cleanly closed file first (quick_check). It still
// refuses damage in one line — when it reads a bad page, or on open when the last
// writer left its journal behind (an unclean shutdown), when every page is checked.

/** A project with a transcript, closed cleanly, and the pages each table or index holds. */
async function closedProject(): Promise<{ path: string; pages: (name: string) => number[]; pageSize: number }> {
  const p = tempProject({ codebook: 'nssp' });
  await importFocusGroup(p);
  const path = p.path;
  closeProject(p);
  const db = new Database(path, { readonly: true });
  const rows = db.prepare('SELECT name, pageno FROM dbstat').all() as { name: string; pageno: number }[];
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  return { path, pageSize, pages: (name) => rows.filter((r) => r.name === name).map((r) => r.pageno) };
}

/** Overwrites whole pages with bytes no b-tree page can hold. */
function garble(path: string, pages: number[], pageSize: number): void {
  const fd = openSync(path, 'r+');
  try {
    for (const n of pages) writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (n - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

describe('a reading command on a damaged project', () => {
  it('refuses in one line when it reads a bad page, and leaves the file as it was', async () => {
    const { path, pages, pageSize } = await closedProject();
    garble(path, pages('documents'), pageSize);
    const before = readFileSync(path);
    for (const args of [
      ['info', path],
      ['text', path, 'Focus group - Teachers, Kisumu.txt'],
    ]) {
      const r = await cliInProcess(...args);
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr, args[0]).toBe('fieldcode: test.fieldcode: the project file is damaged (SQLite reports it malformed)\n');
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('is checked page by page after an unclean shutdown, and only then', async () => {
    const { path, pages, pageSize } = await closedProject();
    // A bad page that counting never reads: the index of codes by parent.
    garble(path, pages('codes_parent'), pageSize);
    expect((await cliInProcess('info', path)).code).toBe(0);
    // A writer may refuse it still: it checks every page before it writes.
    expect(() => openProject(path)).toThrow(/^test\.fieldcode: the project file is damaged/);

    // The same file as a power cut leaves it: a writer's -wal never folded in.
    const dir = tempDir();
    const cut = join(dir, 'cut.fieldcode');
    copyFileSync(path, cut);
    const writer = new Database(cut);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec("UPDATE project SET name = 'after the cut'");
    copyFileSync(cut, join(dir, 'left.fieldcode'));
    copyFileSync(`${cut}-wal`, join(dir, 'left.fieldcode-wal'));
    writer.close();
    const r = await cliInProcess('info', join(dir, 'left.fieldcode'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^fieldcode: left\.fieldcode: the project file is damaged \([^\n]+\)\n$/);
  });
});

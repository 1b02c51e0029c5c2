import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCodeToMany } from '../../electron/coding/coding';
import { importFiles } from '../../electron/documents/import';
import { newProject } from '../../electron/project/project';
import { projectInfo } from '../../electron/project/info';
import { listCodes } from '../../electron/store/codes';
import { closeProject, openProject } from '../../electron/store/db';
import { SCHEMA_VERSION } from '../../electron/store/migrations';
import { tempDir } from '../helpers/temp';

// Migration 7 indexes the segments' deleted_at, so that counting the live segments
// (`fieldcode info`, the title bar) reads the small index, not the whole table.

const enc = new TextEncoder();

describe('migration 7: an index of the live segments', () => {
  it('brings a version-6 file up to date; the live segments are counted from the index alone', async () => {
    const path = join(tempDir(), 'v6.fieldcode');
    const p = newProject(path, { coder: 'Amina', codebook: 'nssp' });
    const report = await importFiles(p, [{ name: 'Interview.txt', bytes: enc.encode(`Interviewer: Hello.\nTeacher: ${'words '.repeat(2000)}\n`) }]);
    const documentId = report.imported[0].documentId;
    const [code] = listCodes(p);
    applyCodeToMany(
      p,
      code.id,
      Array.from({ length: 30 }, (_, i) => ({ documentId, start: 40 + i * 100, end: 80 + i * 100 })),
    );
    p.db.prepare("UPDATE segments SET deleted_at = 't' WHERE rowid % 3 = 0").run();
    closeProject(p);
    // The same file as version 6 wrote it: without the index.
    const old = new Database(path);
    old.exec('DROP INDEX segments_live');
    old.pragma('user_version = 6');
    old.close();

    // A reader does not migrate, and still counts right.
    const reader = openProject(path, { readonly: true });
    expect(reader.db.pragma('user_version', { simple: true })).toBe(6);
    expect(projectInfo(reader).counts.segments).toBe(20);
    closeProject(reader);

    const writer = openProject(path);
    expect(writer.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(projectInfo(writer).counts.segments).toBe(20);
    const plan = (writer.db.prepare('EXPLAIN QUERY PLAN SELECT count(*) FROM segments WHERE deleted_at IS NULL').all() as { detail: string }[]).map(
      (r) => r.detail,
    );
    expect(plan.join('; ')).toMatch(/COVERING INDEX segments_live/);
    closeProject(writer);
  });
});

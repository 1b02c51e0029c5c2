import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../electron/documents/import';
import { searchText } from '../../electron/documents/search';
import { APPLICATION_ID, closeProject, openProject, type Project } from '../../electron/store/db';
import { deleteDocument } from '../../electron/store/documents';
import { currentCoder } from '../../electron/store/coders';
import { MIGRATIONS, migrate } from '../../electron/store/migrations';
import { tempDir, tempProject } from '../helpers/temp';

// Migration 2: the search index no longer keeps a second copy of every transcript.
// A file made by version 1 (its index with the text inside) is migrated on open;
// search finds exactly the hits it found before, and the file shrinks.

const TEXTS = [
  'Interviewer: What about the café?\nHeadteacher: The Cafe sells fair trade tea. FAIR TRADE matters to the partner school.\n',
  'Facilitator: Tell me about the exchange visit.\nStudent 1: We visited Kenya and learnt about climate and trade.\n',
  'Facilitator: Naïve questions first.\nTeacher 2: Our partner school in Ghana shares lesson plans about trade.\n',
];

/** A project file exactly as version 1 wrote it: documents, turns and an index holding the text. */
function versionOneFile(path: string, filler: number): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version === 1),
  );
  db.exec(`INSERT INTO project (id, name, codebook, created_at, updated_at) VALUES ('p', 'Old study', 'empty', '2025-01-01', '2025-01-01');
           INSERT INTO coders (id, name, created_at, updated_at) VALUES ('c', 'Amina', '2025-01-01', '2025-01-01');
           INSERT INTO settings (key, value) VALUES ('coder', 'c');`);
  const doc =
    db.prepare(`INSERT INTO documents (id, name, kind, text, chars, sha256, format, encoding, source_name, imported_at, updated_at, coder_id, deleted_at)
                          VALUES (?, ?, 'interview', ?, ?, ?, 'txt', 'utf-8', ?, '2025-01-01', '2025-01-01', 'c', ?)`);
  const fts = db.prepare('INSERT INTO document_search (document_id, text) VALUES (?, ?)');
  const texts = [...TEXTS, ...Array.from({ length: filler }, (_, i) => `Teacher: filler transcript ${i} ${'about partnership and learning '.repeat(400)}\n`)];
  db.transaction(() => {
    texts.forEach((text, i) => {
      doc.run(`d${i}`, `Doc ${i}`, text, text.length, `sha${i}`, `doc${i}.txt`, null);
      fts.run(`d${i}`, text);
    });
    // A deleted document: version 1 had already taken it out of the index.
    doc.run('gone', 'Deleted', 'Interviewer: fair trade fair trade.\n', 35, 'shagone', 'gone.txt', '2025-02-01');
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

const QUERIES = ['fair trade', 'cafe', 'partner school', 'naive', 'Kenya', 'partnership learning'];

function hits(p: Pick<Project, 'db'>): string[][] {
  return QUERIES.map((q) =>
    searchText(p as Project, q)
      .map((h) => `${h.documentId}:${h.start}-${h.end}:${h.match}`)
      .sort(),
  );
}

describe('search index without a copy of the text (migration 2)', () => {
  it('migrates a version-1 file: the same hits, no text in the index, a smaller file', () => {
    const path = join(tempDir(), 'old.fieldcode');
    versionOneFile(path, 60);
    const old = new Database(path, { readonly: true });
    const before = hits({ db: old });
    old.close();
    expect(before[0].length).toBe(2);
    expect(before.flat().some((h) => h.startsWith('gone:'))).toBe(false);
    const sizeBefore = statSync(path).size;

    const p = openProject(path);
    expect(p.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(2);
    expect(hits(p)).toEqual(before);
    expect(p.db.prepare('SELECT count(*) FROM document_search').pluck().get()).toBe(TEXTS.length + 60);
    expect(p.db.prepare('SELECT count(*) FROM document_search WHERE text IS NOT NULL').pluck().get()).toBe(0);
    closeProject(p);
    // The text was stored twice; now once (the VACUUM after the migration gives the pages back).
    expect(statSync(path).size).toBeLessThan(sizeBefore * 0.75);
  });

  it('stays in step with the documents: new ones are found, deleted ones are not', async () => {
    const p = tempProject();
    const enc = (s: string) => new TextEncoder().encode(s);
    const r = await importFiles(p, [
      { name: 'a.txt', bytes: enc(TEXTS[0]) },
      { name: 'b.txt', bytes: enc(TEXTS[1]) },
    ]);
    expect(new Set(searchText(p, 'trade').map((h) => h.documentId)).size).toBe(2);
    deleteDocument(p, r.imported[0].documentId, currentCoder(p).id);
    expect(searchText(p, 'trade').map((h) => h.documentId)).toEqual([r.imported[1].documentId]);
    expect(searchText(p, 'cafe')).toEqual([]);
  });
});

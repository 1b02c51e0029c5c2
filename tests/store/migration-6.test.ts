import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../electron/documents/import';
import { searchText } from '../../electron/documents/search';
import { APPLICATION_ID, closeProject, openProject, type Project } from '../../electron/store/db';
import { deleteDocument } from '../../electron/store/documents';
import { currentCoder } from '../../electron/store/coders';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from '../../electron/store/migrations';
import { tempDir } from '../helpers/temp';

// Migration 6: the search index keeps which documents hold a word, not where.
// A version-5 file is migrated on open; search finds exactly the hits it found
// before (phrases included: search finds them in the text), and the file shrinks.

const TEXTS = [
  'Interviewer: What about the café?\nHeadteacher: The Cafe sells fair trade tea. FAIR TRADE matters to the partner school.\n',
  'Facilitator: Tell me about the exchange visit.\nStudent 1: We visited Kenya and learnt about climate and trade.\n',
  'Facilitator: Naïve questions first.\nTeacher 2: Our partner school in Ghana shares lesson plans; trade is fair, we said.\n',
];

/** A project file as version 5 wrote it: documents, their turns and a search index with word positions. */
function versionFiveFile(path: string, filler: number): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 5),
  );
  db.exec(`INSERT INTO project (id, name, codebook, created_at, updated_at) VALUES ('p', 'Old study', 'empty', '2025-01-01', '2025-01-01');
           INSERT INTO coders (id, name, created_at, updated_at) VALUES ('c', 'Amina', '2025-01-01', '2025-01-01');
           INSERT INTO settings (key, value) VALUES ('coder', 'c');`);
  const doc =
    db.prepare(`INSERT INTO documents (id, name, kind, text, chars, sha256, format, encoding, source_name, imported_at, updated_at, coder_id, deleted_at)
                VALUES (?, ?, 'interview', ?, ?, ?, 'txt', 'utf-8', ?, '2025-01-01', '2025-01-01', 'c', ?)`);
  const turn = db.prepare('INSERT INTO turns (document_id, idx, speaker, start, end) VALUES (?, 0, ?, 0, ?)');
  const fts = db.prepare('INSERT INTO document_search (document_id, text) VALUES (?, ?)');
  const words = 'partnership learning climate exchange lesson plans visit school teachers'.split(' ');
  const texts = [
    ...TEXTS,
    ...Array.from(
      { length: filler },
      (_, i) => `Teacher: filler ${i} ${Array.from({ length: 3000 }, (_, k) => words[(k * 7 + i) % words.length]).join(' ')}\n`,
    ),
  ];
  db.transaction(() => {
    texts.forEach((text, i) => {
      doc.run(`d${i}`, `Doc ${i}`, text, text.length, `sha${i}`, `doc${i}.txt`, null);
      turn.run(`d${i}`, text.slice(0, text.indexOf(':')), text.length);
      fts.run(`d${i}`, text);
    });
    // A deleted document: the store had already taken it out of the index.
    doc.run('gone', 'Deleted', 'Interviewer: fair trade fair trade.\n', 35, 'shagone', 'gone.txt', '2025-02-01');
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Bytes of the pages the search index holds (SQLite's dbstat). */
function indexBytes(path: string, like = 'document_search%'): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT sum(pgsize) FROM dbstat WHERE name LIKE ?').pluck().get(like) as number | null) ?? 0;
  } finally {
    db.close();
  }
}

const QUERIES = ['fair trade', 'cafe', 'partner school', 'naive', 'Kenya', '"lesson plans" AND Ghana', 'trade -Kenya', 'climate'];

function hits(p: Pick<Project, 'db'>): string[][] {
  return QUERIES.map((q) =>
    searchText(p as Project, q)
      .map((h) => `${h.documentId}:${h.start}-${h.end}:${h.match}`)
      .sort(),
  );
}

describe('search index without word positions (migration 6)', () => {
  it('migrates a version-5 file: the same hits, no positions in the index, a smaller file that opens again', () => {
    const path = join(tempDir(), 'old.fieldcode');
    versionFiveFile(path, 40);
    const old = new Database(path, { readonly: true });
    const before = hits({ db: old });
    old.close();
    expect(before[0]).toHaveLength(2);
    expect(before.flat().some((h) => h.startsWith('gone:'))).toBe(false);
    const sizeBefore = statSync(path).size;
    const indexBefore = indexBytes(path);

    const p = openProject(path);
    expect(p.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(hits(p)).toEqual(before);
    expect(p.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'document_search'").pluck().get()).toContain('detail = column');
    expect(p.db.prepare('SELECT count(*) FROM document_search').pluck().get()).toBe(TEXTS.length + 40);
    expect(p.db.prepare('SELECT count(*) FROM turns').pluck().get()).toBe(TEXTS.length + 40);
    // FTS5 would leave its old content table behind on DROP: the migration leaves only the new index's tables.
    expect(p.db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'document_search%' ORDER BY name").pluck().all()).toEqual([
      'document_search',
      'document_search_config',
      'document_search_content',
      'document_search_data',
      'document_search_docsize',
      'document_search_idx',
    ]);
    closeProject(p);
    // The index itself loses most of its pages, and the file gives them back (VACUUM).
    const indexAfter = indexBytes(path);
    expect(indexAfter).toBeLessThan(indexBefore * 0.3);
    // (Opening also applies the later migrations: migration 7's index of live segments takes its own pages.)
    expect(statSync(path).size).toBeLessThanOrEqual(sizeBefore - (indexBefore - indexAfter) + indexBytes(path, 'segments_live'));
    // The migrated file holds only what Fieldcode's migrations create: it opens for reading and writing.
    closeProject(openProject(path, { readonly: true }));
    closeProject(openProject(path));
  });

  it('stays in step with the documents: new ones are found, deleted ones are not', async () => {
    const path = join(tempDir(), 'old.fieldcode');
    versionFiveFile(path, 0);
    const p = openProject(path);
    try {
      const r = await importFiles(p, [{ name: 'new.txt', bytes: new TextEncoder().encode('Teacher: our Zanzibar exchange.\n') }]);
      expect(searchText(p, 'zanzibar').map((h) => h.documentId)).toEqual([r.imported[0].documentId]);
      deleteDocument(p, 'd1', currentCoder(p).id);
      expect(searchText(p, 'kenya')).toEqual([]);
      expect(searchText(p, 'trade').map((h) => h.documentId)).toEqual(['d0', 'd0', 'd2']);
    } finally {
      closeProject(p);
    }
  });
});

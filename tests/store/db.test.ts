import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, buildProjectFile, closeProject, openProject } from '../../electron/store/db';
import { ProjectFileError } from '../../shared/errors';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from '../../electron/store/migrations';
import { tempDir, tempProject } from '../helpers/temp';

function refusal(path: string): string {
  try {
    closeProject(openProject(path));
  } catch (e) {
    expect(e).toBeInstanceOf(ProjectFileError);
    return (e as Error).message;
  }
  throw new Error('the file was opened');
}

describe('project file', () => {
  it('is an SQLite file with Fieldcode identity, WAL, full sync and foreign keys', () => {
    const p = tempProject();
    expect(p.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(p.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(p.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(p.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(p.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('reopens with everything it held', () => {
    const p = tempProject({ name: 'Kenya visits' });
    const path = p.path;
    closeProject(p);
    const again = openProject(path);
    expect(again.db.prepare('SELECT name FROM project').pluck().get()).toBe('Kenya visits');
    expect(again.db.prepare('SELECT count(*) FROM codes').pluck().get()).toBeGreaterThan(80);
    closeProject(again);
  });

  it('refuses a file that is not a project, and leaves it unchanged', () => {
    const dir = tempDir();
    const text = join(dir, 'notes.fieldcode');
    writeFileSync(text, 'Interviewer: hello\n');
    expect(refusal(text)).toBe('notes.fieldcode: not a Fieldcode project (not an SQLite database)');
    expect(readFileSync(text, 'utf8')).toBe('Interviewer: hello\n');

    const empty = join(dir, 'empty.fieldcode');
    writeFileSync(empty, '');
    expect(refusal(empty)).toMatch(/empty/);

    const other = join(dir, 'other.fieldcode');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const before = readFileSync(other);
    expect(refusal(other)).toMatch(/an SQLite database of another program/);
    expect(readFileSync(other).equals(before)).toBe(true);
  });

  it('refuses a missing file with its name', () => {
    expect(refusal(join(tempDir(), 'gone.fieldcode'))).toBe('gone.fieldcode: no such project file');
  });

  it('refuses a truncated project without writing to it', () => {
    const p = tempProject();
    const path = p.path;
    closeProject(p);
    const cut = join(tempDir(), 'cut.fieldcode');
    copyFileSync(path, cut);
    truncateSync(cut, Math.floor(statSync(cut).size / 2));
    const size = statSync(cut).size;
    expect(refusal(cut)).toMatch(/^cut\.fieldcode: the project file is (truncated|damaged)/);
    expect(statSync(cut).size).toBe(size);
  });

  it('refuses a project from a newer Fieldcode and writes nothing', () => {
    const p = tempProject();
    p.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    const path = p.path;
    closeProject(p);
    const before = readFileSync(path);
    expect(refusal(path)).toContain(`made by a newer Fieldcode (file version ${SCHEMA_VERSION + 1}, this version reads up to ${SCHEMA_VERSION})`);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses to create over an existing file', () => {
    const p = tempProject();
    expect(() => buildProjectFile(p.path, {}, () => {})).toThrow(/already exists/);
  });
});

describe('migrations', () => {
  it('numbers only go up and start at 1 (gaps are allowed: numbers are assigned per change)', () => {
    expect(MIGRATIONS[0].version).toBe(1);
    MIGRATIONS.slice(1).forEach((m, i) => expect(m.version).toBeGreaterThan(MIGRATIONS[i].version));
  });

  it('applies each migration N-1 → N on a real file holding rows, keeps every row, and applies only once', () => {
    const path = join(tempDir(), 'm.sqlite');
    const db = new Database(path);
    const [first, ...rest] = MIGRATIONS;
    migrate(db, [first]);
    expect(db.pragma('user_version', { simple: true })).toBe(first.version);
    // Real rows of the first schema: a coder, a document in the search index, a code, a segment, a memo.
    db.exec(`INSERT INTO project (id, name, codebook, created_at, updated_at) VALUES ('p', 'Old study', 'empty', '2025-01-01', '2025-01-01');
             INSERT INTO coders (id, name, created_at, updated_at) VALUES ('c', 'Amina', '2025-01-01', '2025-01-01');
             INSERT INTO documents (id, name, kind, text, chars, sha256, format, encoding, source_name, imported_at, updated_at, coder_id)
               VALUES ('d', 'Interview', 'interview', 'Teacher: we trade with Ghana.', 29, 'x', 'txt', 'utf-8', 'i.txt', '2025-01-01', '2025-01-01', 'c');
             INSERT INTO document_search (document_id, text) VALUES ('d', 'Teacher: we trade with Ghana.');
             INSERT INTO codes (id, name, colour, updated_at, coder_id) VALUES ('k', 'Trade', '#336699', '2025-01-01', 'c');
             INSERT INTO segments (id, document_id, code_id, coder_id, start, end, created_at, updated_at) VALUES ('s', 'd', 'k', 'c', 9, 14, '2025-01-01', '2025-01-01');
             INSERT INTO memos (id, target, target_id, title, body, coder_id, updated_at) VALUES ('m', 'code', 'k', 'Trade', 'Mentioned early.', 'c', '2025-01-01');`);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'document_search_%' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    const count = (t: string) => db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number;
    const before = Object.fromEntries(tables.map((t) => [t, count(t)]));
    expect(before.segments).toBe(1);
    for (const m of rest) {
      migrate(
        db,
        MIGRATIONS.filter((x) => x.version <= m.version),
      );
      expect(db.pragma('user_version', { simple: true })).toBe(m.version);
      for (const t of tables) expect(count(t), `${t} after migration ${m.version}`).toBe(before[t]);
      expect(db.prepare("SELECT document_id FROM document_search WHERE document_search MATCH 'ghana'").pluck().all(), `search after ${m.version}`).toEqual([
        'd',
      ]);
    }
    expect(() => migrate(db)).not.toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('keeps the schema it ships (snapshot: change it only with a new migration)', () => {
    const db = new Database(':memory:');
    migrate(db);
    const schema = (
      db.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'document_search_%' ORDER BY type, name").all() as {
        sql: string;
      }[]
    )
      .map((r) => r.sql.replace(/\s+/g, ' '))
      .join('\n');
    expect(schema).toMatchSnapshot();
    db.close();
  });

  it('makes every merged table STRICT with a tombstone and updated_at', () => {
    const db = new Database(':memory:');
    migrate(db);
    for (const t of ['coders', 'cases', 'attributes', 'documents', 'codes', 'segments', 'anchor_examples', 'memos']) {
      const cols = (db.prepare('SELECT name FROM pragma_table_info(?)').all(t) as { name: string }[]).map((c) => c.name);
      expect(cols, t).toContain('deleted_at');
      expect(cols, t).toContain('updated_at');
      expect(db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(t) as string, t).toMatch(/STRICT/);
    }
    db.close();
  });
});

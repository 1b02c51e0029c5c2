import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../electron/store/migrations';
import { tempDir } from '../helpers/temp';

// Migration 4 adds reliability samples to a file that already holds documents.
describe('migration 4: reliability samples', () => {
  it('keeps the rows of a version-1 file and records samples of its documents', () => {
    const db = new Database(join(tempDir(), 'v1.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version === 1),
    );
    db.prepare("INSERT INTO coders (id, name, created_at, updated_at) VALUES ('c', 'Lead', 't', 't')").run();
    db.prepare(
      "INSERT INTO documents (id, name, kind, text, chars, sha256, format, encoding, source_name, imported_at, updated_at, coder_id) VALUES ('d1', 'Interview.txt', 'interview', 'Hello', 5, 'x', 'txt', 'utf-8', 'Interview.txt', 't', 't', 'c')",
    ).run();
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 4),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare('SELECT name FROM documents').pluck().all()).toEqual(['Interview.txt']);
    db.prepare(
      "INSERT INTO reliability_samples (id, name, size_kind, size_value, stratified_by, seed, coder_id, created_at) VALUES ('s1', 'Pilot', 'percent', 10, 'continent', 7, 'c', 't')",
    ).run();
    db.prepare("INSERT INTO reliability_sample_documents (sample_id, document_id, stratum) VALUES ('s1', 'd1', 'Africa')").run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO reliability_samples (id, name, size_kind, size_value, seed, coder_id, created_at) VALUES ('s2', 'PILOT', 'documents', 1, 1, 'c', 't')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO reliability_sample_documents (sample_id, document_id) VALUES ('s1', 'nope')").run()).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare("INSERT INTO reliability_samples (id, name, size_kind, size_value, seed, coder_id, created_at) VALUES ('s3', 'x', 'words', 1, 1, 'c', 't')")
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});

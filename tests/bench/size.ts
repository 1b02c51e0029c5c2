import Database from 'better-sqlite3';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

// The floor for a project's size: the same transcripts and nothing else, one row
// each in a plain SQLite table, written in one transaction and compacted — what
// SQLite itself needs to hold the text.

export function textFloorBytes(dir: string, texts: string[]): number {
  const path = join(dir, 'size-floor.sqlite');
  rmSync(path, { force: true });
  const db = new Database(path);
  db.exec('CREATE TABLE documents (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT');
  const insert = db.prepare('INSERT INTO documents (text) VALUES (?)');
  db.transaction(() => texts.forEach((t) => insert.run(t)))();
  db.exec('VACUUM');
  db.close();
  const bytes = statSync(path).size;
  rmSync(path);
  return bytes;
}

// The floor of a whole-process import, run as its own Node process: read the
// transcripts and INSERT them with their search rows into an already migrated
// project, in one transaction — what SQLite and Node's start cost, nothing of ours.
// node import-floor.mjs PROJECT CORPUS_DIR
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [project, corpus] = process.argv.slice(2);
const db = new Database(project);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
const doc = db.prepare(`INSERT INTO documents (id, name, kind, text, chars, sha256, format, encoding, source_name, imported_at, updated_at, coder_id)
                        VALUES (?, ?, 'interview', ?, ?, ?, 'txt', 'utf-8', ?, '', '', 'c')`);
const fts = db.prepare('INSERT INTO document_search (document_id, text) VALUES (?, ?)');
db.transaction(() => {
  readdirSync(corpus).forEach((name, i) => {
    const text = readFileSync(join(corpus, name), 'utf8');
    doc.run(`doc-${i}`, name, text, text.length, createHash('sha256').update(text).digest('hex'), name);
    fts.run(`doc-${i}`, text);
  });
})();
db.close();

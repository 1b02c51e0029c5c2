// The floor of a whole-process import, run as its own Node process: read the
// transcripts and INSERT them with their speaker turns (found beforehand, given as
// JSON) and search rows into an already migrated project, in one transaction —
// what SQLite and Node's start cost for the same rows, nothing of ours.
// node import-floor.mjs PROJECT CORPUS_DIR TURNS_JSON
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [project, corpus, turnsFile] = process.argv.slice(2);
const turns = JSON.parse(readFileSync(turnsFile, 'utf8'));
const db = new Database(project);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
const doc = db.prepare(`INSERT INTO documents (id, name, kind, text, chars, sha256, format, encoding, source_name, imported_at, updated_at, coder_id)
                        VALUES (?, ?, 'interview', ?, ?, ?, 'txt', 'utf-8', ?, '', '', 'c')`);
const turn = db.prepare('INSERT INTO turns (document_id, idx, speaker, start, end) VALUES (?, ?, ?, ?, ?)');
const fts = db.prepare('INSERT INTO document_search (document_id, text) VALUES (?, ?)');
db.transaction(() => {
  readdirSync(corpus).forEach((name, i) => {
    const text = readFileSync(join(corpus, name), 'utf8');
    doc.run(`doc-${i}`, name, text, text.length, createHash('sha256').update(text).digest('hex'), name);
    turns[name].forEach(([speaker, start, end], idx) => turn.run(`doc-${i}`, idx, speaker, start, end));
    fts.run(`doc-${i}`, text);
  });
})();
db.close();

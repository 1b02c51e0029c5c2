import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectTurns } from '../../shared/turns';
import { importPaths } from '../../electron/documents/import';
import { closeProject } from '../../electron/store/db';
import { migrate } from '../../electron/store/migrations';
import { newProject } from '../../electron/project/project';
import type { Figure } from './run';

/** The floor: the same documents, turns and search rows as raw INSERTs in one transaction. */
function importFloor(dir: string, corpus: string): number {
  const texts = readdirSync(corpus).map((f) => ({ name: f, text: readFileSync(join(corpus, f), 'utf8') }));
  const prepared = texts.map((t, i) => ({ ...t, id: `doc-${i}`, sha: createHash('sha256').update(t.text).digest('hex'), turns: detectTurns(t.text) }));
  const db = new Database(join(dir, 'floor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  migrate(db);
  db.prepare("INSERT INTO coders (id, name, created_at, updated_at) VALUES ('c', 'c', '', '')").run();
  const started = performance.now();
  const doc = db.prepare(`INSERT INTO documents (id, name, kind, text, chars, sha256, format, encoding, source_name, imported_at, updated_at, coder_id)
                          VALUES (?, ?, 'interview', ?, ?, ?, 'txt', 'utf-8', ?, '', '', 'c')`);
  const turn = db.prepare('INSERT INTO turns (document_id, idx, speaker, start, end) VALUES (?, ?, ?, ?, ?)');
  const fts = db.prepare('INSERT INTO document_search (document_id, text) VALUES (?, ?)');
  db.transaction(() => {
    for (const t of prepared) {
      doc.run(t.id, t.name, t.text, t.text.length, t.sha, t.name);
      t.turns.forEach((x, i) => turn.run(t.id, i, x.speaker, x.start, x.end));
      fts.run(t.id, t.text);
    }
  })();
  const ms = performance.now() - started;
  db.close();
  return ms;
}

/** Imports the corpus into a new master project and returns its path. */
export async function benchImport(dir: string, report: (f: Figure) => void): Promise<string> {
  const corpus = join(dir, 'corpus');
  const floorMs = importFloor(dir, corpus);
  const path = join(dir, 'master.fieldcode');
  const p = newProject(path, { coder: 'Lead' });
  const started = performance.now();
  const r = await importPaths(p, [corpus]);
  const ms = performance.now() - started;
  closeProject(p);
  report({ operation: `import ${r.imported.length} transcripts (turns + search)`, ms, floorMs, budgetMs: 5000, note: `≤ 3× floor wanted` });
  if (r.failed.length) throw new Error(`bench import failed: ${r.failed[0].file}: ${r.failed[0].reason}`);
  return path;
}

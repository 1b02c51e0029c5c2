import Database from 'better-sqlite3';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { callMethod } from '../../electron/handlers';
import { cancelOperation, watchProgress } from '../../electron/project/operations';
import { newProject } from '../../electron/project/project';
import { closeSession, createSession, openInSession, type Session } from '../../electron/project/session';
import { closeProject } from '../../electron/store/db';
import { migrate } from '../../electron/store/migrations';
import { Cancelled } from '../../shared/progress';
import { SCALE } from './corpus';
import type { BenchContext } from './sections';

// How soon a cancel stops a long operation that is in its final write (the stepped
// transaction of project/operations.ts): from the cancel, sent from a timer as the
// bridge or the worker delivers it, to the operation's Cancelled answer, rollback
// included. The floor: SQLite's own ROLLBACK of as many rows, inserted raw.

interface Stopped {
  ms: number;
  /** rows the open transaction held when the cancel was sent */
  rows: number;
}

/** Runs `method` under an operation id and cancels it at the first 'writing' event `when` accepts. */
async function cancelDuringWrite(s: Session, method: string, input: object, when: (done: number) => boolean, rows: () => number): Promise<Stopped> {
  let cancelledAt = 0;
  let held = 0;
  let scheduled = false;
  const stop = watchProgress(s, (e) => {
    if (scheduled || e.stage !== 'writing' || !when(e.done)) return;
    scheduled = true;
    setTimeout(() => {
      held = rows();
      cancelledAt = performance.now();
      cancelOperation(s, 'bench-cancel');
    }, 0);
  });
  try {
    const outcome = await callMethod(s, method, { ...input, operation: 'bench-cancel' }).catch((e: unknown) => e);
    if (!(outcome instanceof Cancelled)) throw new Error(`the bench cancel of ${method} did not stop it`);
    return { ms: performance.now() - cancelledAt, rows: held };
  } finally {
    stop();
  }
}

/** SQLite's ROLLBACK of `fill`'s rows on a bare database of the same schema. */
function rollbackFloor(path: string, fill: (db: Database.Database) => void): number {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    migrate(db);
    // Rows of the floor point at nothing: they are only there to be rolled back.
    db.pragma('foreign_keys = OFF');
    db.exec('BEGIN IMMEDIATE');
    fill(db);
    const started = performance.now();
    db.exec('ROLLBACK');
    return performance.now() - started;
  } finally {
    db.close();
  }
}

export async function benchCancel(ctx: BenchContext): Promise<void> {
  const session = (path: string) => {
    const s = createSession({ settingsFolder: join(ctx.dir, 'settings'), defaultFolder: ctx.dir });
    openInSession(s, path);
    return s;
  };

  const importPath = join(ctx.dir, 'cancel-import.fieldcode');
  closeProject(newProject(importPath, { coder: 'Lead' }));
  let s = session(importPath);
  const count = (table: string) => s.project!.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const half = (SCALE.cases * SCALE.documentsPerCase) / 2;
  const imported = await cancelDuringWrite(
    s,
    'documents.import',
    { paths: [join(ctx.dir, 'corpus')] },
    (done) => done >= half,
    () => count('documents'),
  );
  if (count('documents') !== 0) throw new Error('the cancelled bench import left documents behind');
  closeSession(s);
  const texts = new Database(ctx.master, { readonly: true });
  const docs = texts.prepare('SELECT * FROM documents LIMIT ?').all(imported.rows) as Record<string, unknown>[];
  texts.close();
  const importFloor = rollbackFloor(join(ctx.dir, 'cancel-floor-1.sqlite'), (db) => {
    const insert = db.prepare(
      `INSERT INTO documents (${Object.keys(docs[0]).join(', ')}) VALUES (${Object.keys(docs[0])
        .map(() => '?')
        .join(', ')})`,
    );
    const fts = db.prepare('INSERT INTO document_search (document_id, text) VALUES (?, ?)');
    for (const d of docs) {
      insert.run(Object.values(d));
      fts.run(d.id, d.text);
    }
  });
  ctx.report({
    operation: `cancel an import mid-write (${imported.rows} of ${half * 2} in)`,
    ms: imported.ms,
    floorMs: importFloor,
    note: 'from the cancel to its answer, rolled back; floor: ROLLBACK of as many raw documents',
  });

  const copies = Array.from({ length: SCALE.coders }, (_, i) => join(ctx.dir, `coder-${i + 1}.fieldcode`)).filter((c) => existsSync(c));
  if (copies.length === 0) return;
  const mergePath = join(ctx.dir, 'cancel-merge.fieldcode');
  copyFileSync(ctx.master, mergePath);
  s = session(mergePath);
  const before = count('segments');
  const merged = await cancelDuringWrite(
    s,
    'team.merge',
    { paths: copies },
    (done) => done >= 20_000,
    () => count('segments') - before,
  );
  if (count('segments') !== before) throw new Error('the cancelled bench merge left segments behind');
  closeSession(s);
  const mergeFloor = rollbackFloor(join(ctx.dir, 'cancel-floor-2.sqlite'), (db) => {
    const insert = db.prepare(
      `INSERT INTO segments (id, document_id, code_id, coder_id, start, end, memo, created_at, updated_at) VALUES (?, 'd', 'c', 'c', ?, ?, '', '', '')`,
    );
    for (let i = 0; i < merged.rows; i++) insert.run(`s${i}`, i, i + 40);
  });
  ctx.report({
    operation: `cancel a merge mid-write (${merged.rows} segments in)`,
    ms: merged.ms,
    floorMs: mergeFloor,
    note: 'from the cancel to its answer, rolled back; floor: ROLLBACK of as many raw segments',
  });
}

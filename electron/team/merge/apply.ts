import type Database from 'better-sqlite3';
import type { MergeKind } from '../../../shared/api/team';
import type { Project } from '../../store/db';
import { mergeTable, quoteColumn as q, SPECS, type Row } from './model';
import type { Op } from './plan';

// Writing a planned merge. Called inside the merge's one (stepped) transaction: the
// caller commits or rolls back; nothing here opens or ends a transaction. Every
// CHUNK rows, and after each new document (its text, turns and search row are the
// heaviest writes), `next` lets the event loop run so that a cancel is heard.

/** Rows written between two turns of the event loop: a few milliseconds of work. */
export const CHUNK = 250;

/** Called before each write (progress, and tests that crash a merge half-way). */
export type WriteStep = (kind: MergeKind, done: number, total: number) => void;

function statements(db: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  const get = (sql: string) => {
    let st = cache.get(sql);
    if (!st) cache.set(sql, (st = db.prepare(sql)));
    return st;
  };
  const inserts = new Map<string, { st: Database.Statement; columns: string[] }>();
  const updates = new Map<string, { st: Database.Statement; columns: string[] }>();
  return {
    insert(kind: MergeKind, row: Row, text?: string) {
      const id = text === undefined ? kind : `${kind}+text`;
      let it = inserts.get(id);
      if (!it) {
        const s = SPECS[kind];
        const cols = text === undefined ? s.columns : [...s.columns, 'text'];
        const st = db.prepare(`INSERT INTO ${mergeTable(kind)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
        inserts.set(id, (it = { st, columns: s.columns }));
      }
      const args = it.columns.map((c) => row[c]);
      if (text !== undefined) args.push(text);
      it.st.run(args);
    },
    update(kind: MergeKind, row: Row) {
      let it = updates.get(kind);
      if (!it) {
        const s = SPECS[kind];
        const sets = [...s.content, 'updated_at', ...(s.writer ? ['coder_id'] : [])].filter((c) => !s.key.includes(c));
        const st = db.prepare(
          `UPDATE ${mergeTable(kind)} SET ${sets.map((c) => `${q(c)} = ?`).join(', ')} WHERE ${s.key.map((k) => `${q(k)} = ?`).join(' AND ')}`,
        );
        updates.set(kind, (it = { st, columns: [...sets, ...s.key] }));
      }
      it.st.run(it.columns.map((c) => row[c]));
    },
    sql: get,
  };
}

export async function applyOps(p: Project, ops: Op[], step?: WriteStep, next?: () => Promise<void>): Promise<void> {
  const st = statements(p.db);
  const turn = st.sql('INSERT INTO turns (document_id, idx, speaker, role, start, end, time_start, time_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const indexText = st.sql('INSERT INTO document_search (document_id, text) SELECT id, text FROM documents WHERE id = ?');
  const unindex = st.sql('DELETE FROM document_search WHERE document_id = ?');
  const write = (op: Op): boolean => {
    if (op.type === 'update') {
      st.update(op.kind, op.row);
      if (op.kind === 'documents' && op.before && (op.before.deleted_at === null) !== (op.row.deleted_at === null)) {
        if (op.row.deleted_at === null) indexText.run(op.row.id);
        else unindex.run(op.row.id);
      }
      return false;
    }
    if (op.kind !== 'documents') {
      st.insert(op.kind, op.row);
      return false;
    }
    if (!op.text) throw new Error(`no text for the new document ${op.row.id}`);
    st.insert('documents', op.row, op.text.text);
    for (const t of op.text.turns) turn.run(op.row.id, t.idx, t.speaker, t.role, t.start, t.end, t.time_start, t.time_end);
    if (op.row.deleted_at === null) indexText.run(op.row.id);
    return true;
  };
  let sinceBreath = 0;
  for (const [i, op] of ops.entries()) {
    step?.(op.kind, i, ops.length);
    const heavy = write(op);
    if (next && (heavy || ++sinceBreath >= CHUNK)) {
      sinceBreath = 0;
      await next();
    }
  }
  step?.('memos', ops.length, ops.length);
}

import type { Memo, MemoTarget } from '../../shared/types';
import type { Project } from './db';
import { NotFoundError } from '../../shared/errors';

interface MemoRow {
  id: string;
  target: string;
  target_id: string | null;
  title: string;
  body: string;
  coder_id: string;
  updated_at: string;
}

function rowToMemo(r: MemoRow): Memo {
  return { id: r.id, target: r.target as MemoTarget, targetId: r.target_id, title: r.title, body: r.body, coderId: r.coder_id, updatedAt: r.updated_at };
}

export function listMemos(p: Project, target?: MemoTarget, targetId?: string | null): Memo[] {
  const where = ['deleted_at IS NULL'];
  const args: unknown[] = [];
  if (target) {
    where.push('target = ?');
    args.push(target);
  }
  if (targetId !== undefined) {
    where.push('target_id IS ?');
    args.push(targetId);
  }
  const rows = p.db.prepare(`SELECT * FROM memos WHERE ${where.join(' AND ')} ORDER BY updated_at`).all(...args) as MemoRow[];
  return rows.map(rowToMemo);
}

export function insertMemo(p: Project, m: { target: MemoTarget; targetId: string | null; title: string; body: string; coderId: string }): Memo {
  const row: MemoRow = { id: p.newId(), target: m.target, target_id: m.targetId, title: m.title, body: m.body, coder_id: m.coderId, updated_at: p.now() };
  p.db
    .prepare(
      'INSERT INTO memos (id, target, target_id, title, body, coder_id, updated_at) VALUES (@id, @target, @target_id, @title, @body, @coder_id, @updated_at)',
    )
    .run(row);
  return rowToMemo(row);
}

export function updateMemo(p: Project, id: string, changes: { title?: string; body?: string }, coderId: string): Memo {
  const row = p.db.prepare('SELECT * FROM memos WHERE id = ? AND deleted_at IS NULL').get(id) as MemoRow | undefined;
  if (!row) throw new NotFoundError(`no memo with id ${id}`);
  const next = { ...row, title: changes.title ?? row.title, body: changes.body ?? row.body, coder_id: coderId, updated_at: p.now() };
  p.db.prepare('UPDATE memos SET title = @title, body = @body, coder_id = @coder_id, updated_at = @updated_at WHERE id = @id').run(next);
  return rowToMemo(next);
}

export function tombstoneMemo(p: Project, id: string, coderId: string): void {
  const now = p.now();
  p.db.prepare('UPDATE memos SET deleted_at = ?, updated_at = ?, coder_id = ? WHERE id = ?').run(now, now, coderId, id);
}

import type { Segment } from '../../shared/types';
import type { Project } from './db';
import { inList } from './sql';
import { NotFoundError } from '../../shared/errors';

export interface SegmentRow {
  id: string;
  document_id: string;
  code_id: string;
  coder_id: string;
  start: number;
  end: number;
  memo: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export function rowToSegment(r: SegmentRow): Segment {
  return {
    id: r.id,
    documentId: r.document_id,
    codeId: r.code_id,
    coderId: r.coder_id,
    start: r.start,
    end: r.end,
    memo: r.memo,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface SegmentFilter {
  documentId?: string;
  codeIds?: string[];
  coderIds?: string[];
  /** only segments that carry a memo (their own, or one in the memos table) */
  withMemo?: boolean;
}

export function listSegmentRows(p: Project, f: SegmentFilter = {}): SegmentRow[] {
  const where = ['deleted_at IS NULL'];
  const args: unknown[] = [];
  if (f.documentId) {
    where.push('document_id = ?');
    args.push(f.documentId);
  }
  if (f.withMemo) where.push("(memo != '' OR id IN (SELECT target_id FROM memos WHERE target = 'segment' AND deleted_at IS NULL))");
  const within = (column: string, values: string[] | undefined) => {
    if (!values) return;
    const list = inList(column, values);
    where.push(list.sql);
    args.push(list.param);
  };
  if (f.coderIds && f.coderIds.length > 0) within('coder_id', f.coderIds);
  within('code_id', f.codeIds);
  return p.db.prepare(`SELECT * FROM segments WHERE ${where.join(' AND ')} ORDER BY document_id, start, end, id`).all(...args) as SegmentRow[];
}

export function getSegmentRow(p: Project, id: string): SegmentRow {
  const row = p.db.prepare('SELECT * FROM segments WHERE id = ? AND deleted_at IS NULL').get(id) as SegmentRow | undefined;
  if (!row) throw new NotFoundError(`no segment with id ${id}`);
  return row;
}

export function insertSegment(p: Project, row: SegmentRow): void {
  p.db
    .prepare(
      `INSERT INTO segments (id, document_id, code_id, coder_id, start, end, memo, created_at, updated_at, deleted_at)
       VALUES (@id, @document_id, @code_id, @coder_id, @start, @end, @memo, @created_at, @updated_at, @deleted_at)`,
    )
    .run(row);
}

export type SegmentChanges = Partial<Pick<SegmentRow, 'code_id' | 'start' | 'end' | 'memo'>>;

export function updateSegmentRow(p: Project, id: string, changes: SegmentChanges): void {
  const sets: string[] = [];
  const args: Record<string, unknown> = { id, updated_at: p.now() };
  for (const key of ['code_id', 'start', 'end', 'memo'] as const) {
    if (changes[key] === undefined) continue;
    sets.push(`${key} = @${key}`);
    args[key] = changes[key];
  }
  if (sets.length === 0) return;
  p.db.prepare(`UPDATE segments SET ${sets.join(', ')}, updated_at = @updated_at WHERE id = @id`).run(args);
}

export function tombstoneSegment(p: Project, id: string): void {
  const now = p.now();
  p.db.prepare('UPDATE segments SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, now, id);
}

/** Live segments of one coder and code in a document that touch [start, end). */
export function overlappingSameCode(p: Project, documentId: string, codeId: string, coderId: string, start: number, end: number): SegmentRow[] {
  return p.db
    .prepare(
      `SELECT * FROM segments WHERE deleted_at IS NULL AND document_id = ? AND code_id = ? AND coder_id = ?
       AND start < ? AND end > ? ORDER BY start`,
    )
    .all(documentId, codeId, coderId, end, start) as SegmentRow[];
}

import type { Project } from './db';

// Summaries: the researcher's prose in one cell of an analysis grid. A cell is
// (row kind, row key, column kind, column key); at most one live summary per cell
// (a merge conflict may leave two, and both are shown). Rows are addressed by id
// (case, document) or by a group key such as "continent=Africa;phase=primary".

export type SummaryRowKind = 'case' | 'document' | 'group';
export type SummaryColumnKind = 'code' | 'section' | 'memo';

export interface SummaryRow {
  id: string;
  row_kind: SummaryRowKind;
  row_key: string;
  column_kind: SummaryColumnKind;
  column_key: string;
  body: string;
  coder_id: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface Cell {
  rowKind: SummaryRowKind;
  rowKey: string;
  columnKind: SummaryColumnKind;
  columnKey: string;
}

export function liveSummaries(p: Project, filter: { rowKind?: SummaryRowKind; columnKind?: SummaryColumnKind } = {}): SummaryRow[] {
  const where = ['deleted_at IS NULL'];
  const args: string[] = [];
  for (const [column, value] of [
    ['row_kind', filter.rowKind],
    ['column_kind', filter.columnKind],
  ] as const) {
    if (!value) continue;
    where.push(`${column} = ?`);
    args.push(value);
  }
  return p.db.prepare(`SELECT * FROM summaries WHERE ${where.join(' AND ')} ORDER BY updated_at, id`).all(...args) as SummaryRow[];
}

export function cellSummaries(p: Project, c: Cell): SummaryRow[] {
  return p.db
    .prepare('SELECT * FROM summaries WHERE row_kind = ? AND row_key = ? AND column_kind = ? AND column_key = ? AND deleted_at IS NULL ORDER BY updated_at, id')
    .all(c.rowKind, c.rowKey, c.columnKind, c.columnKey) as SummaryRow[];
}

export function getSummary(p: Project, id: string): SummaryRow | undefined {
  return p.db.prepare('SELECT * FROM summaries WHERE id = ?').get(id) as SummaryRow | undefined;
}

export function insertSummary(p: Project, c: Cell, body: string, coderId: string): SummaryRow {
  const row: SummaryRow = {
    id: p.newId(),
    row_kind: c.rowKind,
    row_key: c.rowKey,
    column_kind: c.columnKind,
    column_key: c.columnKey,
    body,
    coder_id: coderId,
    updated_at: p.now(),
    deleted_at: null,
  };
  p.db
    .prepare(
      `INSERT INTO summaries (id, row_kind, row_key, column_kind, column_key, body, coder_id, updated_at, deleted_at)
       VALUES (@id, @row_kind, @row_key, @column_kind, @column_key, @body, @coder_id, @updated_at, @deleted_at)`,
    )
    .run(row);
  return row;
}

export function updateSummaryBody(p: Project, id: string, body: string, coderId: string): void {
  p.db.prepare('UPDATE summaries SET body = ?, coder_id = ?, updated_at = ? WHERE id = ?').run(body, coderId, p.now(), id);
}

export function tombstoneSummary(p: Project, id: string, coderId: string): void {
  const now = p.now();
  p.db.prepare('UPDATE summaries SET deleted_at = ?, updated_at = ?, coder_id = ? WHERE id = ? AND deleted_at IS NULL').run(now, now, coderId, id);
}

/** Full-text-free search: summaries whose text contains every word (case-insensitive). */
export function searchSummaries(p: Project, words: string[]): SummaryRow[] {
  const where = ['deleted_at IS NULL', ...words.map(() => 'instr(lower(body), lower(?)) > 0')];
  return p.db.prepare(`SELECT * FROM summaries WHERE ${where.join(' AND ')} ORDER BY updated_at DESC LIMIT 500`).all(...words) as SummaryRow[];
}

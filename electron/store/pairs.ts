import type { Project } from './db';

// Partner-school pairs. A pair is symmetric: stored once with the smaller id in
// case_a (a CHECK keeps it so), read from either side.

export interface PairRow {
  id: string;
  case_a: string;
  case_b: string;
  coder_id: string;
  updated_at: string;
  deleted_at: string | null;
}

export function livePairs(p: Project): PairRow[] {
  return p.db
    .prepare(
      `SELECT pr.* FROM pairs pr JOIN cases a ON a.id = pr.case_a JOIN cases b ON b.id = pr.case_b
       WHERE pr.deleted_at IS NULL AND a.deleted_at IS NULL AND b.deleted_at IS NULL ORDER BY pr.updated_at, pr.id`,
    )
    .all() as PairRow[];
}

export function pairOf(p: Project, caseId: string): PairRow | undefined {
  return p.db.prepare('SELECT * FROM pairs WHERE deleted_at IS NULL AND (case_a = ? OR case_b = ?)').get(caseId, caseId) as PairRow | undefined;
}

export function insertPair(p: Project, x: string, y: string, coderId: string): PairRow {
  const [a, b] = x < y ? [x, y] : [y, x];
  const row: PairRow = { id: p.newId(), case_a: a, case_b: b, coder_id: coderId, updated_at: p.now(), deleted_at: null };
  p.db
    .prepare('INSERT INTO pairs (id, case_a, case_b, coder_id, updated_at, deleted_at) VALUES (@id, @case_a, @case_b, @coder_id, @updated_at, @deleted_at)')
    .run(row);
  return row;
}

export function tombstonePair(p: Project, id: string, coderId: string): void {
  const now = p.now();
  p.db.prepare('UPDATE pairs SET deleted_at = ?, updated_at = ?, coder_id = ? WHERE id = ? AND deleted_at IS NULL').run(now, now, coderId, id);
}

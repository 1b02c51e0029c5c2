import type { Code } from '../../shared/types';
import type { Project } from '../store/db';

// Segment counts per case (or document) and code, from one grouped query; every
// matrix, comparison and pair analysis adds these up over sets of codes.

export type Counts = Map<string, Map<string, number>>;

/** row id → code id → live segments, rows being cases or documents. */
export function segmentCounts(p: Project, by: 'case' | 'document'): Counts {
  const column = by === 'case' ? 'd.case_id' : 'd.id';
  const rows = p.db
    .prepare(
      `SELECT ${column}, s.code_id, count(*) FROM segments s JOIN documents d ON d.id = s.document_id
       WHERE s.deleted_at IS NULL AND d.deleted_at IS NULL AND ${column} IS NOT NULL GROUP BY 1, 2`,
    )
    .raw(true)
    .all() as [string, string, number][];
  const out: Counts = new Map();
  for (const [row, code, n] of rows) {
    let m = out.get(row);
    if (!m) out.set(row, (m = new Map()));
    m.set(code, n);
  }
  return out;
}

/** A code and, when asked, its sub-codes: the ids a column counts. */
export function codeSet(codes: readonly Code[], id: string, descendants: boolean): string[] {
  if (!descendants) return [id];
  const kids = new Map<string, string[]>();
  for (const c of codes) if (c.parentId) kids.set(c.parentId, [...(kids.get(c.parentId) ?? []), c.id]);
  const out: string[] = [];
  const walk = (x: string) => {
    out.push(x);
    for (const k of kids.get(x) ?? []) walk(k);
  };
  walk(id);
  return out;
}

export function sumOver(counts: Counts, row: string, codeIds: readonly string[]): number {
  const m = counts.get(row);
  if (!m) return 0;
  let n = 0;
  for (const c of codeIds) n += m.get(c) ?? 0;
  return n;
}

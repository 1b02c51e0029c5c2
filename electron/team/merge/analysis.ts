import { createHash } from 'node:crypto';
import type { MergeKind } from '../../../shared/api/team';
import type { Row, Spec } from './model';

// The analysis tables (migration 5) in a merge: framework-matrix summaries,
// case-study templates and partner-school pairs. Kept apart from the core specs so
// the merge's own rules stay in one place and this file says what is special:
// - a summary's row and column keys name a case, document or code by id
//   (mapped like memo targets) or a group or template section by name (kept);
// - a summary changed on both sides keeps BOTH texts (the copy's as a second
//   summary of the same cell), since prose cannot be picked by timestamp alone;
// - a pair keeps its smaller case id first after ids are mapped.

export const ANALYSIS_SPECS = {
  summaries: {
    kind: 'summaries',
    table: 'summaries',
    key: ['id'],
    columns: ['id', 'row_kind', 'row_key', 'column_kind', 'column_key', 'body', 'coder_id', 'updated_at', 'deleted_at'],
    content: ['row_kind', 'row_key', 'column_kind', 'column_key', 'body', 'deleted_at'],
    refs: [],
    writer: true,
  },
  templates: {
    kind: 'templates',
    table: 'templates',
    key: ['id'],
    columns: ['id', 'name', 'sections', 'coder_id', 'updated_at', 'deleted_at'],
    content: ['name', 'sections', 'deleted_at'],
    refs: [],
    writer: true,
  },
  pairs: {
    kind: 'pairs',
    table: 'pairs',
    key: ['id'],
    columns: ['id', 'case_a', 'case_b', 'coder_id', 'updated_at', 'deleted_at'],
    content: ['case_a', 'case_b', 'deleted_at'],
    refs: [
      ['case_a', 'cases'],
      ['case_b', 'cases'],
    ],
    writer: true,
  },
} satisfies Record<'summaries' | 'templates' | 'pairs', Spec>;

const ROW_TARGET: Record<string, MergeKind | null> = { case: 'cases', document: 'documents', group: null };
const COLUMN_TARGET: Record<string, MergeKind | null> = { code: 'codes', section: null, memo: null };

/** Maps the ids inside an analysis row from the copy's to the master's (in place). */
export function mapAnalysisRow(kind: MergeKind, out: Row, ids: Record<MergeKind, Map<string, string>>): void {
  if (kind === 'summaries') {
    const r = ROW_TARGET[String(out.row_kind)];
    if (r) out.row_key = ids[r].get(String(out.row_key)) ?? out.row_key;
    const c = COLUMN_TARGET[String(out.column_kind)];
    if (c) out.column_key = ids[c].get(String(out.column_key)) ?? out.column_key;
  }
  if (kind === 'pairs' && String(out.case_a) > String(out.case_b)) [out.case_a, out.case_b] = [out.case_b, out.case_a];
}

/** Whether a both-sides change keeps both versions instead of the newer one. */
export function keepsBoth(kind: MergeKind, master: Row, copy: Row): boolean {
  return kind === 'summaries' && master.deleted_at === null && copy.deleted_at === null && master.body !== copy.body;
}

/** The copy's text of a conflicting summary as its own row: a stable id, so merging again does not add it twice. */
export function secondVersion(copy: Row): Row {
  const h = createHash('sha256').update(`summary-conflict:${copy.id}:${copy.updated_at}`).digest('hex');
  return { ...copy, id: `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}` };
}

/** Whether this version of a summary is already in the master as the second text of an earlier conflict. */
export function keptAsSecond(summaries: Map<string, Row>, copy: Row): boolean {
  const second = summaries.get(String(secondVersion(copy).id));
  return !!second && second.body === copy.body && second.deleted_at === copy.deleted_at;
}

/** Copies made before migration 5 have no analysis tables: they carry none of these rows. */
export function hasTable(db: { prepare: (sql: string) => { pluck: () => { get: (...a: unknown[]) => unknown } } }, table: string): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table);
}

/**
 * Cells that hold more than one live summary because this copy added one where
 * the master already had another (both written the same cell independently):
 * both are kept, and each such cell is listed as a conflict.
 */
export function cellClashes(summaries: Map<string, Row>, added: Row[]): Row[] {
  const cell = (r: Row) => `${r.row_kind}\u0000${r.row_key}\u0000${r.column_kind}\u0000${r.column_key}`;
  const live = new Map<string, number>();
  for (const r of summaries.values()) if (r.deleted_at === null) live.set(cell(r), (live.get(cell(r)) ?? 0) + 1);
  return added.filter((r) => r.deleted_at === null && (live.get(cell(r)) ?? 0) > 1);
}

export interface PairClash {
  /** the older pairing: dissolved by the merge */
  loser: Row;
  /** the newest pairing that shares a case with it */
  winner: Row;
}

const newerPair = (x: Row, y: Row) => String(x.updated_at) > String(y.updated_at) || (x.updated_at === y.updated_at && String(x.id) > String(y.id));

/**
 * Live pairs that leave a case with two partners (two copies paired one school
 * with different partners). As when a researcher picks a new partner, the newer
 * pairing wins: a pair is dissolved when a newer live pair shares one of its cases.
 * The rule looks at each pair on its own, so it never leaves a case in two pairs
 * and does not depend on the order the copies are merged in.
 */
export function pairClashes(pairs: Map<string, Row>): PairClash[] {
  const live = [...pairs.values()].filter((r) => r.deleted_at === null);
  const byCase = new Map<string, Row[]>();
  for (const r of live) for (const c of [String(r.case_a), String(r.case_b)]) byCase.set(c, [...(byCase.get(c) ?? []), r]);
  const out: PairClash[] = [];
  for (const r of live) {
    let winner: Row | null = null;
    for (const c of [String(r.case_a), String(r.case_b)])
      for (const o of byCase.get(c)!) if (o !== r && newerPair(o, r) && (!winner || newerPair(o, winner))) winner = o;
    if (winner) out.push({ loser: r, winner });
  }
  return out;
}

/** The dissolved pair: a tombstone dated and signed like the pairing that replaced it, so merging again keeps it dissolved. */
export function dissolvedPair({ loser, winner }: PairClash): Row {
  return { ...loser, deleted_at: winner.updated_at, updated_at: winner.updated_at, coder_id: winner.coder_id };
}

import { createHash } from 'node:crypto';
import { MERGE_KINDS, type MergeConflict, type MergeCounts, type MergeKind } from '../../../shared/api/team';
import { cellClashes, dissolvedPair, keepsBoth, keptAsSecond, mapAnalysisRow, pairClashes, secondVersion } from './analysis';
import { conflictLabel } from './labels';
import { copyWins, differences, keyOf, MEMO_TARGETS, sameContent, SPECS, type Row, type Tables } from './model';

// Deciding, row by row, what a copy changes in the master — without writing.
// The state holds the master as it will be after the copies planned so far, so
// copies are merged one after another in memory and written in one transaction.
//
// Identity: the same UUID is the same entity. An entity the master does not know
// by id is matched, while live, by its natural key — documents by text hash, codes
// by parent and name, cases, attributes and coders by name — and that match is
// remembered (in the merge log), so it holds even after a later rename.
// Edits: the newer updated_at wins (ties broken by content, so any merge order
// gives the same result); deletions are tombstones and win or lose like any edit.
// Conflicts — both sides changed the same entity since the copy was last in step
// with the master — are resolved by that rule and always reported.

export type Op = { kind: MergeKind; type: 'insert' | 'update'; row: Row; before?: Row; text?: CopyText };

export interface CopyText {
  text: string;
  turns: Row[];
}

export interface MergeState {
  tables: Tables;
  /** copy id → master id for entities matched by natural key (from the merge log and this merge) */
  aliases: Record<MergeKind, Map<string, string>>;
  ops: Op[];
}

export interface Snapshot {
  rows: Record<MergeKind, Row[]>;
  texts: Map<string, CopyText>;
  file: string;
}

export interface CopyPlan {
  counts: Record<MergeKind, MergeCounts>;
  conflicts: MergeConflict[];
  /** natural-key matches learned from this copy, for the merge log */
  aliases: Partial<Record<MergeKind, Record<string, string>>>;
  /** the newest change in the copy: it and the master are in step up to here after the merge */
  highWater: string;
}

export const emptyCounts = (): MergeCounts => ({ new: 0, updated: 0, deleted: 0, unchanged: 0, conflicts: 0 });

export function emptyKindCounts(): Record<MergeKind, MergeCounts> {
  return Object.fromEntries(MERGE_KINDS.map((k) => [k, emptyCounts()])) as Record<MergeKind, MergeCounts>;
}

const lower = (v: unknown) => String(v ?? '').toLowerCase();

/** A stable id for the copy's version of a document whose text differs from the master's under the same id. */
function divergentId(id: string, sha: string): string {
  const h = createHash('sha256').update(`${id}:${sha}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const NATURAL = new Set<MergeKind>(['coders', 'cases', 'attributes', 'documents', 'codes']);

/** The live master entity with the same natural key, if any (`except`: an id to leave out). */
function naturalMatch(t: Tables, kind: MergeKind, row: Row, except?: string): string | null {
  if (!NATURAL.has(kind) || row.deleted_at !== null) return null;
  for (const m of t[kind].values()) {
    if (m.deleted_at !== null || m.id === except) continue;
    const same =
      kind === 'documents'
        ? m.sha256 === row.sha256
        : kind === 'codes'
          ? m.parent_id === row.parent_id && lower(m.name) === lower(row.name)
          : lower(m.name) === lower(row.name);
    if (same) return String(m.id);
  }
  return null;
}

/** Copy rows of the codebook with parents before their children. */
function parentsFirst(rows: Row[]): Row[] {
  const byParent = new Map<string, Row[]>();
  const ids = new Set(rows.map((r) => String(r.id)));
  for (const r of rows) {
    const parent = r.parent_id !== null && ids.has(String(r.parent_id)) ? String(r.parent_id) : '';
    byParent.set(parent, [...(byParent.get(parent) ?? []), r]);
  }
  const out: Row[] = [];
  const visit = (parent: string) => {
    for (const r of byParent.get(parent) ?? []) {
      out.push(r);
      visit(String(r.id));
    }
  };
  visit('');
  return out;
}

/** Whether making `parentId` the parent of `id` would put the code inside itself. */
function makesCycle(t: Tables, id: string, parentId: Row['parent_id']): boolean {
  for (let p = parentId, hops = 0; p !== null && hops < 10_000; hops++) {
    if (p === id) return true;
    p = t.codes.get(String(p))?.parent_id ?? null;
  }
  return false;
}

export function planCopy(state: MergeState, snap: Snapshot, base: string | null): CopyPlan {
  const { tables: t } = state;
  const plan: CopyPlan = { counts: emptyKindCounts(), conflicts: [], aliases: {}, highWater: '' };
  const ids = Object.fromEntries(MERGE_KINDS.map((k) => [k, new Map(state.aliases[k])])) as Record<MergeKind, Map<string, string>>;
  const deletedTargets = new Map<string, { kind: MergeKind; count: number }>();
  /** summaries added as the second text of a conflict (already reported) */
  const seconds = new Set<string>();

  const mapRow = (kind: MergeKind, row: Row): Row => {
    const s = SPECS[kind];
    const out = { ...row };
    for (const [col, ref] of s.refs) if (out[col] !== null) out[col] = ids[ref].get(String(out[col])) ?? out[col];
    if (s.writer && out.coder_id !== null) out.coder_id = ids.coders.get(String(out.coder_id)) ?? out.coder_id;
    if (kind === 'memos') {
      const target = MEMO_TARGETS[String(out.target)];
      if (target && out.target_id !== null) out.target_id = ids[target].get(String(out.target_id)) ?? out.target_id;
    }
    mapAnalysisRow(kind, out, ids);
    return out;
  };

  const remember = (kind: MergeKind, copyId: string, masterId: string) => {
    ids[kind].set(copyId, masterId);
    if (copyId === masterId || state.aliases[kind].get(copyId) === masterId) return;
    state.aliases[kind].set(copyId, masterId);
    (plan.aliases[kind] ??= {})[copyId] = masterId;
  };

  /** Finds the master's id for a copy row of a kind with a single id column; true when matched by natural key. */
  const identify = (kind: MergeKind, row: Row): { id: string; natural: boolean; divergent?: boolean } => {
    const copyId = String(row.id);
    const known = ids[kind].get(copyId);
    if (known !== undefined) return { id: known, natural: known !== copyId };
    const same = t[kind].get(copyId);
    if (same) {
      if (kind === 'documents' && same.sha256 !== row.sha256) return { id: divergentId(copyId, String(row.sha256)), natural: false, divergent: true };
      return { id: copyId, natural: false };
    }
    const match = naturalMatch(t, kind, mapRow(kind, row));
    return match ? { id: match, natural: true } : { id: copyId, natural: false };
  };

  const conflict = (kind: MergeKind, id: string, row: Row, reason: string, kept: MergeConflict['kept'], fields: MergeConflict['fields']) => {
    plan.counts[kind].conflicts++;
    plan.conflicts.push({ kind, id, label: conflictLabel(t, kind, row), reason, kept, fields });
  };

  const merge = (kind: MergeKind, copyRow: Row, masterId: string | null, natural: boolean, text?: CopyText): { row: Row; changed: boolean } => {
    const s = SPECS[kind];
    const row = mapRow(kind, copyRow);
    if (masterId !== null) row.id = masterId;
    const key = keyOf(s, row);
    const counts = plan.counts[kind];
    const m = t[kind].get(key);
    if (String(row.updated_at) > plan.highWater) plan.highWater = String(row.updated_at);
    if (!m) {
      state.ops.push({ kind, type: 'insert', row, text });
      t[kind].set(key, row);
      if (row.deleted_at === null) counts.new++;
      else counts.unchanged++;
      return { row, changed: true };
    }
    if (natural) {
      counts.unchanged++;
      return { row: m, changed: false };
    }
    const same = sameContent(s, m, row);
    const wins = copyWins(s, m, row);
    const bothChanged = base === null || (String(row.updated_at) > base && String(m.updated_at) > base);
    if (kind === 'summaries' && !same && keptAsSecond(t.summaries, row)) {
      counts.unchanged++;
      return { row: m, changed: false };
    }
    if (bothChanged && !same && keepsBoth(kind, m, row)) {
      const second = secondVersion(row);
      seconds.add(String(second.id));
      const kept = t[kind].get(String(second.id));
      if (!kept || String(kept.body) !== String(second.body)) {
        state.ops.push({ kind, type: kept ? 'update' : 'insert', row: second, before: kept });
        t[kind].set(String(second.id), second);
      }
      counts.unchanged++;
      conflict(kind, key, m, 'written in both files; both texts are kept in the cell', 'both', differences(s, m, row));
      return { row: m, changed: false };
    }
    if (wins && !same && kind === 'codes' && row.parent_id !== m.parent_id && makesCycle(t, key, row.parent_id)) {
      conflict(kind, key, m, 'moved inside itself by the other side: the master\u2019s place in the tree is kept', 'master', differences(s, m, row));
      counts.unchanged++;
      return { row: m, changed: false };
    }
    if (!wins || (same && row.updated_at === m.updated_at)) {
      counts.unchanged++;
      if (!same && bothChanged) conflict(kind, key, m, 'changed in both files; the master\u2019s newer version is kept', 'master', differences(s, m, row));
      return { row: m, changed: false };
    }
    state.ops.push({ kind, type: 'update', row, before: m });
    t[kind].set(key, row);
    if (same) {
      counts.unchanged++;
      return { row, changed: false };
    }
    counts.updated++;
    if (row.deleted_at !== null && m.deleted_at === null) counts.deleted++;
    if (bothChanged) conflict(kind, key, row, 'changed in both files; the copy\u2019s newer version is kept', 'copy', differences(s, m, row));
    if (kind === 'codes' && row.deleted_at === null && naturalMatch(t, 'codes', row, key)) {
      conflict(kind, key, row, 'another code has the same name in the same place; both are kept', 'both', []);
    }
    return { row, changed: true };
  };

  const single = (kind: MergeKind, rows: Row[]) => {
    for (const row of rows) {
      const who = identify(kind, row);
      remember(kind, String(row.id), who.id);
      if (who.divergent) {
        const exists = t.documents.has(who.id);
        const copy = { ...row, name: `${row.name} (${snap.file})` };
        merge(kind, copy, who.id, exists, snap.texts.get(String(row.id)));
        conflict(kind, who.id, copy, 'the copy\u2019s text differs from the master\u2019s under the same id; kept as a separate document', 'both', [
          { field: 'sha256', master: t.documents.get(String(row.id))?.sha256 ?? null, copy: row.sha256 },
        ]);
        continue;
      }
      const text = kind === 'documents' ? snap.texts.get(String(row.id)) : undefined;
      if (kind === 'documents' && !t.documents.has(who.id) && !text) throw new Error(`the text of document ${row.id} was not read from ${snap.file}`);
      merge(kind, row, who.id, who.natural, text);
    }
  };

  /** Never a case in two pairs: the newer pairing wins; a clash this copy brought in is reported. */
  const resolvePairs = (fromCopy: Map<string, Op['type']>) => {
    const name = (id: unknown) => String(t.cases.get(String(id))?.name ?? id);
    for (const clash of pairClashes(t.pairs)) {
      const { loser, winner } = clash;
      const row = dissolvedPair(clash);
      state.ops.push({ kind: 'pairs', type: 'update', row, before: loser });
      t.pairs.set(String(loser.id), row);
      const counts = plan.counts.pairs;
      if (fromCopy.get(String(loser.id)) === 'insert') {
        counts.new--;
        counts.unchanged++;
      } else if (!fromCopy.has(String(loser.id))) {
        counts.updated++;
        counts.deleted++;
      }
      if (!fromCopy.has(String(loser.id)) && !fromCopy.has(String(winner.id))) continue;
      const shared = [loser.case_a, loser.case_b].find((c) => c === winner.case_a || c === winner.case_b);
      const partner = (r: Row) => name(r.case_a === shared ? r.case_b : r.case_a);
      const copyWon = fromCopy.has(String(winner.id));
      const [mine, theirs] = copyWon ? [loser, winner] : [winner, loser];
      conflict(
        'pairs',
        String(loser.id),
        loser,
        `${name(shared)} was paired with ${partner(mine)} in the master and with ${partner(theirs)} in the copy; the newer pairing (${name(shared)} with ${partner(winner)}) is kept`,
        copyWon ? 'copy' : 'master',
        [{ field: `partner of ${name(shared)}`, master: partner(mine), copy: partner(theirs) }],
      );
    }
  };

  single('coders', snap.rows.coders);
  single('cases', snap.rows.cases);
  single('attributes', snap.rows.attributes);
  for (const row of snap.rows.attributeValues) merge('attributeValues', row, null, false);
  single('documents', snap.rows.documents);
  single('codes', parentsFirst(snap.rows.codes));
  for (const copyRow of snap.rows.segments) {
    const { row, changed } = merge('segments', copyRow, String(copyRow.id), false);
    if (!changed || row.deleted_at !== null) continue;
    for (const [kind, ref] of [
      ['codes', row.code_id],
      ['documents', row.document_id],
    ] as const) {
      if (t[kind].get(String(ref))?.deleted_at == null) continue;
      const entry = deletedTargets.get(String(ref)) ?? { kind, count: 0 };
      entry.count++;
      deletedTargets.set(String(ref), entry);
    }
  }
  for (const [id, { kind, count }] of deletedTargets) {
    const target = t[kind].get(id)!;
    conflict(
      kind,
      id,
      target,
      `${count} segment(s) from the copy use this ${kind === 'codes' ? 'code' : 'document'}, which is deleted in the master; restore it to see them`,
      'both',
      [],
    );
  }
  for (const row of snap.rows.anchors) merge('anchors', row, null, false);
  single('memos', snap.rows.memos);
  single('templates', snap.rows.templates);
  const pairsFrom = state.ops.length;
  single('pairs', snap.rows.pairs);
  resolvePairs(new Map(state.ops.slice(pairsFrom).map((op) => [String(op.row.id), op.type])));
  const before = state.ops.length;
  single('summaries', snap.rows.summaries);
  const added = state.ops
    .slice(before)
    .filter((op) => op.kind === 'summaries' && op.type === 'insert' && !seconds.has(String(op.row.id)))
    .map((op) => op.row);
  for (const row of cellClashes(t.summaries, added))
    conflict('summaries', String(row.id), row, 'the same cell was written in both files; both texts are kept', 'both', []);
  return plan;
}

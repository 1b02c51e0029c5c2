import type { CodedSegment } from '../../shared/api/coding';
import type { Project } from '../store/db';
import { descendantIds, listCodes } from '../store/codes';
import { inList } from '../store/sql';
import { listCases } from '../store/cases';

// The row shape is the contract's (shared/api/coding.ts): one definition for the
// services, the handlers and the renderer.
export type { CodedSegment };

export interface RetrievalFilter {
  codeIds?: string[];
  /** include descendants of codeIds */
  descendants?: boolean;
  coderIds?: string[];
  documentIds?: string[];
  kinds?: string[];
  speakers?: string[];
  /** case attribute name → accepted values (all names must match) */
  where?: Record<string, string[]>;
  /** characters of context either side */
  context?: number;
}

// Set-based: the segment rows come from one query (filtered by code, coder and
// document in SQL; read in batches of rowids so that each batch's raw rows die
// young instead of being copied by the garbage collector), each document's text
// and turns are read once (turns packed into typed arrays, speakers interned),
// the speaker is found by binary search over the document's turns, and each
// case's attributes (and whether they pass the filter) are worked out once.
// 50,000 segments take a few hundred milliseconds, close to reading the rows.

interface Turns {
  start: Uint32Array;
  end: Uint32Array;
  speaker: (string | null)[];
  role: (string | null)[];
  /** NaN where the transcript has no time */
  timeStart: Float64Array;
  timeEnd: Float64Array;
}

interface DocInfo {
  id: string;
  name: string;
  kind: string;
  caseName: string | null;
  attributes: Record<string, string>;
  text: string;
  turns: Turns;
}

type SegmentRaw = [rowid: number, id: string, documentId: string, codeId: string, coderId: string, start: number, end: number, memo: string];
type TurnRaw = [start: number, end: number, speaker: string | null, role: string | null, timeStart: number | null, timeEnd: number | null];

const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;
const BATCH = 4096;

/** Index of the turn holding `offset`, or -1. */
function turnAt(t: Turns, offset: number): number {
  let lo = 0;
  let hi = t.start.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t.end[mid] <= offset) lo = mid + 1;
    else if (t.start[mid] > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * The text either side of a segment, stopping at the edges of the turns it lies in:
 * context that ran on into the next speaker's words would put them in this speaker's
 * mouth. Text outside any turn (documents without speakers) is cut by length only.
 */
function contextWithin(d: DocInfo, start: number, end: number, context: number, first: number): { before: string; after: string } {
  if (context <= 0) return { before: '', after: '' };
  const t = d.turns;
  const last = end > start ? turnAt(t, end - 1) : first;
  const low = first < 0 ? 0 : t.start[first];
  const high = last < 0 ? d.text.length : t.end[last];
  return { before: d.text.slice(Math.max(low, start - context), start), after: d.text.slice(end, Math.min(high, end + context)) };
}

function* segmentRows(p: Project, f: RetrievalFilter, ordered: boolean): Generator<SegmentRaw> {
  const where = ['deleted_at IS NULL'];
  const args: (string | number)[] = [];
  const within = (column: string, ids: string[] | undefined) => {
    if (!ids) return;
    const list = inList(column, ids);
    where.push(list.sql);
    args.push(list.param);
  };
  const codeIds = f.codeIds && f.descendants ? [...new Set(f.codeIds.flatMap((id) => descendantIds(p, id)))] : f.codeIds;
  within('code_id', codeIds);
  within('coder_id', f.coderIds?.length ? f.coderIds : undefined);
  within('document_id', f.documentIds);
  const columns = 'rowid, id, document_id, code_id, coder_id, start, end, memo';
  if (ordered) {
    yield* p.db
      .prepare(`SELECT ${columns} FROM segments WHERE ${where.join(' AND ')} ORDER BY document_id, start, end, id`)
      .raw(true)
      .all(...args) as SegmentRaw[];
    return;
  }
  const batch = p.db.prepare(`SELECT ${columns} FROM segments WHERE rowid > ? AND ${where.join(' AND ')} ORDER BY rowid LIMIT ${BATCH}`).raw(true);
  for (let after = Number.MIN_SAFE_INTEGER; ;) {
    const rows = batch.all(after, ...args) as SegmentRaw[];
    yield* rows;
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1][0];
  }
}

function packTurns(rows: TurnRaw[], intern: (s: string | null) => string | null): Turns {
  const n = rows.length;
  const t: Turns = {
    start: new Uint32Array(n),
    end: new Uint32Array(n),
    speaker: new Array(n),
    role: new Array(n),
    timeStart: new Float64Array(n),
    timeEnd: new Float64Array(n),
  };
  rows.forEach(([start, end, speaker, role, timeStart, timeEnd], i) => {
    t.start[i] = start;
    t.end[i] = end;
    t.speaker[i] = intern(speaker);
    t.role[i] = intern(role);
    t.timeStart[i] = timeStart ?? NaN;
    t.timeEnd[i] = timeEnd ?? NaN;
  });
  return t;
}

/** Every document the filter lets through, read when its first segment comes up (null: filtered out or deleted). */
function documentReader(p: Project, f: RetrievalFilter): (id: string) => DocInfo | null {
  const where = Object.entries(f.where ?? {}).map(([k, vs]) => [k.toLowerCase(), vs.map((v) => v.toLowerCase())] as const);
  const cases = new Map(
    listCases(p).map((c) => {
      const lower = new Map(Object.entries(c.attributes).map(([k, v]) => [k.toLowerCase(), v.toLowerCase()]));
      return [c.id, { name: c.name, attributes: c.attributes, passes: where.every(([k, vs]) => vs.includes(lower.get(k) ?? '')) }];
    }),
  );
  const names = new Map<string, string>();
  const intern = (s: string | null) => (s === null ? null : (names.get(s) ?? (names.set(s, s), s)));
  const docStmt = p.db.prepare('SELECT name, kind, case_id, text FROM documents WHERE id = ? AND deleted_at IS NULL').raw(true);
  const turnStmt = p.db.prepare('SELECT start, end, speaker, role, time_start, time_end FROM turns WHERE document_id = ? ORDER BY idx').raw(true);
  const docs = new Map<string, DocInfo | null>();
  return (id) => {
    let d = docs.get(id);
    if (d !== undefined) return d;
    d = null;
    const row = docStmt.get(id) as [string, string, string | null, string] | undefined;
    if (row && (!f.kinds || f.kinds.includes(row[1]))) {
      const c = row[2] ? cases.get(row[2]) : undefined;
      if (where.length === 0 || c?.passes) {
        const turns = packTurns(turnStmt.all(id) as TurnRaw[], intern);
        d = { id, name: row[0], kind: row[1], caseName: c?.name ?? null, attributes: c?.attributes ?? NO_ATTRIBUTES, text: row[3], turns };
      }
    }
    docs.set(id, d);
    return d;
  };
}

/**
 * The coded segments a filter selects, with text, context, speaker, case and
 * attributes. `codes` is the code tree the caller already holds; rows come in
 * document order when `ordered`, else as stored (the report sorts them itself).
 * Ids are shared with the code, coder and document tables rather than copied per row.
 */
export function collectSegments(p: Project, f: RetrievalFilter, codes: readonly { id: string; path: string }[], ordered = false): CodedSegment[] {
  const codeById = new Map(codes.map((c) => [c.id, c]));
  const coderById = new Map((p.db.prepare('SELECT id, name FROM coders').raw(true).all() as [string, string][]).map(([id, name]) => [id, { id, name }]));
  const doc = documentReader(p, f);
  const context = f.context ?? 0;
  const speakers = f.speakers?.map((s) => s.toLowerCase());
  const out: CodedSegment[] = [];
  for (const [, id, documentId, codeId, coderId, start, end, memo] of segmentRows(p, f, ordered)) {
    const code = codeById.get(codeId);
    if (code === undefined) continue;
    const d = doc(documentId);
    if (!d) continue;
    const t = d.turns;
    const turn = turnAt(t, start);
    const speaker = turn < 0 ? null : t.speaker[turn];
    const role = turn < 0 ? null : t.role[turn];
    if (speakers) {
      const s = (speaker ?? '').toLowerCase();
      const r = (role ?? '').toLowerCase();
      if (!speakers.some((sp) => sp === s || sp === r)) continue;
    }
    const coder = coderById.get(coderId);
    const timeStart = turn < 0 ? NaN : t.timeStart[turn];
    const timeEnd = turn < 0 ? NaN : t.timeEnd[turn];
    out.push({
      id,
      documentId: d.id,
      document: d.name,
      kind: d.kind,
      caseName: d.caseName,
      attributes: d.attributes,
      codeId: code.id,
      code: code.path,
      coderId: coder?.id ?? coderId,
      coder: coder?.name ?? '',
      start,
      end,
      text: d.text.slice(start, end),
      ...contextWithin(d, start, end, context, turn),
      speaker,
      role,
      timeStart: Number.isNaN(timeStart) ? null : timeStart,
      timeEnd: Number.isNaN(timeEnd) ? null : timeEnd,
      memo,
    });
  }
  return out;
}

/** Coded segments in document order with their context, speaker, case and attributes. */
export function codedSegments(p: Project, f: RetrievalFilter = {}): CodedSegment[] {
  return collectSegments(p, f, listCodes(p), true);
}

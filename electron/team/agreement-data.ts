import type { AgreementUnit } from '../../shared/api/team';
import type { Coder } from '../../shared/types';
import { listCoders } from '../store/coders';
import type { Project } from '../store/db';
import { inList } from '../store/sql';
import { InputError, NotFoundError } from '../../shared/errors';
import { getSetting } from '../store/settings';
import { findSampleRow } from '../store/samples';

// What agreement is computed over: the chosen coders, the documents two or more
// of them have coded (a coder has coded a document when it holds at least one of
// that coder's live segments, with any code), and their live segments there.

/** Settings key naming the consensus coder (left out of agreement unless chosen). */
export const CONSENSUS_SETTING = 'team.consensus';
export const CONSENSUS_NAME = 'Consensus';

export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface ComparedDocument {
  id: string;
  name: string;
  chars: number;
  /** the chosen coders who coded it, in the order of the chosen coders */
  coders: string[];
  /** speaker turns, [start, end) */
  turns: { start: number; end: number }[];
}

export interface AgreementData {
  unit: AgreementUnit;
  coders: Coder[];
  documents: ComparedDocument[];
  /** code id → document id → coder id → that coder's spans (sorted by start) */
  spans: Map<string, Map<string, Map<string, Span[]>>>;
  /** the reliability sample the documents were limited to */
  sample: { id: string; name: string } | null;
}

export interface AgreementFilter {
  coderIds?: string[];
  documentIds?: string[];
  codeIds?: string[];
  unit?: AgreementUnit;
  /** a reliability sample's id or name: only its documents */
  sample?: string;
}

export function consensusCoderId(p: Project): string | null {
  return getSetting(p, CONSENSUS_SETTING);
}

/** The chosen coders, or by default everyone with live segments except the consensus coder. */
export function chooseCoders(p: Project, coderIds?: string[]): Coder[] {
  const all = listCoders(p);
  if (coderIds && coderIds.length > 0) {
    const chosen = [...new Set(coderIds)].map((id) => {
      const c = all.find((x) => x.id === id || x.name.toLowerCase() === id.toLowerCase());
      if (!c) throw new NotFoundError(`no coder "${id}" in this project`);
      return c;
    });
    const unique = [...new Map(chosen.map((c) => [c.id, c])).values()];
    if (unique.length < 2) throw new InputError('agreement compares two or more coders; choose at least two');
    return unique;
  }
  const consensus = consensusCoderId(p);
  const coding = new Set(p.db.prepare('SELECT DISTINCT coder_id FROM segments WHERE deleted_at IS NULL').pluck().all() as string[]);
  const chosen = all.filter((c) => coding.has(c.id) && c.id !== consensus && c.name.toLowerCase() !== CONSENSUS_NAME.toLowerCase());
  if (chosen.length < 2) {
    throw new InputError(
      `agreement compares two or more coders, and ${chosen.length === 0 ? 'nobody has' : `only ${chosen[0].name} has`} coded in this project`,
    );
  }
  return chosen;
}

export function loadAgreementData(p: Project, f: AgreementFilter = {}): AgreementData {
  const coders = chooseCoders(p, f.coderIds);
  const order = new Map(coders.map((c, i) => [c.id, i]));
  const coderIds = coders.map((c) => c.id);
  // Live documents and codes are looked up once: joining them per segment would make
  // SQLite walk each document's text (its deleted_at is stored after the text).
  const liveDocs = new Set(p.db.prepare('SELECT id FROM documents WHERE deleted_at IS NULL').pluck().all() as string[]);
  const liveCodes = new Set(p.db.prepare('SELECT id FROM codes WHERE deleted_at IS NULL').pluck().all() as string[]);
  const byCoder = inList('coder_id', coderIds);
  const rows = (
    p.db.prepare(`SELECT id, document_id, code_id, coder_id, start, end FROM segments WHERE deleted_at IS NULL AND ${byCoder.sql}`).all(byCoder.param) as {
      id: string;
      document_id: string;
      code_id: string;
      coder_id: string;
      start: number;
      end: number;
    }[]
  ).filter((r) => liveDocs.has(r.document_id) && liveCodes.has(r.code_id));
  let wantedDocs = f.documentIds && f.documentIds.length > 0 ? new Set(f.documentIds) : null;
  const sample = f.sample ? findSampleRow(p, f.sample) : null;
  if (f.sample && !sample) throw new NotFoundError(`no reliability sample "${f.sample}" in this project`);
  if (sample) {
    const inSample = new Set(sample.documents.map((d) => d.id));
    wantedDocs = new Set([...(wantedDocs ?? inSample)].filter((id) => inSample.has(id)));
  }
  const present = new Map<string, Set<string>>();
  for (const r of rows) {
    if (wantedDocs && !wantedDocs.has(r.document_id)) continue;
    let set = present.get(r.document_id);
    if (!set) present.set(r.document_id, (set = new Set()));
    set.add(r.coder_id);
  }
  const docIds = [...present].filter(([, set]) => set.size >= 2).map(([id]) => id);
  const docRows = docIds.length
    ? (p.db
        .prepare(`SELECT id, name, chars FROM documents WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name COLLATE NOCASE, id`)
        .all(JSON.stringify(docIds)) as {
        id: string;
        name: string;
        chars: number;
      }[])
    : [];
  const turnsOf = p.db.prepare('SELECT start, end FROM turns WHERE document_id = ? ORDER BY start');
  const documents: ComparedDocument[] = docRows.map((d) => ({
    ...d,
    coders: [...present.get(d.id)!].sort((a, b) => order.get(a)! - order.get(b)!),
    turns: f.unit === 'turn' ? (turnsOf.all(d.id) as { start: number; end: number }[]).filter((t) => t.end > t.start) : [],
  }));
  const included = new Set(docIds);
  const wantedCodes = f.codeIds && f.codeIds.length > 0 ? new Set(f.codeIds) : null;
  const spans: AgreementData['spans'] = new Map();
  if (wantedCodes) for (const id of wantedCodes) spans.set(id, new Map());
  for (const r of rows) {
    if (!included.has(r.document_id) || (wantedCodes && !wantedCodes.has(r.code_id))) continue;
    let byDoc = spans.get(r.code_id);
    if (!byDoc) spans.set(r.code_id, (byDoc = new Map()));
    let byCoder = byDoc.get(r.document_id);
    if (!byCoder) byDoc.set(r.document_id, (byCoder = new Map()));
    let list = byCoder.get(r.coder_id);
    if (!list) byCoder.set(r.coder_id, (list = []));
    list.push({ id: r.id, start: Math.max(0, r.start), end: r.end });
  }
  return { unit: f.unit ?? 'char', coders, documents, spans, sample: sample ? { id: sample.id, name: sample.name } : null };
}

/** Sorted, non-overlapping union of spans, clipped to [0, limit). */
export function union(spans: { start: number; end: number }[], limit = Infinity): [number, number][] {
  const out: [number, number][] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(0, s.start);
    const end = Math.min(limit, s.end);
    if (end <= start) continue;
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** Indices of the turns a set of spans touches (a turn counts when any coded character falls in it). */
export function turnsTouched(turns: { start: number; end: number }[], spans: [number, number][]): Set<number> {
  const hit = new Set<number>();
  for (const [s, e] of spans) {
    // first turn whose end is after s
    let lo = 0;
    let hi = turns.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (turns[mid].end <= s) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < turns.length && turns[i].start < e; i++) hit.add(i);
  }
  return hit;
}

/** Every coder with how much they have coded, and which one is the consensus coder. */
export function listTeamCoders(p: Project): { id: string; name: string; segments: number; documents: number; consensus: boolean }[] {
  const consensus = consensusCoderId(p);
  const counts = new Map(
    (
      p.db
        .prepare(
          `SELECT s.coder_id AS id, count(*) AS segments, count(DISTINCT s.document_id) AS documents FROM segments s
           JOIN documents d ON d.id = s.document_id AND d.deleted_at IS NULL WHERE s.deleted_at IS NULL GROUP BY s.coder_id`,
        )
        .all() as { id: string; segments: number; documents: number }[]
    ).map((r) => [r.id, r]),
  );
  return listCoders(p).map((c) => ({
    ...c,
    segments: counts.get(c.id)?.segments ?? 0,
    documents: counts.get(c.id)?.documents ?? 0,
    consensus: c.id === consensus,
  }));
}

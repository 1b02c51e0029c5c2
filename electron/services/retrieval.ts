import type { Project } from '../store/db';
import { descendantIds, listCodes } from '../store/codes';
import { listCases } from '../store/cases';
import { listSegmentRows } from '../store/segments';

/** A coded segment with everything a researcher reads beside it. */
export interface CodedSegment {
  id: string;
  documentId: string;
  document: string;
  kind: string;
  caseName: string | null;
  attributes: Record<string, string>;
  codeId: string;
  code: string;
  coderId: string;
  coder: string;
  start: number;
  end: number;
  text: string;
  before: string;
  after: string;
  speaker: string | null;
  role: string | null;
  timeStart: number | null;
  timeEnd: number | null;
  memo: string;
}

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

interface DocInfo {
  name: string;
  kind: string;
  caseId: string | null;
  text: string;
  turns: { start: number; end: number; speaker: string | null; role: string | null; time_start: number | null; time_end: number | null }[];
}

function turnAt(turns: DocInfo['turns'], offset: number): DocInfo['turns'][number] | null {
  let lo = 0;
  let hi = turns.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid].end <= offset) lo = mid + 1;
    else if (turns[mid].start > offset) hi = mid - 1;
    else return turns[mid];
  }
  return null;
}

/** Coded segments in document order with their context, speaker, case and attributes. */
export function codedSegments(p: Project, f: RetrievalFilter = {}): CodedSegment[] {
  const codeIds = f.codeIds ? (f.descendants ? [...new Set(f.codeIds.flatMap((id) => descendantIds(p, id)))] : f.codeIds) : undefined;
  const rows = listSegmentRows(p, { codeIds, coderIds: f.coderIds });
  const codePath = new Map(listCodes(p).map((c) => [c.id, c.path]));
  const coderName = new Map((p.db.prepare('SELECT id, name FROM coders').all() as { id: string; name: string }[]).map((c) => [c.id, c.name]));
  const cases = new Map(listCases(p).map((c) => [c.id, c]));
  const docs = new Map<string, DocInfo | null>();
  const docStmt = p.db.prepare('SELECT name, kind, case_id AS caseId, text FROM documents WHERE id = ? AND deleted_at IS NULL');
  const turnStmt = p.db.prepare('SELECT start, end, speaker, role, time_start, time_end FROM turns WHERE document_id = ? ORDER BY idx');
  const doc = (id: string): DocInfo | null => {
    if (!docs.has(id)) {
      const d = docStmt.get(id) as Omit<DocInfo, 'turns'> | undefined;
      docs.set(id, d ? { ...d, turns: turnStmt.all(id) as DocInfo['turns'] } : null);
    }
    return docs.get(id)!;
  };
  const context = f.context ?? 0;
  const where = Object.entries(f.where ?? {}).map(([k, vs]) => [k.toLowerCase(), vs.map((v) => v.toLowerCase())] as const);
  const out: CodedSegment[] = [];
  for (const s of rows) {
    if (f.documentIds && !f.documentIds.includes(s.document_id)) continue;
    const d = doc(s.document_id);
    if (!d || !codePath.has(s.code_id)) continue;
    if (f.kinds && !f.kinds.includes(d.kind)) continue;
    const c = d.caseId ? cases.get(d.caseId) : undefined;
    const attributes = c?.attributes ?? {};
    if (where.length > 0) {
      const lower = Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k.toLowerCase(), v.toLowerCase()]));
      if (!where.every(([k, vs]) => vs.includes(lower[k] ?? ''))) continue;
    }
    const turn = turnAt(d.turns, s.start);
    if (f.speakers && !f.speakers.some((sp) => sp.toLowerCase() === (turn?.speaker ?? '').toLowerCase() || sp.toLowerCase() === (turn?.role ?? '').toLowerCase())) continue;
    out.push({
      id: s.id,
      documentId: s.document_id,
      document: d.name,
      kind: d.kind,
      caseName: c?.name ?? null,
      attributes,
      codeId: s.code_id,
      code: codePath.get(s.code_id)!,
      coderId: s.coder_id,
      coder: coderName.get(s.coder_id) ?? '',
      start: s.start,
      end: s.end,
      text: d.text.slice(s.start, s.end),
      before: context > 0 ? d.text.slice(Math.max(0, s.start - context), s.start) : '',
      after: context > 0 ? d.text.slice(s.end, s.end + context) : '',
      speaker: turn?.speaker ?? null,
      role: turn?.role ?? null,
      timeStart: turn?.time_start ?? null,
      timeEnd: turn?.time_end ?? null,
      memo: s.memo,
    });
  }
  return out;
}

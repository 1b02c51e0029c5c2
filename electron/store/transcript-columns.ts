import type { SegmentColumns, TurnColumns } from '../../shared/transcript-columns';
import type { Project } from './db';

// The open transcript's turns and segments read straight into columns (arrays from
// SQLite, no row objects): opening a 150,000-word focus group reads 3,000 segments
// and 2,500 turns this way in a few milliseconds.

type Dict = { names: string[]; seen: Map<string, number> };
const dict = (): Dict => ({ names: [], seen: new Map() });
function at(d: Dict, v: string): number {
  let i = d.seen.get(v);
  if (i === undefined) d.seen.set(v, (i = d.names.push(v) - 1));
  return i;
}

/** A document's live segments in the order segments.list gives them (start, end, id). */
export function segmentColumnsOf(p: Project, documentId: string): SegmentColumns {
  const rows = p.db
    .prepare('SELECT id, code_id, coder_id, start, end, memo FROM segments WHERE document_id = ? AND deleted_at IS NULL ORDER BY start, end, id')
    .raw()
    .all(documentId) as [string, string, string, number, number, string][];
  const codes = dict();
  const coders = dict();
  const out: SegmentColumns = { ids: [], codes: codes.names, code: [], coders: coders.names, coder: [], start: [], end: [], memos: {} };
  rows.forEach(([id, code, coder, start, end, memo], i) => {
    out.ids.push(id);
    out.code.push(at(codes, code));
    out.coder.push(at(coders, coder));
    out.start.push(start);
    out.end.push(end);
    if (memo) out.memos[i] = memo;
  });
  return out;
}

/** A document's turns in order. */
export function turnColumnsOf(p: Project, documentId: string): TurnColumns {
  const rows = p.db
    .prepare('SELECT idx, speaker, role, start, end, time_start, time_end FROM turns WHERE document_id = ? ORDER BY idx')
    .raw()
    .all(documentId) as [number, string | null, string | null, number, number, number | null, number | null][];
  const names = dict();
  const out: TurnColumns = { index: [], names: names.names, speaker: [], role: [], start: [], end: [], timeStart: [], timeEnd: [] };
  for (const [index, speaker, role, start, end, timeStart, timeEnd] of rows) {
    out.index.push(index);
    out.speaker.push(speaker === null ? -1 : at(names, speaker));
    out.role.push(role === null ? -1 : at(names, role));
    out.start.push(start);
    out.end.push(end);
    out.timeStart.push(timeStart);
    out.timeEnd.push(timeEnd);
  }
  return out;
}

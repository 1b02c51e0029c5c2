import type { ShownSegment } from '../../shared/transcript-columns';
import type { Turn } from '../../shared/types';
import type { Project } from './db';

// The open transcript's turns and segments read as plain arrays from SQLite (no
// column names per row, only the fields the transcript shows): opening a
// 150,000-word focus group reads its 3,000 segments and 2,500 turns in a few
// milliseconds. The use case packs them into columns for the window.

/** A document's live segments in the order segments.list gives them (start, end, id). */
export function shownSegmentsOf(p: Project, documentId: string): ShownSegment[] {
  const rows = p.db
    .prepare('SELECT id, code_id, coder_id, start, end, memo FROM segments WHERE document_id = ? AND deleted_at IS NULL ORDER BY start, end, id')
    .raw()
    .all(documentId) as [string, string, string, number, number, string][];
  return rows.map(([id, codeId, coderId, start, end, memo]) => ({ id, documentId, codeId, coderId, start, end, memo }));
}

/** A document's turns in order. */
export function turnsOf(p: Project, documentId: string): Turn[] {
  const rows = p.db
    .prepare('SELECT idx, speaker, role, start, end, time_start, time_end FROM turns WHERE document_id = ? ORDER BY idx')
    .raw()
    .all(documentId) as [number, string | null, string | null, number, number, number | null, number | null][];
  return rows.map(([index, speaker, role, start, end, timeStart, timeEnd]) => ({ index, speaker, role, start, end, timeStart, timeEnd }));
}

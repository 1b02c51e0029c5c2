import type { Code, Segment } from '../../shared/types';
import { createCode, ensureCodePath } from '../codebook/codebook';
import * as codes from '../store/codes';
import { coderFor, currentCoder } from '../store/coders';
import type { Project } from '../store/db';
import { getDocumentExtent } from '../store/documents';
import { InputError } from '../../shared/errors';
import { action } from '../store/history';
import * as segments from '../store/segments';

export interface ApplyCode {
  documentId: string;
  codeId: string;
  start: number;
  end: number;
  memo?: string;
  /** defaults to the project's current coder */
  coder?: string;
}

function checkRange(p: Project, documentId: string, start: number, end: number): void {
  const doc = getDocumentExtent(p, documentId);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > doc.chars) {
    throw new InputError(`the passage [${start}, ${end}) is not inside "${doc.name}" (0–${doc.chars})`);
  }
}

/**
 * Codes a passage. A passage that overlaps the same coder's segment of the same
 * code extends that segment (one segment per stretch of coding, as in NVivo),
 * so double-clicking a code twice never doubles the count.
 */
function applyInside(p: Project, input: ApplyCode, coderId: string): string {
  checkRange(p, input.documentId, input.start, input.end);
  codes.getCodeRow(p, input.codeId);
  const overlapping = segments.overlappingSameCode(p, input.documentId, input.codeId, coderId, input.start, input.end);
  if (overlapping.length === 0) {
    const now = p.now();
    const row: segments.SegmentRow = {
      id: p.newId(),
      document_id: input.documentId,
      code_id: input.codeId,
      coder_id: coderId,
      start: input.start,
      end: input.end,
      memo: input.memo ?? '',
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
    segments.insertSegment(p, row);
    return row.id;
  }
  const [keep, ...rest] = overlapping;
  const start = Math.min(input.start, ...overlapping.map((s) => s.start));
  const end = Math.max(input.end, ...overlapping.map((s) => s.end));
  const memo = [keep.memo, ...rest.map((s) => s.memo), input.memo ?? ''].filter(Boolean).join('\n');
  if (start !== keep.start || end !== keep.end || memo !== keep.memo) segments.updateSegmentRow(p, keep.id, { start, end, memo });
  for (const s of rest) segments.tombstoneSegment(p, s.id);
  return keep.id;
}

export function applyCode(p: Project, input: ApplyCode): Segment {
  const coder = coderFor(p, input.coder);
  const code = codes.getCodeRow(p, input.codeId);
  const id = action(p, `Code with "${code.name}"`, () => applyInside(p, input, coder.id));
  return segments.rowToSegment(segments.getSegmentRow(p, id));
}

/**
 * In-vivo coding and "create code …": a new code and its first passage, one undo step.
 * `group` names a top-level code to put it under ("In vivo"), made in the same step if missing.
 */
export function applyNewCode(
  p: Project,
  input: Omit<ApplyCode, 'codeId'> & { name: string; parentId?: string | null; group?: string },
): { code: Code; segment: Segment } {
  return action(p, `Code with new code "${input.name.trim()}"`, () => {
    const parentId = input.group ? ensureCodePath(p, input.group.replace(/\//g, '\u2215')).id : (input.parentId ?? null);
    const code = createCode(p, { name: input.name, parentId });
    const segment = applyCode(p, { documentId: input.documentId, codeId: code.id, start: input.start, end: input.end, memo: input.memo, coder: input.coder });
    return { code: codes.getCode(p, code.id), segment };
  });
}

export function removeSegment(p: Project, id: string): void {
  const row = segments.getSegmentRow(p, id);
  const code = codes.getCodeRow(p, row.code_id);
  action(p, `Remove coding "${code.name}"`, () => segments.tombstoneSegment(p, id));
}

export interface SegmentEdit {
  codeId?: string;
  start?: number;
  end?: number;
  memo?: string;
}

/** Recodes, resizes or annotates a segment. */
export function updateSegment(p: Project, id: string, edit: SegmentEdit): Segment {
  const row = segments.getSegmentRow(p, id);
  const label = edit.codeId !== undefined ? 'Recode passage' : edit.memo !== undefined ? 'Edit segment memo' : 'Resize passage';
  action(
    p,
    label,
    () => {
      if (edit.codeId !== undefined) codes.getCodeRow(p, edit.codeId);
      if (edit.start !== undefined || edit.end !== undefined) checkRange(p, row.document_id, edit.start ?? row.start, edit.end ?? row.end);
      segments.updateSegmentRow(p, id, { code_id: edit.codeId, start: edit.start, end: edit.end, memo: edit.memo });
    },
    label === 'Edit segment memo' ? `segment ${id} memo` : undefined,
  ); // a memo saved while typing: one step
  return segments.rowToSegment(segments.getSegmentRow(p, id));
}

export interface SegmentQuery {
  documentId?: string;
  codeId?: string;
  /** include segments of the code's descendants */
  descendants?: boolean;
  coderIds?: string[];
  withMemo?: boolean;
}

export function listSegments(p: Project, q: SegmentQuery = {}): Segment[] {
  const codeIds = q.codeId ? (q.descendants ? codes.descendantIds(p, q.codeId) : [q.codeId]) : undefined;
  return segments.listSegmentRows(p, { documentId: q.documentId, codeIds, coderIds: q.coderIds, withMemo: q.withMemo }).map(segments.rowToSegment);
}

/** Applies one code to many passages as one action (autocode, "code all hits"). */
export function applyCodeToMany(p: Project, codeId: string, passages: { documentId: string; start: number; end: number }[], coderName?: string): number {
  const coder = coderName ? coderFor(p, coderName) : currentCoder(p);
  const code = codes.getCodeRow(p, codeId);
  return action(p, `Code ${passages.length} passages with "${code.name}"`, () => {
    const ids = new Set<string>();
    for (const s of passages) ids.add(applyInside(p, { ...s, codeId }, coder.id));
    return ids.size;
  });
}

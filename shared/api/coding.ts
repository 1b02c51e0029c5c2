import { z } from 'zod';
import type { SegmentColumns } from '../transcript-columns';
import type { Code, Segment } from '../types';
import { id, offset, returns, text } from './method';

/** A coded segment with its context, speaker, case and attributes (retrieval and reports). */
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

export const retrievalFilter = z.object({
  codeIds: z.array(id).optional(),
  descendants: z.boolean().optional(),
  coderIds: z.array(id).optional(),
  documentIds: z.array(id).optional(),
  kinds: z.array(text(100)).optional(),
  speakers: z.array(text(200)).optional(),
  where: z.record(z.string(), z.array(text(500))).optional(),
  context: z.number().int().min(0).max(5000).optional(),
});

const passage = { documentId: id, start: offset, end: offset };

export const codingApi = {
  'segments.list': returns<Segment[]>()(
    z.object({
      documentId: id.optional(),
      codeId: id.optional(),
      descendants: z.boolean().optional(),
      coderIds: z.array(id).optional(),
      /** only segments with a memo (the Memos view) */
      withMemo: z.boolean().optional(),
    }),
  ),
  /** The open transcript's segments as columns (what the window refreshes after a change). */
  'segments.columns': returns<SegmentColumns>()(z.object({ documentId: id })),
  'segments.apply': returns<Segment>()(z.object({ ...passage, codeId: id, memo: text(20_000).optional() })),
  /** in-vivo coding and "create code …" from the palette: a new code and its first segment, one undo step */
  'segments.applyNewCode': returns<{ code: Code; segment: Segment }>()(
    // group: a top-level code to put the new code under, made in the same step if missing ("In vivo")
    z.object({ ...passage, name: text(200).min(1), parentId: id.nullable().optional(), group: text(200).min(1).optional() }),
  ),
  'segments.applyMany': returns<{ count: number }>()(z.object({ codeId: id, passages: z.array(z.object(passage)).max(100_000) })),
  'segments.remove': returns<null>()(z.object({ id })),
  'segments.update': returns<Segment>()(
    z.object({ id, codeId: id.optional(), start: offset.optional(), end: offset.optional(), memo: text(20_000).optional() }),
  ),
  'segments.retrieve': returns<CodedSegment[]>()(retrievalFilter),
};

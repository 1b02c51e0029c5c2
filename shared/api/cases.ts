import { z } from 'zod';
import type { Attribute, Case, Memo } from '../types';
import { id, returns, text } from './method';

export interface CaseSheetReport {
  file: string;
  created: number;
  updated: number;
  unchanged: number;
  attributes: string[];
}

export const casesApi = {
  'cases.list': returns<Case[]>()(z.object({})),
  'cases.attributes': returns<Attribute[]>()(z.object({})),
  'cases.create': returns<Case>()(z.object({ name: text(200).min(1) })),
  'cases.rename': returns<Case>()(z.object({ id, name: text(200).min(1) })),
  'cases.delete': returns<null>()(z.object({ id })),
  'cases.renameAttribute': returns<Attribute[]>()(z.object({ id, name: text(200).min(1) })),
  /** the attribute and its values go (undoable); answers how many cases had a value */
  'cases.attributeUse': returns<{ cases: number }>()(z.object({ id })),
  'cases.deleteAttribute': returns<{ cases: number }>()(z.object({ id })),
  'cases.setAttribute': returns<Case>()(z.object({ caseId: id, attribute: text(200).min(1), value: text(2000) })),
  'cases.importSheet': returns<CaseSheetReport>()(z.object({ name: text(1000).min(1), data: z.string().max(100_000_000) })),
  'memos.list': returns<Memo[]>()(
    z.object({ target: z.enum(['project', 'document', 'code', 'segment', 'case']).optional(), targetId: id.nullable().optional() }),
  ),
  'memos.save': returns<Memo>()(
    z.object({
      id: id.optional(),
      target: z.enum(['project', 'document', 'code', 'segment', 'case']),
      targetId: id.nullable(),
      title: text(500),
      body: text(1_000_000),
    }),
  ),
  'memos.delete': returns<null>()(z.object({ id })),
};

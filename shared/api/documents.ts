import { z } from 'zod';
import { DOCUMENT_KINDS, type DocumentSummary, type TranscriptDocument } from '../types';
import type { OpenedDocument } from '../transcript-columns';
import { id, returns, text } from './method';
import { operation } from './operations';

export interface ImportReport {
  imported: { file: string; documentId: string; name: string; turns: number }[];
  /** same content as a document already in the project (by SHA-256) */
  duplicates: { file: string; existing: string }[];
  failed: { file: string; reason: string }[];
}

export interface SearchHit {
  documentId: string;
  document: string;
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
  speaker: string | null;
  /** the sentence(s) holding the hit, inside its turn: what "code all hits" codes by sentence */
  sentence: { start: number; end: number };
  /** the turn's words (without the speaker label): what "code all hits" codes by turn */
  turn: { start: number; end: number };
}

const kind = z.enum(DOCUMENT_KINDS);

export const documentsApi = {
  'documents.list': returns<DocumentSummary[]>()(z.object({})),
  'documents.get': returns<TranscriptDocument>()(z.object({ id })),
  /** Opening a transcript in the window: the document with its turns and segments as columns, and the coders, in one answer. */
  'documents.open': returns<OpenedDocument>()(z.object({ id })),
  'documents.update': returns<DocumentSummary>()(z.object({ id, name: text(300).min(1).optional(), kind: kind.optional(), caseId: id.nullable().optional() })),
  'documents.delete': returns<null>()(z.object({ id })),
  /** Files travel as base64 so the same call works from the browser; paths only under Electron and the CLI. */
  'documents.import': returns<ImportReport>()(
    z.object({
      files: z
        .array(z.object({ name: text(1000).min(1), data: z.string().max(400_000_000) }))
        .max(5000)
        .default([]),
      paths: z.array(text(4096).min(1)).max(5000).default([]),
      kind: kind.optional(),
      caseName: text(200).optional(),
      operation: operation.optional(),
    }),
  ),
  'search.text': returns<SearchHit[]>()(
    z.object({
      query: text(500).min(1),
      documentIds: z.array(id).optional(),
      limit: z.number().int().min(1).max(10_000).optional(),
      regex: z.boolean().optional(),
    }),
  ),
};

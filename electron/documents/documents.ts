import type { DocumentKind, DocumentSummary, TranscriptDocument } from '../../shared/types';
import { currentCoder } from '../store/coders';
import type { Project } from '../store/db';
import * as documents from '../store/documents';
import { action } from '../store/history';

// The documents of a project: list, read, rename/reclassify, delete. Import and
// search live beside this file (import.ts, search.ts).

export interface DocumentEdit {
  name?: string;
  kind?: DocumentKind;
  caseId?: string | null;
}

export const listDocuments = (p: Project): DocumentSummary[] => documents.listDocuments(p);

export const getDocument = (p: Project, id: string): TranscriptDocument => documents.getDocument(p, id);

/** A document by id, or by name ignoring case (the command line names documents). */
export const findDocument = (p: Project, nameOrId: string): DocumentSummary => documents.findDocument(p, nameOrId);

/** The stored plain text of a document named by id or name. */
export function documentText(p: Project, nameOrId: string): string {
  return documents.getDocumentText(p, documents.findDocument(p, nameOrId).id);
}

/** Renames, reclassifies or moves a document to another case: one undo step. */
export function updateDocument(p: Project, id: string, edit: DocumentEdit): DocumentSummary {
  const doc = documents.getDocumentSummary(p, id);
  action(p, `Edit document "${doc.name}"`, () => documents.updateDocument(p, id, edit, currentCoder(p).id));
  return documents.getDocumentSummary(p, id);
}

/** Deletes a document with its segments (tombstones, so a merge sees the deletion): one undo step. */
export function deleteDocument(p: Project, id: string): void {
  const doc = documents.getDocumentSummary(p, id);
  action(p, `Delete document "${doc.name}"`, () => documents.deleteDocument(p, id, currentCoder(p).id));
}

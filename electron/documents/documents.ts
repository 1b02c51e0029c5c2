import { InputError, NotFoundError } from '../../shared/errors';
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

function labelOf(doc: DocumentSummary, edit: DocumentEdit): string {
  if (edit.name !== undefined && edit.name !== doc.name) return `Rename document "${doc.name}" to "${edit.name}"`;
  if (edit.kind !== undefined && edit.kind !== doc.kind) return `Make "${doc.name}" a ${edit.kind}`;
  return `Change the case of "${doc.name}"`;
}

/** Renames, reclassifies or moves a document to another case (null: no case): one undo step, labelled with what it did. */
export function updateDocument(p: Project, id: string, edit: DocumentEdit): DocumentSummary {
  const doc = documents.getDocumentSummary(p, id);
  const name = edit.name?.trim().replace(/\s+/g, ' ');
  if (name !== undefined && name === '') throw new InputError('A document needs a name.');
  if (edit.caseId && !documents.caseExists(p, edit.caseId)) throw new NotFoundError('That case no longer exists; pick another.');
  const change = { name, kind: edit.kind, caseId: edit.caseId };
  action(p, labelOf(doc, change), () => documents.updateDocument(p, id, change, currentCoder(p).id));
  return documents.getDocumentSummary(p, id);
}

/**
 * Deletes a document with its coded segments, as one undo step that says how many
 * went. Tombstones, so a merge sees the deletion; the text stays in the search
 * index, which reads only documents not deleted, so undo brings back a searchable document.
 */
export function deleteDocument(p: Project, id: string): { name: string; segments: number } {
  const doc = documents.getDocumentSummary(p, id);
  const label = `Delete document "${doc.name}"${doc.segments ? ` and its ${doc.segments} coded segment${doc.segments === 1 ? '' : 's'}` : ''}`;
  action(p, label, () => documents.deleteDocument(p, id, currentCoder(p).id));
  return { name: doc.name, segments: doc.segments };
}

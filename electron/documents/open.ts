import { listCoders } from '../store/coders';
import { getDocumentWithText } from '../store/documents';
import { segmentColumnsOf, turnColumnsOf } from '../store/transcript-columns';
import type { OpenedDocument, SegmentColumns } from '../../shared/transcript-columns';
import type { Project } from '../store/db';

// Opening a transcript to code it: one answer with everything the transcript pane
// paints (text, turns, segments, coders), so the window renders it once, with its
// highlights, instead of once for the text and again when the segments arrive.

export function openDocument(p: Project, id: string): OpenedDocument {
  const document = getDocumentWithText(p, id);
  return { document: { ...document, turnColumns: turnColumnsOf(p, id) }, segments: segmentColumns(p, id), coders: listCoders(p) };
}

/** The document's segments as columns: what the window refreshes after a change. */
export function segmentColumns(p: Project, documentId: string): SegmentColumns {
  return segmentColumnsOf(p, documentId);
}

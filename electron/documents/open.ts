import { listCoders } from '../store/coders';
import { getDocumentWithText } from '../store/documents';
import { shownSegmentsOf, turnsOf } from '../store/transcript-columns';
import { packSegments, packTurns, type OpenedDocument, type SegmentColumns } from '../../shared/transcript-columns';
import type { Project } from '../store/db';

// Opening a transcript to code it: one answer with everything the transcript pane
// paints (text, turns, segments, coders), so the window renders it once, with its
// highlights, instead of once for the text and again when the segments arrive.

export function openDocument(p: Project, id: string): OpenedDocument {
  const document = getDocumentWithText(p, id);
  return { document: { ...document, turnColumns: packTurns(turnsOf(p, id)) }, segments: segmentColumns(p, id), coders: listCoders(p) };
}

/** The document's segments as columns: what the window refreshes after a change. */
export function segmentColumns(p: Project, documentId: string): SegmentColumns {
  return packSegments(shownSegmentsOf(p, documentId));
}

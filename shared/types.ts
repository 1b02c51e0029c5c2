// Domain types: what the app speaks. Row types live beside the store and are
// converted at its edge. Offsets are [start, end) in UTF-16 code units.

export const DOCUMENT_KINDS = ['interview', 'focus group', 'student workshop', 'observation', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const PARTICIPANT_ROLES = [
  'headteacher',
  'partnership coordinator',
  'teacher',
  'student',
  'parent/community member',
  'local-authority officer',
  'interviewer/facilitator',
] as const;

export interface Coder {
  id: string;
  name: string;
}

export interface Turn {
  index: number;
  speaker: string | null;
  role: string | null;
  start: number;
  end: number;
  /** seconds from the start of the recording, where known */
  timeStart: number | null;
  timeEnd: number | null;
}

export interface DocumentSummary {
  id: string;
  name: string;
  kind: DocumentKind;
  caseId: string | null;
  caseName: string | null;
  chars: number;
  sha256: string;
  format: string;
  turns: number;
  speakers: string[];
  segments: number;
  importedAt: string;
}

export interface TranscriptDocument extends DocumentSummary {
  text: string;
  turnList: Turn[];
  /** right-to-left script detected in the text (Urdu, Arabic, Hebrew …) */
  rtl: boolean;
}

export interface AnchorExample {
  segmentId: string;
  note: string;
}

/** The structured codebook entry each code carries. */
export interface CodeEntry {
  definition: string;
  whenToUse: string;
  whenNotToUse: string;
  anchors: AnchorExample[];
}

export interface Code extends CodeEntry {
  id: string;
  parentId: string | null;
  name: string;
  /** names joined by "/" from the root */
  path: string;
  colour: string;
  sort: number;
  /** segments applied with this code (not counting descendants) */
  segments: number;
}

export interface Attribute {
  id: string;
  name: string;
}

export interface Case {
  id: string;
  name: string;
  attributes: Record<string, string>;
  documents: number;
}

export interface Segment {
  id: string;
  documentId: string;
  codeId: string;
  coderId: string;
  start: number;
  end: number;
  memo: string;
  createdAt: string;
  updatedAt: string;
}

export type MemoTarget = 'project' | 'document' | 'code' | 'segment' | 'case';

export interface Memo {
  id: string;
  target: MemoTarget;
  targetId: string | null;
  title: string;
  body: string;
  coderId: string;
  updatedAt: string;
}

export interface ProjectInfo {
  id: string;
  name: string;
  path: string;
  schemaVersion: number;
  coder: Coder;
  counts: { documents: number; cases: number; codes: number; segments: number; coders: number };
}

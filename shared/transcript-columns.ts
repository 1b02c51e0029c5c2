import type { Coder, Segment, TranscriptDocument, Turn } from './types';

// Opening a transcript moves its text, turns and segments from the project to the
// window in one answer. Turns and segments go as columns (each code, coder and
// speaker named once, not per row; no repeated field names), which makes the
// answer a fraction of the size of the row objects: on a 150,000-word focus group
// with 3,000 segments 0.2 MB of segments instead of 0.9 MB, which is what the
// window has to receive and parse before it can paint.

/** A segment as the transcript shows it: its dates stay in the project. */
export type ShownSegment = Omit<Segment, 'createdAt' | 'updatedAt'>;

export interface SegmentColumns {
  ids: string[];
  /** each code once; `code[i]` is the position of segment i's code here */
  codes: string[];
  code: number[];
  coders: string[];
  coder: number[];
  start: number[];
  end: number[];
  /** memos by segment position, only for segments that have one */
  memos: Record<string, string>;
}

export interface TurnColumns {
  index: number[];
  /** each speaker and role once; -1 for none */
  names: string[];
  speaker: number[];
  role: number[];
  start: number[];
  end: number[];
  timeStart: (number | null)[];
  timeEnd: (number | null)[];
}

/** What `documents.open` answers: the document, its turns and segments, and who coded. */
export interface OpenedDocument {
  document: Omit<TranscriptDocument, 'turnList'> & { turnColumns: TurnColumns };
  segments: SegmentColumns;
  coders: Coder[];
}

/** Position of each distinct value, filled as values come. */
function dictionary(): { names: string[]; at: (v: string) => number } {
  const names: string[] = [];
  const seen = new Map<string, number>();
  return {
    names,
    at: (v) => {
      let i = seen.get(v);
      if (i === undefined) seen.set(v, (i = names.push(v) - 1));
      return i;
    },
  };
}

export function packSegments(segments: readonly ShownSegment[]): SegmentColumns {
  const codes = dictionary();
  const coders = dictionary();
  const out: SegmentColumns = { ids: [], codes: codes.names, code: [], coders: coders.names, coder: [], start: [], end: [], memos: {} };
  segments.forEach((s, i) => {
    out.ids.push(s.id);
    out.code.push(codes.at(s.codeId));
    out.coder.push(coders.at(s.coderId));
    out.start.push(s.start);
    out.end.push(s.end);
    if (s.memo) out.memos[i] = s.memo;
  });
  return out;
}

export function unpackSegments(c: SegmentColumns, documentId: string): ShownSegment[] {
  const out: ShownSegment[] = new Array(c.ids.length);
  for (let i = 0; i < c.ids.length; i++) {
    out[i] = { id: c.ids[i], documentId, codeId: c.codes[c.code[i]], coderId: c.coders[c.coder[i]], start: c.start[i], end: c.end[i], memo: c.memos[i] ?? '' };
  }
  return out;
}

export function packTurns(turns: readonly Turn[]): TurnColumns {
  const names = dictionary();
  const out: TurnColumns = { index: [], names: names.names, speaker: [], role: [], start: [], end: [], timeStart: [], timeEnd: [] };
  for (const t of turns) {
    out.index.push(t.index);
    out.speaker.push(t.speaker === null ? -1 : names.at(t.speaker));
    out.role.push(t.role === null ? -1 : names.at(t.role));
    out.start.push(t.start);
    out.end.push(t.end);
    out.timeStart.push(t.timeStart);
    out.timeEnd.push(t.timeEnd);
  }
  return out;
}

export function unpackTurns(c: TurnColumns): Turn[] {
  const name = (i: number) => (i < 0 ? null : c.names[i]);
  const out: Turn[] = new Array(c.index.length);
  for (let i = 0; i < c.index.length; i++) {
    out[i] = {
      index: c.index[i],
      speaker: name(c.speaker[i]),
      role: name(c.role[i]),
      start: c.start[i],
      end: c.end[i],
      timeStart: c.timeStart[i],
      timeEnd: c.timeEnd[i],
    };
  }
  return out;
}

/** The document as the window keeps it, from the opened answer. */
export function unpackDocument(o: OpenedDocument['document']): TranscriptDocument {
  const { turnColumns, ...rest } = o;
  return { ...rest, turnList: unpackTurns(turnColumns) };
}

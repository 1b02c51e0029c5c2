import { isRtl } from '../../../shared/text-direction';
import { speakerLabel } from '../../../shared/turns';
import type { TranscriptDocument } from '../../../shared/types';
import type { ShownSegment } from '../../../shared/transcript-columns';

// Pure layout of a transcript: the blocks the virtual list shows (a turn's
// paragraphs, long ones cut at a space), the runs of text inside a block with the
// segments covering each, and the margin lanes of the coding stripes.

export interface Block {
  key: number;
  turn: number;
  /** the speaker, on a turn's first block only */
  speaker: string | null;
  time: number | null;
  start: number;
  end: number;
  rtl: boolean;
}

const MAX_BLOCK = 1200;

function pushPieces(out: Block[], text: string, start: number, end: number, base: Omit<Block, 'key' | 'start' | 'end' | 'rtl'>): void {
  let first = true;
  let line = start;
  while (line < end) {
    let nl = text.indexOf('\n', line);
    if (nl < 0 || nl > end) nl = end;
    let a = line;
    while (a < nl && /\s/.test(text[a])) a++;
    let b = nl;
    while (b > a && /\s/.test(text[b - 1])) b--;
    while (a < b) {
      let cut = b;
      if (b - a > MAX_BLOCK) {
        cut = text.lastIndexOf(' ', a + MAX_BLOCK);
        if (cut <= a) cut = a + MAX_BLOCK;
      }
      const piece = text.slice(a, cut);
      out.push({ key: out.length, ...base, speaker: first ? base.speaker : null, time: first ? base.time : null, start: a, end: cut, rtl: isRtl(piece) });
      first = false;
      a = cut;
      while (a < b && text[a] === ' ') a++;
    }
    line = nl + 1;
  }
}

/** The blocks of a document, in order; a turn's label ("Mrs Achieng:") shows as its speaker, not in the text. */
export function blocksOf(doc: Pick<TranscriptDocument, 'text' | 'turnList'>): Block[] {
  const out: Block[] = [];
  const turns = doc.turnList.length ? doc.turnList : [{ index: 0, speaker: null, role: null, start: 0, end: doc.text.length, timeStart: null, timeEnd: null }];
  for (const t of turns) {
    const label = t.speaker ? speakerLabel(doc.text, t.start) : null;
    const from = label && label.start === t.start ? label.textStart : t.start;
    pushPieces(out, doc.text, from, t.end, { turn: t.index, speaker: t.speaker, time: t.timeStart });
  }
  return out;
}

export interface Run {
  start: number;
  end: number;
  segments: ShownSegment[];
  selected: boolean;
}

/** Cuts a block into runs at every segment and selection boundary. */
export function runsOf(
  block: Pick<Block, 'start' | 'end'>,
  segments: readonly ShownSegment[],
  selection: { start: number; end: number } | null,
  caret: number | null = null,
): Run[] {
  const inside = segments.filter((s) => s.start < block.end && s.end > block.start);
  const cuts = new Set([block.start, block.end]);
  for (const s of inside) {
    if (s.start > block.start) cuts.add(s.start);
    if (s.end < block.end) cuts.add(s.end);
  }
  if (selection) {
    if (selection.start > block.start && selection.start < block.end) cuts.add(selection.start);
    if (selection.end > block.start && selection.end < block.end) cuts.add(selection.end);
  }
  if (caret !== null && caret > block.start && caret < block.end) cuts.add(caret);
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    runs.push({
      start: a,
      end: b,
      segments: inside.filter((s) => s.start <= a && s.end >= b),
      selected: !!selection && selection.start <= a && selection.end >= b,
    });
  }
  return runs;
}

/** A margin lane for each segment, so overlapping segments stand side by side. */
export function lanesOf(segments: readonly ShownSegment[]): Map<string, number> {
  const sorted = [...segments].sort((a, b) => a.start - b.start || b.end - a.end);
  const ends: number[] = [];
  const lanes = new Map<string, number>();
  for (const s of sorted) {
    let lane = ends.findIndex((end) => end <= s.start);
    if (lane < 0) lane = ends.push(0) - 1;
    ends[lane] = s.end;
    lanes.set(s.id, lane);
  }
  return lanes;
}

const WORD = /[\p{L}\p{N}\p{M}'’_-]/u;

/** Widens a selection to whole words and trims the spaces at its ends. */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  let a = Math.max(0, Math.min(start, end));
  let b = Math.min(text.length, Math.max(start, end));
  while (a < b && /\s/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  if (a === b) return { start: a, end: b };
  while (a > 0 && WORD.test(text[a - 1]) && WORD.test(text[a])) a--;
  while (b < text.length && WORD.test(text[b]) && WORD.test(text[b - 1])) b++;
  return { start: a, end: b };
}

/** "01:02:03" or "02:03" for a time in seconds. */
export function clock(seconds: number | null): string {
  if (seconds === null) return '';
  const s = Math.floor(seconds);
  const hh = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return hh ? `${hh}:${mm}:${ss}` : `${mm}:${ss}`;
}

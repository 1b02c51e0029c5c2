// Where a search hit spreads to when "code all hits" codes more than the words:
// the sentence(s) holding it, or its speaker turn — never past the turn, and
// never over the speaker's label ("Mrs Achieng:").
import { speakerLabel } from '../../shared/turns';

export interface Range {
  start: number;
  end: number;
}

interface TurnSpan extends Range {
  speaker: string | null;
}

const sentences = new Intl.Segmenter('und', { granularity: 'sentence' });

function trimEnd(text: string, r: Range): Range {
  let end = r.end;
  while (end > r.start && /\s/.test(text[end - 1])) end--;
  return { start: r.start, end };
}

/** Spreads hits over one document's text and turns (ordered by start). */
export function spreader(text: string, turns: readonly TurnSpan[]) {
  const sentenceCache = new Map<number, Range[]>();
  const turnAt = (offset: number): Range => {
    let lo = 0;
    let hi = turns.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (turns[mid].end <= offset) lo = mid + 1;
      else if (turns[mid].start > offset) hi = mid - 1;
      else {
        const t = turns[mid];
        const label = t.speaker ? speakerLabel(text, t.start) : null;
        return { start: label && label.start === t.start && label.textStart <= offset ? label.textStart : t.start, end: t.end };
      }
    }
    // Text outside every turn (a title line): its own line is the unit.
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    const nl = text.indexOf('\n', offset);
    return trimEnd(text, { start, end: nl === -1 ? text.length : nl });
  };
  const sentencesOf = (turn: Range): Range[] => {
    let cached = sentenceCache.get(turn.start);
    if (!cached) {
      cached = [...sentences.segment(text.slice(turn.start, turn.end))].map((s) =>
        trimEnd(text, { start: turn.start + s.index, end: turn.start + s.index + s.segment.length }),
      );
      sentenceCache.set(turn.start, cached);
    }
    return cached;
  };
  return (hit: Range): { sentence: Range; turn: Range } => {
    const turn = turnAt(hit.start);
    const inside = sentencesOf(turn).filter((s) => s.start < Math.max(hit.end, hit.start + 1) && s.end > hit.start);
    const sentence = inside.length ? { start: inside[0].start, end: Math.min(turn.end, inside[inside.length - 1].end) } : hit;
    return { sentence, turn };
  };
}

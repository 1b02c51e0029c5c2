import { labelsAreSpeakers, speakerLabel, type TurnDraft } from '../../../shared/turns';

/** Words of one speaker within a cue (a cue may hold several `<v>` voices). */
export interface CuePiece {
  voice: string | null;
  text: string;
}

/** A timed cue of a WebVTT or SubRip file; times in seconds. */
export interface Cue {
  start: number;
  end: number;
  pieces: CuePiece[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };

export function decodeCaptionEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|([a-z]+));/g, (all, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return ENTITIES[name] ?? all;
    const cp = hex ? parseInt(hex, 16) : Number(dec);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
  });
}

/** Caption line wrapping is display layout, not speech: one space between words. */
export function cleanWords(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function roundTime(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

interface OpenTurn {
  speaker: string | null;
  words: string[];
  timeStart: number;
  timeEnd: number;
}

/**
 * A transcript from cues, written like every other transcript: one turn per
 * line, `Speaker: words`, the turn covering the whole line. Consecutive cues of
 * the same speaker merge. A cue without a speaker continues the turn before it
 * (captions often name the speaker only when it changes); with no speaker
 * before it, it stands alone as a line without a speaker.
 *
 * Speakers come from `<v Name>` voices, or from `Name: words` at the start of
 * cue text when such labels look like speakers across the file (as in txt).
 */
export function cuesToTranscript(cues: Cue[]): { text: string; turns: TurnDraft[] } {
  const counts = new Map<string, number>();
  for (const cue of cues) {
    for (const p of cue.pieces) {
      const label = p.voice === null ? speakerLabel(p.text) : null;
      if (label) counts.set(label.speaker, (counts.get(label.speaker) ?? 0) + 1);
    }
  }
  const useLabels = labelsAreSpeakers(counts);

  const open: OpenTurn[] = [];
  for (const cue of cues) {
    for (const piece of cue.pieces) {
      let speaker = piece.voice;
      let words = piece.text;
      const label = speaker === null && useLabels ? speakerLabel(words) : null;
      if (label) {
        speaker = label.speaker;
        words = words.slice(label.textStart);
      }
      const current = open.at(-1);
      const continues = current !== undefined && current.speaker !== null && (speaker === null || speaker === current.speaker);
      if (continues) {
        if (words) current.words.push(words);
        current.timeEnd = Math.max(current.timeEnd, cue.end);
      } else if (words || speaker) {
        open.push({ speaker, words: words ? [words] : [], timeStart: cue.start, timeEnd: cue.end });
      }
    }
  }

  let text = '';
  const turns: TurnDraft[] = [];
  for (const t of open) {
    const words = t.words.join(' ');
    const line = t.speaker === null ? words : words ? `${t.speaker}: ${words}` : `${t.speaker}:`;
    turns.push({ speaker: t.speaker, start: text.length, end: text.length + line.length, timeStart: roundTime(t.timeStart), timeEnd: roundTime(t.timeEnd) });
    text += `${line}\n`;
  }
  return { text, turns };
}

import { cleanWords, decodeCaptionEntities, roundTime, type Cue } from './captions';
import { ImportError } from './errors';
import { timingError } from './vtt';

const EXAMPLE = '00:00:01,000 --> 00:00:04,000';
// Hours optional and one or two digits, comma or dot before the milliseconds:
// the variants real SubRip writers produce. Anything else is not a time.
const TIMESTAMP = /^(?:(\d{1,3}):)?([0-5]?\d):([0-5]?\d)(?:[,.](\d{1,3}))?$/;

export function parseSrtTime(s: string): number | null {
  const m = TIMESTAMP.exec(s);
  if (!m) return null;
  const ms = m[4] ? Number(m[4].padEnd(3, '0')) : 0;
  return roundTime(Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + ms / 1000);
}

function timing(line: string): { start: number; end: number } | null {
  const m = /^\s*(\S+)\s+-->\s+(\S+)/.exec(line);
  const start = m ? parseSrtTime(m[1]) : null;
  const end = m ? parseSrtTime(m[2]) : null;
  return start === null || end === null ? null : { start, end };
}

/** Formatting that SubRip players honour but that is not speech: `<i>`, `<font …>`, `{\an8}`. */
function cueWords(lines: string[]): string {
  return cleanWords(
    decodeCaptionEntities(
      lines
        .join('\n')
        .replace(/<[^>]*>/g, '')
        .replace(/\{\\[^}]*\}/g, ''),
    ),
  );
}

/**
 * Cues of a SubRip file. A line with `-->` where a timing is expected must be a
 * readable timing: a file with unreadable times is refused with the line
 * number (guessing would misplace every timestamp after it). Lines after a
 * blank line that do not start a new cue stay with the cue before them.
 */
export function parseSrt(file: string, text: string): Cue[] {
  const lines = text.split('\n');
  const cues: { start: number; end: number; lines: string[] }[] = [];
  let inCue = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      inCue = false;
      continue;
    }
    const isNumber = /^\s*\d+\s*$/.test(line) && i + 1 < lines.length && lines[i + 1].includes('-->');
    const timingLine = isNumber ? i + 1 : line.includes('-->') ? i : -1;
    const t = timingLine === -1 ? null : timing(lines[timingLine]);
    if (t) {
      cues.push({ ...t, lines: [] });
      i = timingLine;
      inCue = true;
    } else if (timingLine !== -1 && !inCue) {
      throw timingError(file, timingLine + 1, lines[timingLine], EXAMPLE);
    } else if (cues.length > 0) {
      cues[cues.length - 1].lines.push(line);
      inCue = true;
    } else {
      throw new ImportError(file, `not a SubRip file (line ${i + 1} should be a cue number or a timing like ${EXAMPLE})`);
    }
  }
  if (cues.length === 0) throw new ImportError(file, `not a SubRip file (no cue timings like ${EXAMPLE})`);
  return cues.map((c) => {
    const words = cueWords(c.lines);
    return { start: c.start, end: c.end, pieces: words ? [{ voice: null, text: words }] : [] };
  });
}

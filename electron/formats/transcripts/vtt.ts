import { cleanWords, decodeCaptionEntities, roundTime, type Cue, type CuePiece } from './captions';
import { ImportError } from './errors';

const TIMESTAMP = /^(?:(\d{1,}):)?([0-5]\d):([0-5]\d)[.,](\d{3})$/;

export function parseVttTime(s: string): number | null {
  const m = TIMESTAMP.exec(s);
  if (!m) return null;
  return roundTime(Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000);
}

export function timingError(file: string, lineNo: number, line: string, example: string): ImportError {
  const shown = line.trim().length > 60 ? `${line.trim().slice(0, 57)}…` : line.trim();
  return new ImportError(file, `line ${lineNo}: cannot read the cue timing "${shown}" (expected ${example})`);
}

/**
 * Cues of a WebVTT file (text already decoded, LF line endings). NOTE, STYLE
 * and REGION blocks are skipped. A block of text with no timing line (a stray
 * blank line inside a cue) is kept with the cue before it rather than lost.
 */
export function parseVtt(file: string, text: string): Cue[] {
  const lines = text.split('\n');
  if (!/^WEBVTT(?:[ \t]|$)/.test(lines[0] ?? '')) throw new ImportError(file, 'not a WebVTT file (the first line must be WEBVTT)');
  let i = 1;
  // Header metadata (Kind:, Language: …) runs to the first blank line; some writers omit that line before the first cue.
  while (i < lines.length && lines[i].trim() !== '' && !lines[i].includes('-->')) i++;
  const cues: { start: number; end: number; payload: string[] }[] = [];
  while (i < lines.length) {
    if (lines[i].trim() === '') {
      i++;
      continue;
    }
    const first = i;
    while (i < lines.length && lines[i].trim() !== '') i++;
    const block = lines.slice(first, i);
    if (/^NOTE(?:[ \t]|$)/.test(block[0]) || /^(?:STYLE|REGION)[ \t]*$/.test(block[0])) continue;
    const t = block.findIndex((l) => l.includes('-->'));
    // Text before the cue identifier has no timing of its own: it belongs to the cue before.
    if (t === -1 || t > 1) cues.at(-1)?.payload.push('', ...block.slice(0, t === -1 ? block.length : t - 1));
    if (t === -1) continue;
    const m = /^\s*(\S+)[ \t]+-->[ \t]+(\S+)/.exec(block[t]);
    const start = m ? parseVttTime(m[1]) : null;
    const end = m ? parseVttTime(m[2]) : null;
    if (start === null || end === null) throw timingError(file, first + t + 1, block[t], '00:01:02.500 --> 00:01:05.000');
    cues.push({ start, end, payload: block.slice(t + 1) });
  }
  return cues.map((c) => ({ start: c.start, end: c.end, pieces: voicePieces(c.payload.join('\n')) }));
}

/**
 * The words of a cue split by `<v Speaker>` voices (`<v.loud Speaker>` classes
 * allowed, `</v>` optional). Every other tag — `<c>`, `<i>`, `<b>`, `<u>`,
 * `<ruby>`, `<lang>`, timestamp tags — is dropped and its text kept.
 */
export function voicePieces(payload: string): CuePiece[] {
  const raw: CuePiece[] = [];
  let voice: string | null = null;
  let last = 0;
  const add = (s: string) => {
    if (s === '') return;
    const prev = raw.at(-1);
    if (prev && prev.voice === voice) prev.text += s;
    else raw.push({ voice, text: s });
  };
  for (const m of payload.matchAll(/<([^>]*)>/g)) {
    add(payload.slice(last, m.index));
    last = m.index + m[0].length;
    const tag = m[1].trim();
    if (/^v(?:[.\s]|$)/.test(tag)) voice = cleanWords(decodeCaptionEntities(tag.replace(/^v(?:\.[^\s.]+)*/, ''))) || null;
    else if (tag === '/v') voice = null;
  }
  add(payload.slice(last));
  const pieces: CuePiece[] = [];
  for (const p of raw) {
    const text = cleanWords(decodeCaptionEntities(p.text));
    const prev = pieces.at(-1);
    if (!text) continue;
    if (prev && prev.voice === p.voice) prev.text += ` ${text}`;
    else pieces.push({ voice: p.voice, text });
  }
  return pieces;
}

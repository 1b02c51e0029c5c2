// Transcripts where each turn opens with a line of its own naming the speaker and
// the time, the words following on the next lines — as Otter.ai exports them
// (`Jane Smith  0:01`) and as Microsoft Word's Transcribe writes them
// (`Speaker 1 00:00:01`, or with the time first). Such a file has no colon after
// the names, so the ordinary label rule (`Name: words`) finds no speakers.
import { labelsAreSpeakers, parseClock, speakerName, type TurnDraft } from '../../../shared/turns';

const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
const NAME_THEN_TIME = new RegExp(String.raw`^[ \t]*(\p{L}[^\n]*?)[ \t]+(${CLOCK})[ \t]*$`, 'u');
const TIME_THEN_NAME = new RegExp(String.raw`^[ \t]*(${CLOCK})[ \t]+(?:[-–][ \t]+)?(\p{L}[^\n]*?)[ \t]*$`, 'u');
// Otter signs its exports; the line is not speech and must not end up in the last turn.
const SIGNATURE = /^\s*Transcribed by https?:\/\/otter\.ai\s*$/i;

interface Header {
  line: number;
  speaker: string;
  time: number;
}

function headerOf(line: string, index: number): Header | null {
  const nameFirst = NAME_THEN_TIME.exec(line);
  const timeFirst = nameFirst ? null : TIME_THEN_NAME.exec(line);
  const [name, clock] = nameFirst ? [nameFirst[1], nameFirst[2]] : timeFirst ? [timeFirst[2], timeFirst[1]] : [];
  if (!name || !clock) return null;
  const speaker = speakerName(name);
  const time = parseClock(clock);
  return speaker && time !== null ? { line: index, speaker, time } : null;
}

/**
 * The transcript rewritten one turn per paragraph as `Speaker: words`, with the
 * header's time as the turn's start — or null when the text is not laid out
 * with header lines. A header counts only when words follow it, and only when
 * the headers look like speakers across the file (two names, or one recurring),
 * so a dated title line in ordinary prose is never taken for one.
 */
export function readHeadedTurns(text: string): { text: string; turns: TurnDraft[] } | null {
  const lines = text.split('\n');
  const headers: Header[] = [];
  lines.forEach((line, i) => {
    const h = headerOf(line, i);
    if (!h) return;
    const next = lines.slice(i + 1).find((l) => /\S/.test(l));
    if (next !== undefined && !headerOf(next, -1)) headers.push(h);
  });
  const counts = new Map<string, number>();
  for (const h of headers) counts.set(h.speaker, (counts.get(h.speaker) ?? 0) + 1);
  if (!labelsAreSpeakers(counts)) return null;

  let out = '';
  const turns: TurnDraft[] = [];
  const plain = (from: number, to: number) => {
    for (const l of lines.slice(from, to)) {
      const words = l.trim();
      if (!words || SIGNATURE.test(words)) continue;
      turns.push({ speaker: null, start: out.length, end: out.length + words.length, timeStart: null, timeEnd: null });
      out += `${words}\n`;
    }
  };
  plain(0, headers[0].line);
  headers.forEach((h, k) => {
    const until = k + 1 < headers.length ? headers[k + 1].line : lines.length;
    const body = lines.slice(h.line + 1, until).map((l) => l.trim());
    const signature = body.findIndex((l) => SIGNATURE.test(l));
    const words = (signature === -1 ? body : body.slice(0, signature)).filter((l) => l !== '').join('\n');
    const turn = words ? `${h.speaker}: ${words}` : `${h.speaker}:`;
    // The next header's time is when this speaker stopped, as near as the file says.
    const timeEnd = k + 1 < headers.length ? headers[k + 1].time : null;
    turns.push({ speaker: h.speaker, start: out.length, end: out.length + turn.length, timeStart: h.time, timeEnd });
    out += `${turn}\n`;
  });
  return { text: out, turns };
}

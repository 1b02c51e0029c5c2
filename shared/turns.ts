// Speaker turns found in plain transcript text. Pure: used by the importers and
// by anything that needs to re-derive turns (bench floor, tests).
//
// A line opens a turn when it starts with a speaker label such as
// `Interviewer:`, `Student 3:`, `Mrs Okafor:`, `Mr. Banda:`, `T1:`, `استاد:`,
// optionally with a timestamp: `[00:01:02] Name:`, `(00:01:02) Name:`,
// `00:01:02 Name:` or `Name (00:01:02):`. A label is short (≤ 40 characters,
// ≤ 4 words), starts with a letter and carries no sentence punctuation, so
// prose such as "The main points were as follows:" is never a label.

export interface TurnDraft {
  speaker: string | null;
  /** [start, end) in UTF-16 code units of the document text; end excludes trailing whitespace */
  start: number;
  end: number;
  /** seconds from the start of the recording, where known */
  timeStart: number | null;
  timeEnd: number | null;
}

export interface SpeakerLabel {
  speaker: string;
  /** seconds, when the label carries a timestamp */
  time: number | null;
  /** where the label starts (after indentation) */
  start: number;
  /** just after the colon and the spaces that follow it: where the spoken words start */
  textStart: number;
}

const MAX_LABEL_CHARS = 40;
const MAX_LABEL_WORDS = 4;
// Titles and initials are the only words that may carry a dot ("Mr. Banda", "A. Khan").
const TITLES = new Set(['mr.', 'mrs.', 'ms.', 'mx.', 'dr.', 'prof.', 'rev.', 'st.', 'sr.', 'jr.', 'fr.']);

const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
// Sticky and multiline so it can be run at any line start of the whole text without slicing.
const LABEL = new RegExp(
  String.raw`[ \t]*` +
    String.raw`(?:(?:\[(${CLOCK})\]|\((${CLOCK})\)|(${CLOCK}))[ \t]+(?:[-–][ \t]+)?)?` +
    String.raw`(\p{L}[^:：\n]{0,${MAX_LABEL_CHARS + 10}}?)[ \t]*` +
    String.raw`(?:[[(](${CLOCK})[\])][ \t]*)?` +
    String.raw`(?::(?=\s|$)|：)[ \t]*`,
  'uym',
);
const NAME_CHARS = /^[\p{L}\p{M}\p{N}'’.\- ]+$/u;

/** Seconds in `h:mm:ss(.mmm)` or `mm:ss(.mmm)`, or null. */
export function parseClock(clock: string): number | null {
  const m = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(clock);
  if (!m) return null;
  const [h, min, s] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  if (min > 59 || s > 59) return null;
  const ms = m[4] ? Number(m[4].padEnd(3, '0')) : 0;
  return h * 3600 + min * 60 + s + ms / 1000;
}

/** A speaker name as written, or null when the words cannot be a label. */
export function speakerName(raw: string): string | null {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length === 0 || name.length > MAX_LABEL_CHARS || !NAME_CHARS.test(name)) return null;
  const words = name.split(' ');
  if (words.length > MAX_LABEL_WORDS) return null;
  for (const w of words) {
    if (!w.includes('.')) continue;
    if (!TITLES.has(w.toLowerCase()) && !/^\p{Lu}\.$/u.test(w)) return null;
  }
  return name;
}

/** The speaker label at the start of the line beginning at `lineStart`, if any. */
export function speakerLabel(text: string, lineStart = 0): SpeakerLabel | null {
  LABEL.lastIndex = lineStart;
  const m = LABEL.exec(text);
  if (!m) return null;
  const speaker = speakerName(m[4]);
  if (!speaker) return null;
  const clock = m[1] ?? m[2] ?? m[3] ?? m[5];
  const indent = m[0].length - m[0].trimStart().length;
  return { speaker, time: clock ? parseClock(clock) : null, start: lineStart + indent, textStart: lineStart + m[0].length };
}

/**
 * Whether candidate labels are really speakers: some label recurs, or there are
 * at least two different ones. A lone "Note:" in prose is not a speaker.
 */
export function labelsAreSpeakers(counts: ReadonlyMap<string, number>): boolean {
  if (counts.size >= 2) return true;
  for (const n of counts.values()) if (n >= 2) return true;
  return false;
}

interface Line {
  start: number;
  end: number;
  blank: boolean;
}

function splitLines(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= to) {
    let end = text.indexOf('\n', start);
    if (end === -1 || end > to) end = to;
    lines.push({ start, end, blank: !/\S/.test(text.slice(start, end)) });
    start = end + 1;
  }
  return lines;
}

function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

/**
 * Speaker-less turns: one per paragraph (lines separated by blank lines), or one
 * per line when the text has no blank lines at all.
 */
function paragraphTurns(text: string, from: number, to: number): TurnDraft[] {
  const blocks: [number, number][] = [];
  const lines = splitLines(text, from, to);
  let open: [number, number] | null = null;
  for (const line of lines) {
    if (line.blank) {
      if (open) blocks.push(open);
      open = null;
    } else if (open) open[1] = line.end;
    else open = [line.start, line.end];
  }
  if (open) blocks.push(open);
  const spans = blocks.length === 1 ? lines.filter((l) => !l.blank).map((l): [number, number] => [l.start, l.end]) : blocks;
  return spans.map(([s, e]) => {
    const [start, end] = trimmed(text, s, e);
    return { speaker: null, start, end, timeStart: null, timeEnd: null };
  });
}

export interface TurnOptions {
  /**
   * Offsets of lines that are section headings (known from Markdown): never a
   * speaker label, they end the turn before them and start speaker-less text.
   */
  headings?: readonly number[];
}

/**
 * Speaker turns of a transcript. A turn runs from its label line to the line
 * before the next label, so continuation lines and paragraphs belong to it.
 * Text before the first label, and documents without speakers, are split into
 * paragraphs with no speaker. Turns are ordered, non-overlapping and trimmed.
 */
export function detectTurns(text: string, options: TurnOptions = {}): TurnDraft[] {
  const headings = new Set(options.headings);
  // Each marker opens a stretch of text: a speaker's turn, or (heading) speaker-less paragraphs.
  const markers: (SpeakerLabel | { heading: number })[] = [];
  const counts = new Map<string, number>();
  for (let lineStart = 0; lineStart < text.length;) {
    const label = headings.has(lineStart) ? null : speakerLabel(text, lineStart);
    if (label) {
      markers.push(label);
      counts.set(label.speaker, (counts.get(label.speaker) ?? 0) + 1);
    } else if (headings.has(lineStart)) markers.push({ heading: lineStart });
    const nl = text.indexOf('\n', lineStart);
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  if (!labelsAreSpeakers(counts)) return paragraphTurns(text, 0, text.length);
  const startOf = (m: (typeof markers)[number]) => ('heading' in m ? m.heading : m.start);
  const turns = paragraphTurns(text, 0, markers.length > 0 ? startOf(markers[0]) : text.length);
  markers.forEach((m, i) => {
    const next = i + 1 < markers.length ? startOf(markers[i + 1]) : text.length;
    if ('heading' in m) {
      turns.push(...paragraphTurns(text, m.heading, next));
      return;
    }
    const [start, end] = trimmed(text, m.start, next);
    turns.push({ speaker: m.speaker, start, end, timeStart: m.time, timeEnd: null });
  });
  return turns;
}

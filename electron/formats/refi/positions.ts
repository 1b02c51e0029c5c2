// Character positions. Fieldcode counts UTF-16 code units (JavaScript string
// indices) in text whose line endings are LF; REFI-QDA counts Unicode code points
// in the source's .txt file. Other tools deviate (fixtures README, checked on real
// exports): NVivo counts UTF-16 code units with CRLF as 2; ATLAS.ti writes CRLF
// but counts a line ending as 1; QualCoder counts what its Qt text view counts,
// UTF-16 code units, in LF text (its optional CRLF export keeps the LF counts).
// The dialect is chosen by Project@origin.

export interface PositionDialect {
  /** what one position step is */
  unit: 'codepoint' | 'utf16';
  /** how many positions a CRLF line ending takes */
  crlf: 1 | 2;
}

export const STANDARD: PositionDialect = { unit: 'codepoint', crlf: 2 };
export const QUALCODER: PositionDialect = { unit: 'utf16', crlf: 1 };

/** True for a file QualCoder wrote, or one Fieldcode wrote for QualCoder (both count its way). */
export function isQualCoder(origin: string): boolean {
  return /qualcoder/i.test(origin);
}

export function dialectFor(origin: string): PositionDialect {
  if (isQualCoder(origin)) return QUALCODER;
  if (/nvivo/i.test(origin)) return { unit: 'utf16', crlf: 2 };
  if (/atlas\.?\s*ti/i.test(origin)) return { unit: 'codepoint', crlf: 1 };
  return STANDARD;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Indices of `values` in ascending order of value. */
function ascending(values: ArrayLike<number>): Int32Array {
  const order = Int32Array.from({ length: values.length }, (_, i) => i);
  return order.sort((a, b) => values[a] - values[b]);
}

const HAS_SURROGATE = /[\ud800-\udfff]/;

/**
 * UTF-16 offsets in `text` as code point positions (export). An offset inside a
 * surrogate pair, which Fieldcode never makes, counts the pair as passed.
 */
export function toCodePoints(text: string, offsets: ArrayLike<number>): Int32Array {
  const out = Int32Array.from(offsets);
  if (!HAS_SURROGATE.test(text)) return out;
  const order = ascending(offsets);
  let k = 0;
  let points = 0;
  for (let i = 0; i <= text.length && k < order.length;) {
    while (k < order.length && offsets[order[k]] <= i) out[order[k++]] = points;
    if (i === text.length) break;
    const pair = isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1));
    i += pair ? 2 : 1;
    points++;
  }
  while (k < order.length) out[order[k++]] = points;
  return out;
}

export interface MappedText {
  /** the text with CRLF and CR turned into LF, as Fieldcode stores it */
  text: string;
  /** each position as a UTF-16 offset in `text`, or -1 where it lies beyond the end */
  offsets: Int32Array;
  /** positions (UTF-16 dialects only) that fell between the two halves of a surrogate pair, moved to its end */
  splitPairs: number;
}

/**
 * A source's raw text (BOM already removed) and positions counted in `dialect`,
 * mapped onto the LF-only text Fieldcode keeps. A position that falls inside a
 * line ending or a surrogate pair moves to the end of that character, so a
 * selection never splits an emoji; such positions are counted for the report.
 */
export function fromPositions(raw: string, positions: ArrayLike<number>, dialect: PositionDialect): MappedText {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  const offsets = new Int32Array(positions.length).fill(-1);
  const simple = !raw.includes('\r') && (dialect.unit === 'utf16' || !HAS_SURROGATE.test(raw));
  let splitPairs = 0;
  if (simple) {
    for (let j = 0; j < positions.length; j++) {
      const p = positions[j];
      if (!(Number.isInteger(p) && p >= 0 && p <= text.length)) continue;
      const split = p > 0 && isHigh(text.charCodeAt(p - 1)) && isLow(text.charCodeAt(p));
      if (split) splitPairs++;
      offsets[j] = split ? p + 1 : p;
    }
    return { text, offsets, splitPairs };
  }
  const valid = Array.from({ length: positions.length }, (_, j) => j).filter((j) => Number.isInteger(positions[j]) && positions[j] >= 0);
  const order = valid.sort((a, b) => positions[a] - positions[b]);
  let k = 0;
  let pos = 0;
  let norm = 0;
  // A position passed over by the last step fell inside it; inside a pair of UTF-16 units, it split the character.
  let lastWasPair = false;
  for (let i = 0; k < order.length;) {
    for (; k < order.length && positions[order[k]] <= pos; k++) {
      offsets[order[k]] = norm;
      if (lastWasPair && positions[order[k]] < pos) splitPairs++;
    }
    if (i >= raw.length) break;
    const c = raw.charCodeAt(i);
    if (c === 13) {
      const crlf = raw.charCodeAt(i + 1) === 10;
      pos += crlf ? dialect.crlf : 1;
      i += crlf ? 2 : 1;
      norm += 1;
      lastWasPair = false;
    } else if (isHigh(c) && isLow(raw.charCodeAt(i + 1))) {
      pos += dialect.unit === 'utf16' ? 2 : 1;
      i += 2;
      norm += 2;
      lastWasPair = dialect.unit === 'utf16';
    } else {
      pos += 1;
      i += 1;
      norm += 1;
      lastWasPair = false;
    }
  }
  return { text, offsets, splitPairs };
}

import { ByteSink } from './byte-sink';
import { segmentHeader, segmentRepeats, segmentRow, type SegmentReport } from './report-model';

// CSV for Excel and for scripts: UTF-8 with a byte-order mark (without it Excel
// reads UTF-8 as the local code page and breaks every accent), RFC 4180 quoting
// with CRLF line ends, and a guard against formula injection: a text cell that
// starts with = + - @ (or a tab or carriage return, OWASP's list) gets a leading
// apostrophe, so a quotation like "=HYPERLINK(…)" stays text when opened.

export const CSV_BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;
/** Either of the above, in one test: most cells need neither. */
const SPECIAL = /^[=+\-@\t\r]|[",\r\n]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (!SPECIAL.test(value)) return value;
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  if (!NEEDS_QUOTES.test(text)) return text;
  return `"${text.includes('"') ? text.replace(/"/g, '""') : text}"`;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

/** A whole CSV file as text: BOM, header and rows, CRLF after every record. */
export function toCsv(header: readonly string[], rows: Iterable<readonly (string | number | null | undefined)[]>): string {
  const lines = [csvLine(header)];
  for (const r of rows) lines.push(csvLine(r));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

/**
 * The coded-segment table as CSV bytes, written line by line into one buffer.
 * Values that repeat down a column (code, document, case, attributes, speaker,
 * coder) are quoted once and reused.
 */
export function segmentsCsv(r: SegmentReport): Uint8Array {
  const out = new ByteSink(1 << 20);
  out.write(`${CSV_BOM}${csvLine(segmentHeader(r))}\r\n`);
  const repeats = segmentRepeats(r);
  const quoted = new Map<string, string>();
  const cells: string[] = [];
  const segments = r.segments;
  // After the first rows, room for all of them at the bytes per row so far, and a tenth more.
  const sample = Math.min(segments.length, 256);
  for (let k = 0; k < segments.length; k++) {
    const s = segments[k];
    if (k === sample && k > 0) out.reserve(Math.ceil((out.length / k) * segments.length * 1.1));
    const row = segmentRow(r, s);
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (repeats[i] && typeof v === 'string') {
        let cell = quoted.get(v);
        if (cell === undefined) quoted.set(v, (cell = csvCell(v)));
        cells[i] = cell;
      } else cells[i] = csvCell(v);
    }
    cells[row.length - 1] += '\r\n';
    out.write(cells.join(','));
  }
  return out.bytes();
}

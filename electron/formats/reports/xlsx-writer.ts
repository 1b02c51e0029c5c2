import { ByteSink } from './byte-sink';
import { writeZip } from '../refi/zip';
import { xmlText } from '../xml-escape';
import { MAIN, packageParts, REL, XML_HEAD } from './xlsx-package';

// SpreadsheetML written directly: each sheet's rows go straight into a UTF-8
// buffer as they are added, strings that repeat down a column (code, document,
// case, attributes, speaker, coder) go once into the shared-string table, the
// rest are inline, and the parts are zipped by writeZip (native deflate,
// level 1). 50,000 segments take about a second where exceljs took 6-8 s,
// most of it rendering a style for every cell.

/** Excel refuses more than this in a cell. */
export const CELL_LIMIT = 32_767;
const TRUNCATED = ' …[truncated]';

// eslint-disable-next-line no-control-regex -- control characters are what needs escaping
const NEEDS_WORK = /[&<>\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]|_x[0-9a-fA-F]{4}_/;

/** A cell's text as XML character data: truncated to Excel's limit, invalid characters dropped, `_xHHHH_` kept literal. */
export function cellXml(value: string): string {
  const s = value.length > CELL_LIMIT ? `${value.slice(0, CELL_LIMIT - TRUNCATED.length)}${TRUNCATED}` : value;
  if (!NEEDS_WORK.test(s)) return s;
  // The common XML core (invalid characters dropped, as in every report), then Excel's own
  // escape: a literal "_x0041_" would be read back as "A", so its "_" is written as _x005F_.
  return xmlText(s, 'drop').replace(/_(x[0-9a-fA-F]{4}_)/g, '_x005F_$1');
}

/** `<t>` with xml:space="preserve" only when the text starts or ends with white space. */
function t(xml: string): string {
  const edge = xml.length > 0 && (xml.charCodeAt(0) <= 32 || xml.charCodeAt(xml.length - 1) <= 32);
  return edge ? `<t xml:space="preserve">${xml}</t>` : `<t>${xml}</t>`;
}

const letters: string[] = [];
/** 0 → "A", 26 → "AA". */
export function columnLetter(i: number): string {
  let s = letters[i];
  if (s === undefined) {
    s = '';
    for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    letters[i] = s;
  }
  return s;
}

export type CellValue = string | number | null | undefined;

export interface SheetOptions {
  widths?: number[];
  /** rows and columns kept in view while scrolling */
  freeze?: { rows: number; columns?: number };
  /** "#RRGGBB" */
  tabColour?: string;
  /** a filter on the first row over every row written */
  autoFilter?: boolean;
}

export class SheetWriter {
  private readonly xml = new ByteSink();
  private rows = 0;
  private columns = 0;
  private done: Uint8Array | null = null;

  constructor(
    readonly name: string,
    private readonly options: SheetOptions,
    private readonly shared: (s: string) => number,
  ) {
    const o = options;
    let head = `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`;
    if (o.tabColour && /^#[0-9a-f]{6}$/i.test(o.tabColour)) head += `<sheetPr><tabColor rgb="FF${o.tabColour.slice(1).toUpperCase()}"/></sheetPr>`;
    head += `<sheetViews><sheetView workbookViewId="0">${pane(o.freeze?.rows ?? 0, o.freeze?.columns ?? 0)}</sheetView></sheetViews>`;
    head += '<sheetFormatPr defaultRowHeight="15"/>';
    if (o.widths?.length) head += `<cols>${o.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`;
    this.xml.write(`${head}<sheetData>`);
  }

  /**
   * One row. Strings in the columns flagged in `repeats` go to the shared-string
   * table (one copy however many rows hold them); empty cells are left out.
   */
  addRow(values: readonly CellValue[], style: { bold?: boolean; repeats?: readonly boolean[] } = {}): void {
    if (this.done) throw new Error(`sheet "${this.name}" is already finished`);
    const r = ++this.rows;
    const s = style.bold ? ' s="1"' : '';
    let row = `<row r="${r}">`;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined || v === '') continue;
      const ref = `${columnLetter(i)}${r}`;
      if (typeof v === 'number') {
        if (Number.isFinite(v)) row += `<c r="${ref}"${s}><v>${v}</v></c>`;
      } else if (style.repeats?.[i]) row += `<c r="${ref}"${s} t="s"><v>${this.shared(v)}</v></c>`;
      else row += `<c r="${ref}"${s} t="inlineStr"><is>${t(cellXml(v))}</is></c>`;
    }
    this.xml.write(`${row}</row>`);
    if (values.length > this.columns) this.columns = values.length;
  }

  /** The finished sheet part; no rows can be added after this. */
  finish(): Uint8Array {
    if (!this.done) {
      let tail = '</sheetData>';
      const range = this.filterRange();
      if (range) tail += `<autoFilter ref="${range}"/>`;
      this.xml.write(`${tail}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
      this.done = this.xml.bytes();
    }
    return this.done;
  }

  /** "A1:W5001", or null without a filter. */
  filterRange(absolute = false): string | null {
    if (!this.options.autoFilter || this.columns === 0) return null;
    const d = absolute ? '$' : '';
    return `${d}A${d}1:${d}${columnLetter(this.columns - 1)}${d}${Math.max(1, this.rows)}`;
  }
}

function pane(rows: number, columns: number): string {
  if (rows <= 0 && columns <= 0) return '';
  const topLeft = `${columnLetter(Math.max(0, columns))}${Math.max(0, rows) + 1}`;
  const active = rows > 0 && columns > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const split = `${columns > 0 ? ` xSplit="${columns}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}`;
  return `<pane${split} topLeftCell="${topLeft}" activePane="${active}" state="frozen"/><selection pane="${active}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
}

/** A workbook whose sheets are written row by row; `bytes()` packs the .xlsx file. */
export class WorkbookWriter {
  private readonly sheets: SheetWriter[] = [];
  private readonly strings = new Map<string, number>();
  private readonly sst = new ByteSink();
  private references = 0;

  constructor(private readonly created: Date = new Date()) {}

  /** `name` must already be a valid, unique sheet name (see sheetName). */
  addSheet(name: string, options: SheetOptions = {}): SheetWriter {
    const sheet = new SheetWriter(name, options, (s) => this.share(s));
    this.sheets.push(sheet);
    return sheet;
  }

  private share(s: string): number {
    this.references++;
    let i = this.strings.get(s);
    if (i === undefined) {
      i = this.strings.size;
      this.strings.set(s, i);
      this.sst.write(`<si>${t(cellXml(s))}</si>`);
    }
    return i;
  }

  /** The .xlsx file; [Content_Types].xml first, as some readers expect. */
  bytes(): Uint8Array {
    const sheets = this.sheets.map((s) => s.finish());
    const filters = this.sheets.map((s, i) => ({ sheet: i, range: s.filterRange(true) }));
    const files: Record<string, Uint8Array> = {};
    for (const [path, xml] of Object.entries(
      packageParts(
        this.sheets.map((s) => s.name),
        filters,
        this.created,
      ),
    ))
      files[path] = Buffer.from(xml, 'utf8');
    const head = `${XML_HEAD}<sst xmlns="${MAIN}" count="${this.references}" uniqueCount="${this.strings.size}">`;
    files['xl/sharedStrings.xml'] = Buffer.concat([Buffer.from(head), this.sst.bytes(), Buffer.from('</sst>')]);
    sheets.forEach((bytes, i) => {
      files[`xl/worksheets/sheet${i + 1}.xml`] = bytes;
    });
    return writeZip(files);
  }
}

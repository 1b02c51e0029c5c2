import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { codeFrequencies, segmentHeader, segmentRow, type SegmentReport } from './report-model';
import type { NumberTable } from './tables';
import { xmlSafe } from './text';

// Excel workbooks through exceljs's streaming writer: rows are written as they are
// added, so 50,000 segments stay within seconds and modest memory. Strings are
// written inline (no shared-string table), which is what makes the writer fast.

/** Excel refuses more than this in a cell. */
export const CELL_LIMIT = 32_767;
const TRUNCATED = ' …[truncated]';

/** A sheet name Excel accepts: ≤ 31 characters, none of []:*?/\, not quoted, unique ignoring case. */
export function sheetName(wanted: string, taken: Set<string>): string {
  let base = xmlSafe(wanted).replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  if (!base || base.toLowerCase() === 'history') base = 'Sheet';
  base = base.slice(0, 31).trim();
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${base.slice(0, 31 - suffix.length).trim()}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

function cellValue(v: string | number): string | number {
  if (typeof v === 'number') return v;
  const s = xmlSafe(v);
  return s.length > CELL_LIMIT ? `${s.slice(0, CELL_LIMIT - TRUNCATED.length)}${TRUNCATED}` : s;
}

async function writeWorkbook(build: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => void): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'Fieldcode';
  build(wb);
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

const BOLD = { bold: true } as const;

function addBoldRow(ws: ExcelJS.Worksheet, values: (string | number)[]): void {
  const row = ws.addRow(values.map(cellValue));
  row.font = BOLD;
  row.commit();
}

function columnWidth(name: string): number {
  if (name === 'text') return 70;
  if (name === 'code' || name === 'document' || name === 'memo' || name.startsWith('context')) return 32;
  if (name === 'segment id') return 38;
  if (name === 'start' || name === 'end') return 9;
  return Math.min(24, Math.max(10, name.length + 2));
}

function topLevelOf(r: SegmentReport): (codeId: string) => string {
  const parent = new Map(r.codes.map((c) => [c.id, c.parentId]));
  return (id) => {
    let c = id;
    for (let up = parent.get(c); up; up = parent.get(c)) c = up;
    return c;
  };
}

export function segmentsXlsx(r: SegmentReport): Promise<Uint8Array> {
  return writeWorkbook((wb) => {
    const taken = new Set<string>();
    const summary = wb.addWorksheet(sheetName('Summary', taken));
    summary.columns = [{ width: 48 }, { width: 12 }, { width: 15 }, { width: 12 }, { width: 10 }];
    addBoldRow(summary, [r.title]);
    for (const [k, v] of [['Project', r.project], ['Made', r.generatedAt.slice(0, 16).replace('T', ' ')], ['Segments', r.segments.length]] as const) {
      summary.addRow([k, cellValue(v)]).commit();
    }
    summary.addRow([]).commit();
    for (const f of r.filters) summary.addRow([cellValue(f)]).commit();
    summary.addRow([]).commit();
    addBoldRow(summary, ['code', 'segments', 'with sub-codes', 'documents', 'cases']);
    for (const f of codeFrequencies(r)) summary.addRow([cellValue(f.code.path), f.own, f.total, f.documents, f.cases]).commit();
    summary.commit();

    const header = segmentHeader(r);
    const top = topLevelOf(r);
    const byTop = new Map<string, typeof r.segments>();
    for (const s of r.segments) {
      const t = top(s.codeId);
      const list = byTop.get(t);
      if (list) list.push(s);
      else byTop.set(t, [s]);
    }
    for (const code of r.codes) {
      const list = byTop.get(code.id);
      if (!list) continue;
      const ws = wb.addWorksheet(sheetName(code.name, taken), { views: [{ state: 'frozen', ySplit: 1 }], properties: { tabColor: { argb: `FF${code.colour.slice(1)}` } } });
      ws.columns = header.map((h) => ({ width: columnWidth(h) }));
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
      addBoldRow(ws, header);
      for (const s of list) ws.addRow(segmentRow(r, s).map(cellValue)).commit();
      ws.commit();
    }
  });
}

export function tableXlsx(t: NumberTable): Promise<Uint8Array> {
  return writeWorkbook((wb) => {
    const ws = wb.addWorksheet(sheetName(t.title, new Set()), { views: [{ state: 'frozen', ySplit: 4, xSplit: t.labelColumns }] });
    ws.columns = t.header.map((h, i) => ({ width: i < t.labelColumns ? 44 : Math.max(10, Math.min(24, h.length + 2)) }));
    addBoldRow(ws, [t.title]);
    ws.addRow([cellValue(`${t.project} · ${t.note}`)]).commit();
    ws.addRow([]).commit();
    addBoldRow(ws, t.header);
    for (const r of t.rows) {
      const row = ws.addRow(r.cells.map(cellValue));
      if (r.total) row.font = BOLD;
      row.commit();
    }
    ws.commit();
  });
}

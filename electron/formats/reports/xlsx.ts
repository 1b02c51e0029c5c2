import { codeFrequencies, segmentHeader, segmentRepeats, segmentRow, type SegmentReport } from './report-model';
import type { NumberTable } from './tables';
import { xmlSafe } from './text';
import { WorkbookWriter } from './xlsx-writer';

// Excel workbooks: the coded-segment report (a summary sheet, one sheet per
// top-level code with a frozen, filterable header row and set column widths) and
// the number tables (matrices, cross-tabs). Written by xlsx-writer row by row.

export { CELL_LIMIT } from './xlsx-writer';

/** A sheet name Excel accepts: ≤ 31 characters, none of []:*?/\, not quoted, unique ignoring case. */
export function sheetName(wanted: string, taken: Set<string>): string {
  let base = xmlSafe(wanted)
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
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

function columnWidth(name: string): number {
  if (name === 'text') return 70;
  if (name === 'code' || name === 'document' || name === 'memo' || name.startsWith('context')) return 32;
  if (name === 'segment id') return 38;
  if (name === 'start' || name === 'end') return 9;
  return Math.min(24, Math.max(10, name.length + 2));
}

function topLevelOf(r: SegmentReport): (codeId: string) => string {
  const parent = new Map(r.codes.map((c) => [c.id, c.parentId]));
  const top = new Map<string, string>();
  return (id) => {
    let found = top.get(id);
    if (found === undefined) {
      found = id;
      for (let up = parent.get(found); up; up = parent.get(found)) found = up;
      top.set(id, found);
    }
    return found;
  };
}

const BOLD = { bold: true } as const;

export function segmentsXlsx(r: SegmentReport): Promise<Uint8Array> {
  const wb = new WorkbookWriter();
  const taken = new Set<string>();
  const summary = wb.addSheet(sheetName('Summary', taken), { widths: [48, 12, 15, 12, 10] });
  summary.addRow([r.title], BOLD);
  summary.addRow(['Project', r.project]);
  summary.addRow(['Made', r.generatedAt.slice(0, 16).replace('T', ' ')]);
  summary.addRow(['Segments', r.segments.length]);
  summary.addRow([]);
  for (const f of r.filters) summary.addRow([f]);
  summary.addRow([]);
  summary.addRow(['code', 'segments', 'with sub-codes', 'documents', 'cases'], BOLD);
  for (const f of codeFrequencies(r)) summary.addRow([f.code.path, f.own, f.total, f.documents, f.cases]);

  const header = segmentHeader(r);
  const style = { repeats: segmentRepeats(r) };
  const top = topLevelOf(r);
  const byTop = new Map<string, SegmentReport['segments']>();
  for (const s of r.segments) {
    const t = top(s.codeId);
    const list = byTop.get(t);
    if (list) list.push(s);
    else byTop.set(t, [s]);
  }
  for (const code of r.codes) {
    const list = byTop.get(code.id);
    if (!list) continue;
    const ws = wb.addSheet(sheetName(code.name, taken), { widths: header.map(columnWidth), freeze: { rows: 1 }, tabColour: code.colour, autoFilter: true });
    ws.addRow(header, BOLD);
    for (const s of list) ws.addRow(segmentRow(r, s), style);
  }
  return Promise.resolve(wb.bytes());
}

export function tableXlsx(t: NumberTable): Promise<Uint8Array> {
  const wb = new WorkbookWriter();
  const widths = t.header.map((h, i) => (i < t.labelColumns ? 44 : Math.max(10, Math.min(24, h.length + 2))));
  const ws = wb.addSheet(sheetName(t.title, new Set()), { widths, freeze: { rows: 4, columns: t.labelColumns } });
  ws.addRow([t.title], BOLD);
  ws.addRow([`${t.project} · ${t.note}`]);
  ws.addRow([]);
  ws.addRow(t.header, BOLD);
  for (const row of t.rows) ws.addRow(row.cells, row.total ? BOLD : {});
  return Promise.resolve(wb.bytes());
}

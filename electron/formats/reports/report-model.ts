import type { CodedSegment } from '../../../shared/api';
import type { BarChartSpec } from './charts';
import { formatTime } from './text';

// The coded-segment report as every format sees it: built once by the reports
// service, written by csv/xlsx/docx/html/markdown. Exporters never touch the store.

export interface ReportCode {
  id: string;
  parentId: string | null;
  name: string;
  path: string;
  depth: number;
  colour: string;
}

export interface SegmentReport {
  title: string;
  project: string;
  /** ISO time the report was made */
  generatedAt: string;
  /** the filter in words, one condition per line */
  filters: string[];
  /** case attribute names, in the project's order: one column each */
  attributes: string[];
  /** every code in tree order */
  codes: ReportCode[];
  /** in code tree order, then document, then position */
  segments: CodedSegment[];
  /** code frequencies by group, for HTML */
  chart: BarChartSpec | null;
}

export const SEGMENT_COLUMNS_BEFORE = ['code', 'text', 'context before', 'context after', 'document', 'document kind', 'case'];
export const SEGMENT_COLUMNS_AFTER = ['speaker', 'role', 'time start', 'time end', 'coder', 'memo', 'start', 'end', 'segment id'];

/** Header of the segment table (CSV, XLSX): the case's attributes sit after "case". */
export function segmentHeader(r: SegmentReport): string[] {
  return [...SEGMENT_COLUMNS_BEFORE, ...r.attributes, ...SEGMENT_COLUMNS_AFTER];
}

const UNIQUE_COLUMNS = new Set(['text', 'context before', 'context after', 'memo', 'start', 'end', 'segment id']);

/**
 * For each column of the segment table, whether its values repeat down the rows
 * (code, document, kind, case, attributes, speaker, times, coder): writers store
 * or escape each such value once.
 */
export function segmentRepeats(r: SegmentReport): boolean[] {
  const repeats = (c: string) => !UNIQUE_COLUMNS.has(c);
  return [...SEGMENT_COLUMNS_BEFORE.map(repeats), ...r.attributes.map(() => true), ...SEGMENT_COLUMNS_AFTER.map(repeats)];
}

/** One row of the segment table. Offsets are UTF-16 code units, as stored. */
export function segmentRow(r: SegmentReport, s: CodedSegment): (string | number)[] {
  return [
    s.code,
    s.text,
    s.before,
    s.after,
    s.document,
    s.kind,
    s.caseName ?? '',
    ...r.attributes.map((a) => s.attributes[a] ?? ''),
    s.speaker ?? '',
    s.role ?? '',
    formatTime(s.timeStart),
    formatTime(s.timeEnd),
    s.coder,
    s.memo,
    s.start,
    s.end,
    s.id,
  ];
}

/** Codes to show as headings: those with segments and their ancestors, in tree order. */
export function codesWithSegments(r: SegmentReport): { code: ReportCode; segments: CodedSegment[] }[] {
  const byCode = new Map<string, CodedSegment[]>();
  for (const s of r.segments) {
    const list = byCode.get(s.codeId);
    if (list) list.push(s);
    else byCode.set(s.codeId, [s]);
  }
  const parent = new Map(r.codes.map((c) => [c.id, c.parentId]));
  const shown = new Set<string>();
  for (const id of byCode.keys()) {
    for (let c: string | null | undefined = id; c && !shown.has(c); c = parent.get(c)) shown.add(c);
  }
  return r.codes.filter((c) => shown.has(c.id)).map((code) => ({ code, segments: byCode.get(code.id) ?? [] }));
}

/** Segments per code: own, and with the code's descendants. */
export function codeFrequencies(r: SegmentReport): { code: ReportCode; own: number; total: number; documents: number; cases: number }[] {
  const parent = new Map(r.codes.map((c) => [c.id, c.parentId]));
  const own = new Map<string, number>();
  const total = new Map<string, number>();
  const docs = new Map<string, Set<string>>();
  const cases = new Map<string, Set<string>>();
  for (const s of r.segments) {
    own.set(s.codeId, (own.get(s.codeId) ?? 0) + 1);
    for (let c: string | null | undefined = s.codeId; c; c = parent.get(c)) {
      total.set(c, (total.get(c) ?? 0) + 1);
      (docs.get(c) ?? docs.set(c, new Set()).get(c)!).add(s.documentId);
      if (s.caseName) (cases.get(c) ?? cases.set(c, new Set()).get(c)!).add(s.caseName);
    }
  }
  return r.codes
    .filter((c) => total.has(c.id))
    .map((code) => ({
      code,
      own: own.get(code.id) ?? 0,
      total: total.get(code.id)!,
      documents: docs.get(code.id)!.size,
      cases: cases.get(code.id)?.size ?? 0,
    }));
}

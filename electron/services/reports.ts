import type { SegmentFormat } from '../../shared/api/reports';
import type { Code } from '../../shared/types';
import type { BarChartSpec } from '../exporters/charts';
import { segmentsCsv } from '../exporters/csv';
import { segmentsDocx } from '../exporters/docx';
import { segmentsHtml } from '../exporters/html';
import { segmentsMarkdown } from '../exporters/markdown';
import { codeFrequencies, type ReportCode, type SegmentReport } from '../exporters/report-model';
import { safeFileStem } from '../exporters/text';
import { segmentsXlsx } from '../exporters/xlsx';
import { listAttributes, listCases } from '../store/cases';
import { listCodes } from '../store/codes';
import type { Project } from '../store/db';
import { buildMatrix, caseMatches, matrixChart, selectedCodes } from './matrix';
import { projectRow } from './project';
import { checkFilter, describeFilter, resolveAttributes } from './reports-filter';
import { MIME, utf8, writeOutput, type Rendered } from './reports-output';
import { collectSegments, type CodedSegment, type RetrievalFilter } from './retrieval';

// The coded-segment report: the rows of codedSegments (filtered by codes, case
// attributes, document kinds, speakers, coders), ordered by the code tree, written
// to CSV, XLSX, DOCX, HTML or Markdown.

export interface SegmentReportOptions {
  title?: string;
  /** case attributes whose value combinations group the HTML chart, e.g. ["continent", "phase"] */
  groupBy?: string[];
  /** fixed for tests whose output is compared */
  generatedAt?: string;
  /** compute the frequency chart (only HTML shows it; default true) */
  chart?: boolean;
}

function frequencyChart(p: Project, r: Omit<SegmentReport, 'chart'>, f: RetrievalFilter, groupBy: string[], codes: Code[]): BarChartSpec | null {
  const chosen = f.codeIds?.length ? selectedCodes(codes, { codeIds: f.codeIds }) : codes.filter((c) => c.parentId === null);
  const chosenIds = new Set(chosen.map((c) => c.id));
  if (groupBy.length === 0) {
    const freq = codeFrequencies({ ...r, chart: null }).filter((x) => chosenIds.has(x.code.id));
    if (freq.length === 0) return null;
    return { title: 'Coded segments by code (sub-codes included)', categories: freq.map((x) => x.code.path), series: [{ label: 'segments', values: freq.map((x) => x.total) }] };
  }
  const attributes = resolveAttributes(p, groupBy);
  const cases = listCases(p).filter((c) => caseMatches(c, f.where));
  const m = buildMatrix({ codes, cases, segments: r.segments, attributes, count: 'segments', aggregate: true, caseless: true });
  const rows = m.rows.filter((row) => chosenIds.has(row.codeId) && row.total > 0);
  if (rows.length === 0) return null;
  return matrixChart({ ...m, rows }, `Coded segments by ${attributes.join(' × ')} (sub-codes included)`);
}

/**
 * Context cut at a fixed number of UTF-16 units can split an emoji's surrogate
 * pair; the half would be written as a replacement character, so it is dropped.
 */
export function wholeCharacters(before: string, after: string): { before: string; after: string } {
  const low = before.charCodeAt(0);
  const high = after.charCodeAt(after.length - 1);
  return { before: low >= 0xdc00 && low <= 0xdfff ? before.slice(1) : before, after: high >= 0xd800 && high <= 0xdbff ? after.slice(0, -1) : after };
}

/** Ranks of names in the researcher's alphabetical order (ties by id), computed once: localeCompare inside a 50,000-row sort costs more than the retrieval. */
function alphabetical(names: Map<string, string>): Map<string, number> {
  const ids = [...names.keys()].sort((a, b) => names.get(a)!.localeCompare(names.get(b)!) || (a < b ? -1 : a > b ? 1 : 0));
  return new Map(ids.map((id, i) => [id, i]));
}

/** In code tree order, then document name, then position, then coder. */
function reportOrder(rows: CodedSegment[], codeOrder: Map<string, number>): CodedSegment[] {
  const docs = alphabetical(new Map(rows.map((s) => [s.documentId, s.document])));
  const coders = alphabetical(new Map(rows.map((s) => [s.coderId, s.coder])));
  const keyed = rows.map((s) => ({ s, key: codeOrder.get(s.codeId)! * docs.size + docs.get(s.documentId)!, coder: coders.get(s.coderId)! }));
  keyed.sort((a, b) => a.key - b.key || a.s.start - b.s.start || a.s.end - b.s.end || a.coder - b.coder);
  return keyed.map((x) => x.s);
}

export function segmentReport(p: Project, filter: RetrievalFilter = {}, opts: SegmentReportOptions = {}): SegmentReport {
  const f = checkFilter(p, filter);
  const tree = listCodes(p);
  const codes: ReportCode[] = tree.map((c) => ({ id: c.id, parentId: c.parentId, name: c.name, path: c.path, depth: c.path.split('/').length - 1, colour: c.colour }));
  const rows = collectSegments(p, f, tree);
  if (f.context) for (const s of rows) Object.assign(s, wholeCharacters(s.before, s.after));
  const segments = reportOrder(rows, new Map(codes.map((c, i) => [c.id, i])));
  const project = projectRow(p).name;
  const base = {
    title: opts.title?.trim() || `Coded segments — ${project}`,
    project,
    generatedAt: opts.generatedAt ?? new Date().toISOString(),
    filters: describeFilter(p, f),
    attributes: listAttributes(p).map((a) => a.name),
    codes,
    segments,
  };
  return { ...base, chart: opts.chart === false ? null : frequencyChart(p, base, f, opts.groupBy ?? [], tree) };
}

async function encode(r: SegmentReport, format: SegmentFormat): Promise<Uint8Array> {
  switch (format) {
    case 'csv':
      return utf8(segmentsCsv(r));
    case 'xlsx':
      return segmentsXlsx(r);
    case 'docx':
      return segmentsDocx(r);
    case 'html':
      return utf8(segmentsHtml(r));
    case 'md':
      return utf8(segmentsMarkdown(r));
  }
}

/** The report in one format, as bytes with a file name. */
export async function renderSegments(p: Project, filter: RetrievalFilter, format: SegmentFormat, opts: SegmentReportOptions = {}): Promise<Rendered> {
  const r = segmentReport(p, filter, { ...opts, chart: format === 'html' });
  return { data: await encode(r, format), fileName: `${safeFileStem(r.title)}.${format}`, mime: MIME[format], rows: r.segments.length };
}

/** Writes the coded-segment report to `outPath` (the benchmark's entry point). */
export async function exportSegments(
  p: Project,
  filter: RetrievalFilter,
  format: SegmentFormat,
  outPath: string,
  opts: SegmentReportOptions = {},
): Promise<{ rows: number; bytes: number }> {
  const r = await renderSegments(p, filter, format, opts);
  return { rows: r.rows, bytes: writeOutput(outPath, r.data) };
}

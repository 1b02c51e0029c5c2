import type { SegmentFormat } from '../../shared/api/reports';
import type { BarChartSpec } from '../formats/reports/charts';
import { segmentsCsv } from '../formats/reports/csv';
import { segmentsHtml } from '../formats/reports/html';
import { segmentsMarkdown } from '../formats/reports/markdown';
import { codeFrequencies, type SegmentReport } from '../formats/reports/report-model';
import { safeFileStem } from '../formats/reports/text';
import { segmentsXlsx } from '../formats/reports/xlsx';
import { listAttributes, listCases } from '../store/cases';
import { listCodes } from '../store/codes';
import type { Project } from '../store/db';
import { buildMatrix, caseMatches, matrixChart, selectedCodes } from './matrix';
import { projectRow } from '../project/project';
import { checkFilter, describeFilter, resolveAttributes } from './filter';
import { MIME, utf8, writeOutput, type Rendered } from './output';
import { reportCodes, reportOrder, wholeCharacters } from './order';
import { collectSegments, type RetrievalFilter } from './retrieval';

export { wholeCharacters };

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

function frequencyChart(p: Project, r: Omit<SegmentReport, 'chart'>, f: RetrievalFilter, groupBy: string[]): BarChartSpec | null {
  const codes = listCodes(p);
  const chosen = f.codeIds?.length ? selectedCodes(codes, { codeIds: f.codeIds }) : codes.filter((c) => c.parentId === null);
  const chosenIds = new Set(chosen.map((c) => c.id));
  if (groupBy.length === 0) {
    const freq = codeFrequencies({ ...r, chart: null }).filter((x) => chosenIds.has(x.code.id));
    if (freq.length === 0) return null;
    return {
      title: 'Coded segments by code (sub-codes included)',
      categories: freq.map((x) => x.code.path),
      series: [{ label: 'segments', values: freq.map((x) => x.total) }],
    };
  }
  const attributes = resolveAttributes(p, groupBy);
  const cases = listCases(p).filter((c) => caseMatches(c, f.where));
  const m = buildMatrix({ codes, cases, segments: r.segments, attributes, count: 'segments', aggregate: true, caseless: true });
  const rows = m.rows.filter((row) => chosenIds.has(row.codeId) && row.total > 0);
  if (rows.length === 0) return null;
  return matrixChart({ ...m, rows }, `Coded segments by ${attributes.join(' × ')} (sub-codes included)`);
}

export function segmentReport(p: Project, filter: RetrievalFilter = {}, opts: SegmentReportOptions = {}): SegmentReport {
  const f = checkFilter(p, filter);
  const codes = reportCodes(p);
  const rows = collectSegments(p, f, codes);
  if (f.context) for (const s of rows) Object.assign(s, wholeCharacters(s.before, s.after));
  const segments = reportOrder(rows, codes);
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
  return { ...base, chart: opts.chart === false ? null : frequencyChart(p, base, f, opts.groupBy ?? []) };
}

async function encode(r: SegmentReport, format: SegmentFormat): Promise<Uint8Array> {
  switch (format) {
    case 'csv':
      return segmentsCsv(r);
    case 'xlsx':
      return segmentsXlsx(r);
    case 'docx':
      // docx (~14 MB resident) is loaded only when a Word report is asked for.
      return (await import('../formats/reports/docx')).segmentsDocx(r);
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

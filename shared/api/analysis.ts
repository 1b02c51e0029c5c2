import { z } from 'zod';
import type { ExportedFile } from './reports';
import { id, returns, text } from './method';
import { operation } from './operations';

// Analysis: from coded segments to the study's own outputs — the framework matrix
// with its cell summaries, case-study drafts from a template, group summaries with
// a code × group comparison, and the partner-school pair analysis.

export const SUMMARY_ROW_KINDS = ['case', 'document', 'group'] as const;
export const SUMMARY_COLUMN_KINDS = ['code', 'section', 'memo'] as const;
export type SummaryRowKind = (typeof SUMMARY_ROW_KINDS)[number];
export type SummaryColumnKind = (typeof SUMMARY_COLUMN_KINDS)[number];

export interface SummaryCell {
  rowKind: SummaryRowKind;
  /** a case or document id, or a group key such as "continent=Africa;phase=primary" */
  rowKey: string;
  columnKind: SummaryColumnKind;
  /** a code id, or a template section id (a section's summary or its memo) */
  columnKey: string;
}

export interface Summary extends SummaryCell {
  id: string;
  body: string;
  coder: string;
  updatedAt: string;
}

export interface TemplateSection {
  id: string;
  title: string;
  description: string;
  /** each code counts with its sub-codes */
  codeIds: string[];
}

export interface CaseStudyTemplate {
  id: string;
  name: string;
  sections: TemplateSection[];
  /** the built-in default, not yet saved in the project */
  builtIn: boolean;
}

export interface CaseRef {
  id: string;
  name: string;
}

export interface Pair {
  id: string;
  a: CaseRef;
  b: CaseRef;
}

export interface PairImportReport {
  file: string;
  imported: number;
  unchanged: number;
  /** one line per refused row: "row 7: no case named …" */
  refused: string[];
}

export interface MatrixColumn {
  key: string;
  kind: 'code' | 'section';
  label: string;
  codeIds: string[];
}

export interface MatrixRow {
  key: string;
  label: string;
  /** the row group, e.g. "Africa · primary" (empty when not grouped) */
  group: string;
  attributes: Record<string, string>;
  segments: number[];
  summaries: (Summary[] | null)[];
}

export interface FrameworkMatrix {
  rowKind: 'case' | 'document';
  columns: MatrixColumn[];
  rows: MatrixRow[];
}

export type Presence = 'both' | 'north' | 'south' | 'none';

export interface PairMatrix {
  north: { attribute: string; value: string };
  codes: { id: string; path: string }[];
  pairs: {
    id: string;
    north: CaseRef;
    south: CaseRef;
    attributes: Record<string, string>;
    presence: Presence[];
    northSegments: number[];
    southSegments: number[];
  }[];
  /** per code: how many pairs fall in each presence */
  totals: Record<Presence, number>[];
  /** pairs whose sides could not be told apart (both or neither match --north) */
  unsided: string[];
}

export interface Quotation {
  segmentId: string;
  documentId: string;
  document: string;
  speaker: string | null;
  start: number;
  end: number;
  text: string;
  caseName: string | null;
  anchor: boolean;
}

export interface CaseStudySection {
  id: string;
  title: string;
  description: string;
  segments: number;
  summary: string;
  memo: string;
  codes: { id: string; path: string; segments: number; quotations: Quotation[]; leftOut: number }[];
}

export interface CaseStudy {
  caseId: string;
  title: string;
  template: string;
  /** attribute, value; then documents; then the partner school named by the pair, if any */
  background: [string, string][];
  partner: string | null;
  sections: CaseStudySection[];
}

export interface GroupCode {
  id: string;
  path: string;
  cases: number;
  segments: number;
  exemplars: Quotation[];
  summary: string;
}

export interface GroupSummary {
  key: string;
  group: Record<string, string>;
  label: string;
  cases: number;
  codes: GroupCode[];
  summary: string;
}

const cell = { rowKind: z.enum(SUMMARY_ROW_KINDS), rowKey: text(2000).min(1), columnKind: z.enum(SUMMARY_COLUMN_KINDS), columnKey: text(200) };
const where = z.record(z.string(), z.array(text(500))).optional();
const columns = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('branch'), codeId: id }),
  z.object({ kind: z.literal('list'), codeIds: z.array(id).min(1).max(500) }),
  z.object({ kind: z.literal('sections'), templateId: id.optional() }),
]);
const pairSpec = z.object({
  codeIds: z.array(id).max(2000).optional(),
  descendants: z.boolean().optional(),
  north: z.object({ attribute: text(200), value: text(500) }).optional(),
  where,
});
const section = z.object({ id: id, title: text(500).min(1), description: text(5000), codeIds: z.array(id).max(2000) });

export const ANALYSIS_FORMATS = ['docx', 'xlsx', 'md'] as const;

export const analysisApi = {
  'analysis.summaries': returns<Summary[]>()(z.object({ search: text(500).optional() })),
  /** one undo step; an empty body deletes the cell's summary */
  'analysis.saveSummary': returns<Summary | null>()(z.object({ ...cell, body: text(1_000_000) })),
  'analysis.matrix': returns<FrameworkMatrix>()(
    z.object({ rows: z.enum(['case', 'document']), columns, where, groupBy: z.array(text(200)).max(2).optional(), descendants: z.boolean().optional() }),
  ),
  'analysis.cellQuotations': returns<Quotation[]>()(
    z.object({ rowKind: z.enum(['case', 'document']), rowKey: id, codeIds: z.array(id).max(2000), descendants: z.boolean().optional() }),
  ),
  'analysis.pairs': returns<Pair[]>()(z.object({})),
  /** pairs a case with its partner (null: no partner) */
  'analysis.setPair': returns<Pair[]>()(z.object({ caseId: id, partnerId: id.nullable() })),
  'analysis.importPairs': returns<PairImportReport>()(z.object({ name: text(1000).min(1), data: z.string().max(50_000_000) })),
  'analysis.pairMatrix': returns<PairMatrix>()(pairSpec),
  'analysis.templates': returns<CaseStudyTemplate[]>()(z.object({})),
  'analysis.saveTemplate': returns<CaseStudyTemplate>()(z.object({ id: id.optional(), name: text(200).min(1), sections: z.array(section).min(1).max(100) })),
  /** one undo step; returns the templates left (deleting the saved default brings back the built-in one) */
  'analysis.deleteTemplate': returns<CaseStudyTemplate[]>()(z.object({ id: id })),
  /** the built-in six sections mapped to this project's codebook, even when the default was edited */
  'analysis.defaultTemplate': returns<CaseStudyTemplate>()(z.object({})),
  /** the template that drives the app's drafts and matrix sections, kept in the project (null: the default) */
  'analysis.chosenTemplate': returns<string | null>()(z.object({})),
  'analysis.chooseTemplate': returns<string | null>()(z.object({ id: id.nullable() })),
  'analysis.caseStudy': returns<CaseStudy>()(
    z.object({ caseId: id, templateId: id.optional(), quotationsPerCode: z.number().int().min(0).max(1000).optional() }),
  ),
  'analysis.groups': returns<GroupSummary[]>()(
    z.object({ by: z.array(text(200)).min(1).max(2), codeIds: z.array(id).max(2000).optional(), descendants: z.boolean().optional() }),
  ),
  'analysis.export': returns<ExportedFile>()(
    z.object({
      /** caseStudies: the drafts of many cases (`caseIds`, or every case), one file each, in one ZIP */
      what: z.enum(['matrix', 'pairMatrix', 'caseStudy', 'caseStudies', 'groups']),
      format: z.enum(ANALYSIS_FORMATS),
      path: text(4000).optional(),
      overwrite: z.boolean().optional(),
      operation: operation.optional(),
      caseId: id.optional(),
      caseIds: z.array(id).max(10_000).optional(),
      templateId: id.optional(),
      by: z.array(text(200)).max(2).optional(),
      /** the pair matrix as shown (codes, pair filter); all codes when absent */
      pairMatrix: pairSpec.optional(),
      matrix: z
        .object({ rows: z.enum(['case', 'document']), columns, where, groupBy: z.array(text(200)).max(2).optional(), descendants: z.boolean().optional() })
        .optional(),
    }),
  ),
};

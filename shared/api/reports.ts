import { z } from 'zod';
import type { ProjectInfo } from '../types';
import { retrievalFilter } from './coding';
import { returns, text } from './method';
import { operation } from './operations';
import {
  COOCCURRENCE_UNITS,
  MATRIX_COUNTS,
  REFI_TARGETS,
  SEGMENT_FORMATS,
  TABLE_FORMATS,
  type CooccurrenceUnit,
  type MatrixCount,
  type RefiTarget,
  type SegmentFormat,
  type TableFormat,
} from './choices';

// Coded-segment reports, matrices, cross-tabs, co-occurrence, codebook export and
// REFI-QDA exchange. Exports either write to `path` (Electron's save dialog, the
// CLI) or, without a path, return the bytes as base64 so browser mode can download.

export { COOCCURRENCE_UNITS, MATRIX_COUNTS, REFI_TARGETS, SEGMENT_FORMATS, TABLE_FORMATS };
export type { RefiTarget };
export type { CooccurrenceUnit, MatrixCount, SegmentFormat, TableFormat };

export const CODEBOOK_FORMATS = ['docx', 'csv', 'qdc'] as const;
export type CodebookFormat = (typeof CODEBOOK_FORMATS)[number];

export interface ExportedFile {
  fileName: string;
  /** where the file was written, or null when the bytes travel back in `data` */
  path: string | null;
  /** base64 of the file when no path was given */
  data: string | null;
  mime: string;
  bytes: number;
  /** segments, table rows or codes written */
  rows: number;
}

/** One column of a matrix: a combination of case attribute values, e.g. continent × phase = "UK-primary". */
export interface GroupColumn {
  key: string;
  label: string;
  /** attribute name → value ("(not set)" where a case lacks it) */
  values: Record<string, string>;
  /** cases in the group (the denominator of percentages) */
  cases: number;
}

export interface MatrixRow {
  codeId: string;
  path: string;
  name: string;
  depth: number;
  colour: string;
  cells: number[];
  total: number;
}

export interface CodeMatrix {
  attributes: string[];
  count: MatrixCount;
  /** parent rows include their descendants' coding */
  aggregate: boolean;
  columns: GroupColumn[];
  rows: MatrixRow[];
  /** cases in all columns together */
  cases: number;
}

/** A case cross-tab (e.g. the report's Table 1): counts of cases. */
export interface Crosstab {
  columns: string[];
  rows: { row: string; cells: Record<string, number>; total: number }[];
  /** per column, and "total" */
  totals: Record<string, number>;
}

export interface Cooccurrence {
  unit: CooccurrenceUnit;
  codes: { id: string; path: string; colour: string }[];
  /** symmetric; the diagonal holds each code's own segments (overlap) or turns (turn) */
  counts: number[][];
}

export interface CodeCoderTable {
  coders: { id: string; name: string }[];
  rows: { codeId: string; path: string; depth: number; cells: number[]; total: number }[];
  totals: number[];
}

export interface RefiImportReport {
  project: ProjectInfo;
  counts: { documents: number; codes: number; segments: number; cases: number; coders: number; memos: number };
  /** how the file was read where tools differ (position counting, descriptions kept as memos …) */
  converted: string[];
  /** names that had to change ("code "A/B" → "A∕B"") */
  renamed: string[];
  /** things the file held that Fieldcode could not keep (e.g. picture sources) */
  skipped: string[];
}

/** The tool a .qdpx is written for: the REFI-QDA standard, or QualCoder's reading of it. */

export interface RefiExportReport extends ExportedFile {
  /** codes renamed for the target tool: "Students/Knowledge/global issues → global issues (Students › Knowledge)" */
  renamed: string[];
  /** what else was written the target tool's way, in words */
  adapted: string[];
}

export interface CodebookImportReport {
  added: number;
  updated: number;
  unchanged: number;
}

// overwrite: replace an existing file (the user said so); without it such a path is refused.
/** Where an export goes, and the caller's id for following and cancelling it. */
const destination = { path: text(4096).min(1).optional(), overwrite: z.boolean().optional(), operation: operation.optional() };
const attributeList = z.array(text(200).min(1)).min(1).max(4);
const filter = retrievalFilter.default({});
const incomingFile = z.object({ name: text(1000).min(1), data: z.string().max(800_000_000) });

const matrixInput = {
  columns: attributeList,
  count: z.enum(MATRIX_COUNTS).default('segments'),
  aggregate: z.boolean().default(true),
  filter,
};

export const reportsApi = {
  'reports.exportSegments': returns<ExportedFile>()(
    z.object({ format: z.enum(SEGMENT_FORMATS), filter, groupBy: z.array(text(200).min(1)).max(4).default([]), title: text(300).optional(), ...destination }),
  ),
  'reports.matrix': returns<CodeMatrix>()(z.object(matrixInput)),
  'reports.exportMatrix': returns<ExportedFile>()(z.object({ ...matrixInput, format: z.enum(TABLE_FORMATS), ...destination })),
  'reports.crosstab': returns<Crosstab>()(z.object({ rows: attributeList, cols: attributeList })),
  'reports.exportCrosstab': returns<ExportedFile>()(z.object({ rows: attributeList, cols: attributeList, format: z.enum(TABLE_FORMATS), ...destination })),
  'reports.cooccurrence': returns<Cooccurrence>()(z.object({ unit: z.enum(COOCCURRENCE_UNITS).default('overlap'), filter })),
  'reports.codeCoder': returns<CodeCoderTable>()(z.object({ filter })),
  'reports.exportCodebook': returns<ExportedFile>()(z.object({ format: z.enum(CODEBOOK_FORMATS), ...destination })),
  'refi.exportProject': returns<RefiExportReport>()(z.object({ target: z.enum(REFI_TARGETS).default('standard'), ...destination })),
  /** imports a .qdpx (or bare project.qde) as a new project file at `target`, and opens it */
  'refi.importProject': returns<RefiImportReport>()(
    z
      .object({ file: incomingFile.optional(), path: text(4096).min(1).optional(), target: text(4096).min(1), operation: operation.optional() })
      .refine((i) => !!i.file !== !!i.path, {
        message: 'give either file or path',
      }),
  ),
  /** merges a .qdc codebook's codes into the open project (by path, ignoring case) */
  'refi.importCodebook': returns<CodebookImportReport>()(
    z
      .object({ file: incomingFile.optional(), path: text(4096).min(1).optional() })
      .refine((i) => !!i.file !== !!i.path, { message: 'give either file or path' }),
  ),
};

import type { BarChartSpec } from './charts';
import { toCsv } from './csv';

// Matrices, cross-tabs, co-occurrence and code × coder tables share one shape, so
// each is written to CSV, XLSX, HTML and JSON by the same few functions.

export interface TableRow {
  cells: (string | number)[];
  /** indentation of a code row in the tree */
  depth?: number;
  colour?: string;
  /** a totals row */
  total?: boolean;
}

export interface NumberTable {
  title: string;
  project: string;
  generatedAt: string;
  /** one line under the title: what the cells count */
  note: string;
  header: string[];
  /** leading text columns (the row labels); the rest are numbers */
  labelColumns: number;
  rows: TableRow[];
  chart: BarChartSpec | null;
  /** the structured result, written as-is for the JSON format */
  json: unknown;
}

export function tableCsv(t: NumberTable): string {
  return toCsv(
    t.header,
    t.rows.map((r) => r.cells),
  );
}

export function tableJson(t: NumberTable): string {
  return `${JSON.stringify(t.json, null, 2)}\n`;
}

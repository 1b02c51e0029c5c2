import type { CodedSegment } from '../../shared/api';
import type { CodeMatrix, GroupColumn, MatrixCount, MatrixRow } from '../../shared/api/reports';
import type { Case, Code } from '../../shared/types';
import type { BarChartSpec } from '../formats/reports/charts';
import type { NumberTable } from '../formats/reports/tables';
import { listCases } from '../store/cases';
import { listCodes } from '../store/codes';
import type { Project } from '../store/db';
import { projectRow } from '../project/project';
import { checkFilter, resolveAttributes } from './filter';
import { codedSegments, type RetrievalFilter } from './retrieval';

// Code × attribute-group matrices: rows are codes in tree order, columns the
// combinations of case attributes (continent × phase gives the report's
// UK-primary … Asia-all ages), cells count segments, cases with the code, or the
// percentage of the group's cases that have it.

export const NOT_SET = '(not set)';
export const NO_CASE = '(no case)';

export interface MatrixOptions {
  columns: string[];
  count?: MatrixCount;
  /** parent rows include their descendants' coding (default true) */
  aggregate?: boolean;
  filter?: RetrievalFilter;
}

export function groupValues(c: Pick<Case, 'attributes'>, attributes: string[]): string[] {
  return attributes.map((a) => c.attributes[a] || NOT_SET);
}

/** Attribute value tuples in a stable order: natural sort, "(not set)" last. */
export function compareValues(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (a[i] === NOT_SET) return 1;
    if (b[i] === NOT_SET) return -1;
    return a[i].localeCompare(b[i], undefined, { numeric: true, sensitivity: 'base' }) || (a[i] < b[i] ? -1 : 1);
  }
  return 0;
}

/** Does a case pass the filter's attribute conditions? */
export function caseMatches(c: Case, where: RetrievalFilter['where']): boolean {
  return Object.entries(where ?? {}).every(([attr, values]) => values.some((v) => v.toLowerCase() === (c.attributes[attr] ?? '').toLowerCase()));
}

export interface MatrixInput {
  codes: Code[];
  cases: Case[];
  segments: CodedSegment[];
  attributes: string[];
  count: MatrixCount;
  aggregate: boolean;
  /** show a "(no case)" column for segments in documents without a case */
  caseless: boolean;
}

/** The matrix from rows already fetched: pure, so it is tested on hand-made data too. */
export function buildMatrix(m: MatrixInput): CodeMatrix {
  const groups = new Map<string, GroupColumn>();
  const caseGroup = new Map<string, string>();
  for (const c of m.cases) {
    const values = groupValues(c, m.attributes);
    const key = JSON.stringify(values);
    const g = groups.get(key) ?? { key, label: values.join('-'), values: Object.fromEntries(m.attributes.map((a, i) => [a, values[i]])), cases: 0 };
    g.cases++;
    groups.set(key, g);
    caseGroup.set(c.name.toLowerCase(), key);
  }
  const columns = [...groups.values()].sort((a, b) => compareValues(Object.values(a.values), Object.values(b.values)));
  if (m.caseless && m.segments.some((s) => !s.caseName)) columns.push({ key: NO_CASE, label: NO_CASE, values: {}, cases: 0 });
  const colIndex = new Map(columns.map((c, i) => [c.key, i]));
  const parent = new Map(m.codes.map((c) => [c.id, c.parentId]));
  const segs = new Map<string, number[]>();
  const casesWith = new Map<string, Set<string>[]>();
  for (const s of m.segments) {
    const key = s.caseName ? caseGroup.get(s.caseName.toLowerCase()) : NO_CASE;
    const col = key === undefined ? undefined : colIndex.get(key);
    if (col === undefined) continue;
    for (let c: string | null | undefined = s.codeId; c; c = m.aggregate ? parent.get(c) : null) {
      const counts = segs.get(c) ?? segs.set(c, new Array(columns.length).fill(0)).get(c)!;
      counts[col]++;
      if (s.caseName) {
        const sets =
          casesWith.get(c) ??
          casesWith
            .set(
              c,
              columns.map(() => new Set<string>()),
            )
            .get(c)!;
        sets[col].add(s.caseName.toLowerCase());
      }
    }
  }
  const totalCases = columns.reduce((n, c) => n + c.cases, 0);
  const rows: MatrixRow[] = m.codes.map((code) => {
    const counts = segs.get(code.id) ?? new Array(columns.length).fill(0);
    const sets = casesWith.get(code.id) ?? columns.map(() => new Set<string>());
    const withCode = sets.reduce((n, s) => n + s.size, 0);
    const pct = (n: number, d: number) => (d > 0 ? Math.round((1000 * n) / d) / 10 : 0);
    const cells = m.count === 'segments' ? counts : m.count === 'cases' ? sets.map((s) => s.size) : sets.map((s, i) => pct(s.size, columns[i].cases));
    const total = m.count === 'segments' ? counts.reduce((a, b) => a + b, 0) : m.count === 'cases' ? withCode : pct(withCode, totalCases);
    return { codeId: code.id, path: code.path, name: code.name, depth: code.path.split('/').length - 1, colour: code.colour, cells, total };
  });
  return { attributes: m.attributes, count: m.count, aggregate: m.aggregate, columns, rows, cases: totalCases };
}

/** The rows a filter selects: its codes (and their descendants when asked), else all. */
export function selectedCodes(codes: Code[], f: RetrievalFilter): Code[] {
  if (!f.codeIds?.length) return codes;
  const chosen = new Set(f.codeIds);
  const parent = new Map(codes.map((c) => [c.id, c.parentId]));
  const under = (id: string): boolean => {
    for (let c: string | null | undefined = id; c; c = parent.get(c)) if (chosen.has(c)) return true;
    return false;
  };
  return codes.filter((c) => chosen.has(c.id) || (f.descendants && under(c.id)));
}

export function codeMatrix(p: Project, o: MatrixOptions): CodeMatrix {
  const attributes = resolveAttributes(p, o.columns);
  const f = checkFilter(p, o.filter ?? {});
  const codes = listCodes(p);
  // Every segment is fetched (not only the chosen codes') so a parent row can add up its sub-codes.
  const segments = codedSegments(p, { ...f, codeIds: undefined, descendants: undefined, context: 0 });
  const cases = listCases(p).filter((c) => caseMatches(c, f.where));
  const matrix = buildMatrix({ codes, cases, segments, attributes, count: o.count ?? 'segments', aggregate: o.aggregate ?? true, caseless: !f.where });
  const keep = new Set(selectedCodes(codes, f).map((c) => c.id));
  return { ...matrix, rows: matrix.rows.filter((r) => keep.has(r.codeId)) };
}

const COUNT_WORDS: Record<MatrixCount, string> = {
  segments: 'coded segments',
  cases: 'cases with the code',
  percent: '% of the group’s cases with the code',
};

/** Rows at the top of the matrix's own tree (whose parent is not a row) as a grouped bar chart. */
export function matrixChart(m: CodeMatrix, title: string): BarChartSpec {
  const paths = new Set(m.rows.map((r) => r.path));
  const roots = m.rows.filter((r) => !paths.has(r.path.split('/').slice(0, -1).join('/')));
  return {
    title,
    categories: roots.map((r) => r.path),
    series: m.columns.map((c, i) => ({ label: c.label, values: roots.map((r) => r.cells[i]) })),
    unit: m.count === 'percent' ? '%' : undefined,
  };
}

export function matrixTable(p: Project, m: CodeMatrix, generatedAt = new Date().toISOString()): NumberTable {
  const title = `Codes by ${m.attributes.join(' × ')}`;
  return {
    title,
    project: projectRow(p).name,
    generatedAt,
    note: `cells: ${COUNT_WORDS[m.count]}${m.aggregate ? ', sub-codes included in their parents' : ''}; ${m.cases} cases`,
    header: ['code', ...m.columns.map((c) => (c.key === NO_CASE ? c.label : `${c.label} (n=${c.cases})`)), 'total'],
    labelColumns: 1,
    rows: m.rows.map((r) => ({ cells: [r.path, ...r.cells, r.total], depth: r.depth, colour: r.colour })),
    chart: matrixChart(m, `${title}: ${COUNT_WORDS[m.count]}`),
    json: m,
  };
}

import type { Crosstab } from '../../shared/api/reports';
import type { Case } from '../../shared/types';
import type { NumberTable } from '../formats/reports/tables';
import { listCases } from '../store/cases';
import type { Project } from '../store/db';
import { compareValues, groupValues, NOT_SET } from './matrix';
import { projectRow } from '../project/project';
import { resolveAttributes } from './filter';

// Case cross-tabs from case attributes alone, e.g. the report's Table 1 (country ×
// phase with totals). Several attributes on one side join their values with "-",
// as the report's analysis groups do ("Africa-primary"). Values come in the order
// the case sheet first lists them (Ghana … Uganda, Pakistan …; primary, secondary,
// all ages), as the report's table does; "(not set)" comes last.

/** Orders value tuples by where each attribute's value first appears among `cases`. */
export function firstSeenOrder(cases: readonly Case[], attrs: readonly string[]): (a: string[], b: string[]) => number {
  const ranks = attrs.map((attr) => {
    const rank = new Map<string, number>();
    for (const c of cases) {
      const [v] = groupValues(c, [attr]);
      if (!rank.has(v)) rank.set(v, rank.size);
    }
    return rank;
  });
  return (a, b) => {
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) continue;
      if (a[i] === NOT_SET) return 1;
      if (b[i] === NOT_SET) return -1;
      return (ranks[i].get(a[i]) ?? 0) - (ranks[i].get(b[i]) ?? 0) || compareValues([a[i]], [b[i]]);
    }
    return 0;
  };
}

/** `cases` in the order they were added (the case sheet's row order). */
export function buildCrosstab(cases: Case[], rowAttrs: string[], colAttrs: string[]): Crosstab {
  const byRow = firstSeenOrder(cases, rowAttrs);
  const byCol = firstSeenOrder(cases, colAttrs);
  const rowKeys = new Map<string, string[]>();
  const colKeys = new Map<string, string[]>();
  const counts = new Map<string, Map<string, number>>();
  for (const c of cases) {
    const rv = groupValues(c, rowAttrs);
    const cv = groupValues(c, colAttrs);
    const row = rv.join('-');
    const col = cv.join('-');
    rowKeys.set(row, rv);
    colKeys.set(col, cv);
    const cells = counts.get(row) ?? counts.set(row, new Map()).get(row)!;
    cells.set(col, (cells.get(col) ?? 0) + 1);
  }
  const columns = [...colKeys.entries()].sort((a, b) => byCol(a[1], b[1])).map(([k]) => k);
  const rowOrder = [...rowKeys.entries()].sort((a, b) => byRow(a[1], b[1])).map(([k]) => k);
  const totals: Record<string, number> = Object.fromEntries(columns.map((c) => [c, 0]));
  let all = 0;
  const rows = rowOrder.map((row) => {
    const cells: Record<string, number> = {};
    let total = 0;
    for (const col of columns) {
      const n = counts.get(row)?.get(col) ?? 0;
      cells[col] = n;
      totals[col] += n;
      total += n;
    }
    all += total;
    return { row, cells, total };
  });
  totals.total = all;
  return { columns, rows, totals };
}

export function caseCrosstab(p: Project, rows: string[], cols: string[]): Crosstab {
  const rowAttrs = resolveAttributes(p, rows);
  const colAttrs = resolveAttributes(p, cols);
  const added = new Map((p.db.prepare('SELECT id, rowid AS n FROM cases').all() as { id: string; n: number }[]).map((r) => [r.id, r.n]));
  const cases = listCases(p).sort((a, b) => (added.get(a.id) ?? 0) - (added.get(b.id) ?? 0));
  return buildCrosstab(cases, rowAttrs, colAttrs);
}

export function crosstabTable(p: Project, t: Crosstab, rows: string[], cols: string[], generatedAt = new Date().toISOString()): NumberTable {
  const title = `Cases by ${rows.join(' × ')} and ${cols.join(' × ')}`;
  return {
    title,
    project: projectRow(p).name,
    generatedAt,
    note: `cells: number of cases; ${t.totals.total} cases`,
    header: [rows.join('-'), ...t.columns, 'total'],
    labelColumns: 1,
    rows: [
      ...t.rows.map((r) => ({ cells: [r.row, ...t.columns.map((c) => r.cells[c]), r.total] })),
      { cells: [`Total (${t.rows.length} ${rows.join('-')} values)`, ...t.columns.map((c) => t.totals[c]), t.totals.total], total: true },
    ],
    chart: {
      title,
      categories: t.rows.map((r) => r.row),
      series: t.columns.map((c) => ({ label: c, values: t.rows.map((r) => r.cells[c]) })),
    },
    json: t,
  };
}

import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCaseSheet } from '../../electron/cases/cases';
import { codeCoderCounts, codeCooccurrence } from '../../electron/reports/cooccurrence';
import { caseCrosstab, crosstabTable } from '../../electron/reports/crosstab';
import { codeMatrix, matrixTable } from '../../electron/reports/matrix';
import { filterFromNames } from '../../electron/reports/filter';
import { renderTable } from '../../electron/reports/tables';
import { tempProject } from '../helpers/temp';
import { applyCode } from '../../electron/coding/coding';
import { resolveCodePath } from '../../electron/store/codes';
import { buildStudy, KISUMU_FG } from './fixture';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'cases');
const GROUPS = ['Africa-primary', 'Africa-secondary', 'Asia-all ages', 'UK-primary', 'UK-secondary', '(no case)'];

function cells(m: ReturnType<typeof codeMatrix>): Record<string, number[]> {
  return Object.fromEntries(m.rows.map((r) => [r.path, [...r.cells, r.total]]));
}

describe('code × attribute-group matrix (hand-computed)', () => {
  it('counts segments by continent × phase, parents adding up their sub-codes', async () => {
    const { p } = await buildStudy();
    const m = codeMatrix(p, { columns: ['Continent', 'phase'], count: 'segments' });
    expect(m.attributes).toEqual(['continent', 'phase']);
    expect(m.columns.map((c) => c.label)).toEqual(GROUPS);
    expect(m.columns.map((c) => c.cases)).toEqual([1, 1, 1, 1, 1, 0]);
    expect(m.columns[2].values).toEqual({ continent: 'Asia', phase: 'all ages' });
    expect(m.rows.map((r) => r.path)).toEqual(['Teachers', 'Teachers/Skills', 'Teachers/Pedagogy', 'Students', 'Students/Knowledge', 'Communities']);
    expect(cells(m)).toEqual({
      Teachers: [2, 2, 0, 0, 0, 1, 5],
      'Teachers/Skills': [2, 1, 0, 0, 0, 0, 3],
      'Teachers/Pedagogy': [0, 1, 0, 0, 0, 1, 2],
      Students: [1, 0, 2, 0, 2, 0, 5],
      'Students/Knowledge': [1, 0, 2, 0, 1, 0, 4],
      Communities: [0, 1, 1, 0, 0, 0, 2],
    });
  });

  it('counts cases with the code and the percentage of each group’s cases', async () => {
    const { p } = await buildStudy();
    expect(cells(codeMatrix(p, { columns: ['continent', 'phase'], count: 'cases' }))).toEqual({
      Teachers: [1, 1, 0, 0, 0, 0, 2],
      'Teachers/Skills': [1, 1, 0, 0, 0, 0, 2],
      'Teachers/Pedagogy': [0, 1, 0, 0, 0, 0, 1],
      Students: [1, 0, 1, 0, 1, 0, 3],
      'Students/Knowledge': [1, 0, 1, 0, 1, 0, 3],
      Communities: [0, 1, 1, 0, 0, 0, 2],
    });
    const pct = codeMatrix(p, { columns: ['continent'], count: 'percent' });
    expect(pct.columns.map((c) => `${c.label}:${c.cases}`)).toEqual(['Africa:2', 'Asia:1', 'UK:2', '(no case):0']);
    expect(cells(pct)).toEqual({
      Teachers: [100, 0, 0, 0, 40],
      'Teachers/Skills': [100, 0, 0, 0, 40],
      'Teachers/Pedagogy': [50, 0, 0, 0, 20],
      Students: [50, 100, 50, 0, 60],
      'Students/Knowledge': [50, 100, 50, 0, 60],
      Communities: [50, 100, 0, 0, 40],
    });
  });

  it('honours filters: own coding only, one coder, chosen codes, attribute conditions', async () => {
    const { p } = await buildStudy();
    const own = cells(codeMatrix(p, { columns: ['continent', 'phase'], aggregate: false }));
    expect(own.Teachers).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(own.Students).toEqual([0, 0, 0, 0, 1, 0, 1]);
    const amina = codeMatrix(p, { columns: ['continent', 'phase'], filter: filterFromNames(p, { coders: ['Amina'], codes: ['Teachers'], descendants: true }) });
    expect(cells(amina)).toEqual({ Teachers: [1, 2, 0, 0, 0, 1, 4], 'Teachers/Skills': [1, 1, 0, 0, 0, 0, 2], 'Teachers/Pedagogy': [0, 1, 0, 0, 0, 1, 2] });
    const africa = codeMatrix(p, { columns: ['continent', 'phase'], count: 'percent', filter: filterFromNames(p, { where: ['continent=africa'] }) });
    expect(africa.columns.map((c) => c.label)).toEqual(['Africa-primary', 'Africa-secondary']);
    expect(cells(africa)['Teachers/Pedagogy']).toEqual([0, 100, 50]);
    expect(() => codeMatrix(p, { columns: ['region'] })).toThrow(/^no case attribute "region"/);
  });

  it('writes CSV, XLSX, HTML (with a bar chart) and JSON', async () => {
    const { p } = await buildStudy();
    const t = matrixTable(p, codeMatrix(p, { columns: ['continent', 'phase'], count: 'segments' }));
    const csv = parse(new TextDecoder().decode((await renderTable(t, 'csv')).data), { bom: true }) as string[][];
    expect(csv[0]).toEqual([
      'code',
      'Africa-primary (n=1)',
      'Africa-secondary (n=1)',
      'Asia-all ages (n=1)',
      'UK-primary (n=1)',
      'UK-secondary (n=1)',
      '(no case)',
      'total',
    ]);
    expect(csv[4]).toEqual(['Students', '1', '0', '2', '0', '2', '0', '5']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await renderTable(t, 'xlsx')).data) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(4).values).toEqual([undefined, ...csv[0]]);
    expect(ws.getRow(8).values).toEqual([undefined, 'Students', 1, 0, 2, 0, 2, 0, 5]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4, xSplit: 1 });
    const html = new TextDecoder().decode((await renderTable(t, 'html')).data);
    expect(html).toContain('<svg');
    expect(html).toContain('<title>Teachers — (no case): 1</title>');
    expect(JSON.parse(new TextDecoder().decode((await renderTable(t, 'json')).data)).rows[3]).toMatchObject({
      path: 'Students',
      cells: [1, 0, 2, 0, 2, 0],
      total: 5,
    });
  });
});

describe('case cross-tab', () => {
  it('reproduces the report’s Table 1 exactly from the 54-school case sheet', async () => {
    const p = tempProject({ codebook: 'empty' });
    await importCaseSheet(p, 'nssp-54-schools.csv', readFileSync(join(FIXTURES, 'nssp-54-schools.csv')));
    const table1 = JSON.parse(readFileSync(join(FIXTURES, 'table1.json'), 'utf8')) as {
      countries: Record<string, Record<string, number>>;
      totals: Record<string, number>;
    };
    const t = caseCrosstab(p, ['country'], ['phase']);
    // In the report's order: the case sheet's first appearance of each value.
    expect(t.columns).toEqual(['primary', 'secondary', 'all ages']);
    expect(t.rows.map((r) => r.row)).toEqual(Object.keys(table1.countries));
    expect(Object.fromEntries(t.rows.map((r) => [r.row, { ...r.cells, total: r.total }]))).toEqual(table1.countries);
    expect(t.totals).toEqual(table1.totals);
    expect(t.rows).toHaveLength(12);
    // Continent and country together, as the report prints it.
    const nested = caseCrosstab(p, ['continent', 'country'], ['phase']);
    expect(nested.rows.slice(0, 6).map((r) => r.row)).toEqual([
      'Africa-Ghana',
      'Africa-Kenya',
      'Africa-South Africa',
      'Africa-Tanzania',
      'Africa-Uganda',
      'Asia-Pakistan',
    ]);
    const csv = parse(new TextDecoder().decode((await renderTable(crosstabTable(p, t, ['country'], ['phase']), 'csv')).data), { bom: true }) as string[][];
    expect(csv.at(-1)).toEqual(['Total (12 country values)', '21', '22', '11', '54']);
  });

  it('counts cases missing a value as "(not set)"', async () => {
    const { p } = await buildStudy();
    await importCaseSheet(p, 'more.csv', new TextEncoder().encode('school,continent\nNew School,UK\n'));
    const t = caseCrosstab(p, ['continent'], ['phase']);
    expect(t.columns).toEqual(['primary', 'secondary', 'all ages', '(not set)']);
    expect(t.rows.find((r) => r.row === 'UK')).toEqual({ row: 'UK', cells: { 'all ages': 0, primary: 1, secondary: 1, '(not set)': 1 }, total: 3 });
    expect(t.totals).toEqual({ 'all ages': 1, primary: 2, secondary: 2, '(not set)': 1, total: 6 });
  });
});

describe('co-occurrence and code × coder', () => {
  it('counts overlapping segments of one coder, and shared speaker turns', async () => {
    const { p, docs } = await buildStudy();
    const overlap = codeCooccurrence(p, 'overlap');
    expect(overlap.codes.map((c) => c.path)).toEqual(['Teachers/Skills', 'Teachers/Pedagogy', 'Students', 'Students/Knowledge', 'Communities']);
    expect(overlap.counts).toEqual([
      [3, 1, 0, 0, 0],
      [1, 2, 0, 0, 0],
      [0, 0, 1, 1, 0],
      [0, 0, 1, 4, 0],
      [0, 0, 0, 0, 2],
    ]);
    const turn = codeCooccurrence(p, 'turn');
    expect(turn.counts).toEqual(overlap.counts);
    // Ben codes Communities in the turn where Amina coded Skills and Pedagogy: a second coder's code is not co-occurrence.
    const quote = 'I teach science';
    const start = KISUMU_FG.indexOf(quote);
    applyCode(p, { documentId: docs.kisumu, codeId: resolveCodePath(p, 'Communities').id, start, end: start + quote.length, coder: 'Ben' });
    const again = codeCooccurrence(p, 'turn');
    expect(again.counts[4]).toEqual([0, 0, 0, 0, 3]);
    expect(codeCooccurrence(p, 'turn', filterFromNames(p, { coders: ['Ben'] })).counts).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
  });

  it('counts segments per code and coder', async () => {
    const { p } = await buildStudy();
    const t = codeCoderCounts(p);
    expect(t.coders.map((c) => c.name)).toEqual(['Amina', 'Ben']);
    expect(t.rows.map((r) => [r.path, ...r.cells, r.total])).toEqual([
      ['Teachers/Skills', 2, 1, 3],
      ['Teachers/Pedagogy', 2, 0, 2],
      ['Students', 1, 0, 1],
      ['Students/Knowledge', 3, 1, 4],
      ['Communities', 2, 0, 2],
    ]);
    expect(t.totals).toEqual([10, 2]);
  });
});

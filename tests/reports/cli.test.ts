import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliInProcess } from '../helpers/cli';
import { describe, expect, it } from 'vitest';
import { importCaseSheet } from '../../electron/cases/cases';
import { closeProject } from '../../electron/store/db';
import { tempDir, tempProject } from '../helpers/temp';
import { buildStudy } from './fixture';

const ROOT = join(import.meta.dirname, '..', '..');

const cli = cliInProcess;

async function studyFile(): Promise<{ path: string; dir: string }> {
  const { p } = await buildStudy();
  closeProject(p);
  return { path: p.path, dir: tempDir() };
}

describe('fieldcode export / matrix / crosstab', () => {
  it('exports filtered segments in every format', async () => {
    const { path, dir } = await studyFile();
    const csv = join(dir, 'africa.csv');
    const r = await cli(
      'export',
      path,
      '--format',
      'csv',
      '-o',
      csv,
      '--code',
      'teachers',
      '--descendants',
      '--where',
      'continent=Africa',
      '--coder',
      'Amina',
      '--context',
      '10',
    );
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^wrote 3 segments to .*africa\.csv \(\d+ bytes\)\n$/);
    const rows = parse(readFileSync(csv), { bom: true, columns: true }) as Record<string, string>[];
    // Code tree order, then document name: "Focus group - Teachers, Kisumu" before "Interview - Headteacher, Mbale".
    expect(rows.map((x) => [x.code, x.case, x.coder])).toEqual([
      ['Teachers/Skills', 'Kisumu Secondary', 'Amina'],
      ['Teachers/Skills', 'Mbale Primary', 'Amina'],
      ['Teachers/Pedagogy', 'Kisumu Secondary', 'Amina'],
    ]);
    expect(rows[0]['context before']).toHaveLength(10);
    for (const format of ['xlsx', 'docx', 'html', 'md'] as const) {
      const out = join(dir, `all.${format}`);
      const res = await cli('export', path, '--format', format, '-o', out, '--kind', 'focus group', '--group-by', 'continent,phase');
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toMatch(/^wrote 5 segments/);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'all.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Teachers', 'Students', 'Communities']);
    expect(strFromU8(unzipSync(readFileSync(join(dir, 'all.docx')))['word/document.xml'])).toContain('Ms Clarke, Hillcrest Academy');
    expect(readFileSync(join(dir, 'all.html'), 'utf8')).toContain('Coded segments by continent × phase');
    expect(readFileSync(join(dir, 'all.md'), 'utf8')).toContain('- Document kinds: focus group');
  });

  it('prints a matrix as a table, JSON or CSV, and writes XLSX/HTML files', async () => {
    const { path, dir } = await studyFile();
    const table = await cli('matrix', path, '--cols', 'continent,phase');
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(
      /^code\s+Africa-primary \(n=1\)\s+Africa-secondary \(n=1\)\s+Asia-all ages \(n=1\)\s+UK-primary \(n=1\)\s+UK-secondary \(n=1\)\s+\(no case\)\s+total$/,
    );
    expect(table.stdout).toMatch(/\nStudents\s+1\s+0\s+2\s+0\s+2\s+0\s+5\n/);
    const json = JSON.parse((await cli('matrix', path, '--cols', 'continent', '--count', 'percent', '--format', 'json', '--coder', 'Amina')).stdout);
    expect(json.rows.find((r: { path: string }) => r.path === 'Communities')).toMatchObject({ cells: [50, 100, 0, 0], total: 40 });
    const csv = (await cli('matrix', path, '--cols', 'phase', '--count', 'cases', '--format', 'csv', '--own')).stdout;
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(parse(csv)[1]).toEqual(['Teachers', '0', '0', '0', '0', '0']);
    const xlsx = join(dir, 'm.xlsx');
    expect((await cli('matrix', path, '--cols', 'continent,phase', '--format', 'xlsx', '-o', xlsx)).code).toBe(0);
    expect(existsSync(xlsx)).toBe(true);
    expect((await cli('matrix', path, '--cols', 'continent', '--format', 'html')).stderr).toBe('fieldcode: --format html writes a file: add -o FILE\n');
  });

  it('prints the Table 1 cross-tab as JSON in the documented shape', async () => {
    const p = tempProject({ codebook: 'empty' });
    await importCaseSheet(p, 'nssp-54-schools.csv', readFileSync(join(ROOT, 'tests', 'fixtures', 'cases', 'nssp-54-schools.csv')));
    closeProject(p);
    const r = await cli('crosstab', p.path, '--rows', 'country', '--cols', 'phase', '--json');
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout) as {
      columns: string[];
      rows: { row: string; cells: Record<string, number>; total: number }[];
      totals: Record<string, number>;
    };
    expect(Object.keys(t)).toEqual(['columns', 'rows', 'totals']);
    const table1 = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'cases', 'table1.json'), 'utf8'));
    expect(Object.fromEntries(t.rows.map((x) => [x.row, { ...x.cells, total: x.total }]))).toEqual(table1.countries);
    expect(t.totals).toEqual(table1.totals);
    const text = await cli('crosstab', p.path, '--rows', 'country', '--cols', 'phase');
    expect(text.stdout).toMatch(/\nEngland\s+6\s+10\s+1\s+17\n/);
    expect(text.stdout).toMatch(/\nTotal \(12 country values\)\s+21\s+22\s+11\s+54\n$/);
  });

  it('reports co-occurrence and code × coder counts as JSON', async () => {
    const { path } = await studyFile();
    const co = JSON.parse((await cli('cooccurrence', path, '--unit', 'turn', '--json')).stdout);
    expect(co.counts[0]).toEqual([3, 1, 0, 0, 0]);
    const cc = JSON.parse((await cli('code-coders', path, '--json')).stdout);
    expect(cc.totals).toEqual([10, 2]);
  });

  it('answers bad input with one line and exit 1, bad usage with exit 2', async () => {
    const { path, dir } = await studyFile();
    const out = join(dir, 'x.csv');
    expect(await cli('export', path, '--format', 'csv', '-o', out, '--where', 'continent=Antarctica')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'fieldcode: no case has continent = "Antarctica" (values: Africa, Asia, UK)\n',
    });
    expect(existsSync(out)).toBe(false);
    expect((await cli('export', path, '--format', 'csv', '-o', out, '--context', 'ten')).stderr).toBe(
      'fieldcode: --context must be a whole number of characters, not "ten"\n',
    );
    expect((await cli('export', path, '--format', 'qdpx', '-o', join(dir, 'p.qdpx'), '--coder', 'Ben')).stderr).toMatch(
      /^fieldcode: --format qdpx exports the whole project; the filters apply/,
    );
    expect((await cli('export', path, '--format', 'csv', '-o', join(dir, 'no', 'such', 'x.csv'))).stderr).toMatch(
      /^fieldcode: .*x\.csv: cannot write the file \(the folder does not exist\)\n$/,
    );
    expect((await cli('matrix', path, '--cols', 'region')).stderr).toMatch(/^fieldcode: no case attribute "region" in this project/);
    expect((await cli('crosstab', path, '--rows', 'country', '--cols', 'phase', '--format', 'pdf')).code).toBe(2);
    expect((await cli('export', path, '--format', 'pdf', '-o', out)).code).toBe(2);
    expect((await cli('export', path, '--format', 'csv')).code).toBe(2);
    expect((await cli('matrix', path, '--count', 'cases')).code).toBe(2);
    writeFileSync(join(dir, 'not.fieldcode'), 'hello');
    expect((await cli('matrix', join(dir, 'not.fieldcode'), '--cols', 'x')).stderr).toBe(
      'fieldcode: not.fieldcode: not a Fieldcode project (not an SQLite database)\n',
    );
  });

  it('runs as a real process: one line on stderr, exit code 1, no stack trace', async () => {
    const { path, dir } = await studyFile();
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'electron', 'cli', 'cli.ts'), 'export', path, '--format', 'md', '-o', join(dir, 'x.md'), '--code', 'Parents'],
      {
        encoding: 'utf8',
        cwd: ROOT,
        timeout: 60_000,
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('fieldcode: no code "Parents" in the codebook\n');
  }, 60_000);
});

import mammoth from 'mammoth';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeProject } from '../../electron/store/db';
import { cliInProcess } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { code, handMade } from './fixtures';
import ExcelJS from 'exceljs';

async function project(): Promise<string> {
  const { p, doc, x, y, coders } = await handMade();
  code(p, doc.Plain, x, coders.A, 0, 40);
  code(p, doc.Plain, x, coders.B, 10, 45);
  code(p, doc.Plain, y, coders.A, 60, 90);
  code(p, doc.Plain, y, coders.B, 62, 90);
  code(p, doc.Turns, x, coders.A, 0, 30);
  code(p, doc.Turns, x, coders.B, 26, 60);
  const path = p.path;
  closeProject(p);
  return path;
}

type Row = Record<string, unknown>;

describe('fieldcode agreement, sample and methods', () => {
  it('agreement --json keeps the existing keys and adds the new coefficients; ci and pBelow only with --ci', async () => {
    const path = await project();
    const plain = JSON.parse((await cliInProcess('agreement', path, '--coders', 'Ana,Ben', '--json')).stdout) as { codes: Row[]; pooled: Row };
    expect(Object.keys(plain.codes[0])).toEqual(['code', 'units', 'percentAgreement', 'kappa', 'alpha', 'ac1', 'bp', 'uAlpha', 'binaryUAlpha']);
    expect(Object.keys(plain.pooled)).toEqual(expect.arrayContaining(['cuAlpha', 'CuAlpha', 'uAlpha2016']));
    const withCi = await cliInProcess('agreement', path, '--coders', 'Ana,Ben', '--ci', '300', '--seed', '4', '--json');
    const r = JSON.parse(withCi.stdout) as { codes: { ci: { alpha: number[] }; pBelow: Record<string, number> }[]; pooled: Row };
    expect(r.codes[0].ci.alpha).toHaveLength(2);
    expect(Object.keys(r.codes[0].pBelow)).toEqual(['0.667', '0.8']);
    expect((await cliInProcess('agreement', path, '--coders', 'Ana,Ben', '--ci', '300', '--seed', '4', '--json')).stdout).toBe(withCi.stdout);
    const one = JSON.parse((await cliInProcess('agreement', path, '--docs', 'Plain', '--by-document', '--json')).stdout) as {
      documents: { document: string }[];
    };
    expect(one.documents.map((d) => d.document)).toEqual(['Plain']);
    const text = await cliInProcess('agreement', path, '--ci', '100', '--by-document');
    expect(text.stdout).toMatch(/alpha 95% CI/);
    expect(text.stdout).toMatch(/^Turns \(Ana, Ben\)$/m);
  });

  it('writes the agreement table with every coefficient and interval to CSV and XLSX', async () => {
    const path = await project();
    const dir = tempDir();
    expect((await cliInProcess('agreement', path, '--ci', '100', '-o', join(dir, 'a.csv'))).code).toBe(0);
    const csv = readFileSync(join(dir, 'a.csv'), 'utf8');
    expect(csv).toMatch(/AC1,Brennan-Prediger,unitizing alpha \(2004\)/);
    expect(csv).toMatch(/\(pooled\),Plain/);
    expect((await cliInProcess('agreement', path, '-o', join(dir, 'a.xlsx'))).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'a.xlsx'));
    const rows: unknown[][] = [];
    book.worksheets[0].eachRow((row) => rows.push(row.values as unknown[]));
    expect(rows.some((values) => values.includes('alpha 95% CI low') && values.includes('Cu alpha (2016)'))).toBe(true);
    expect(rows.some((values) => values.includes('(pooled)') && values.includes('Plain'))).toBe(true);
  });

  it('draws a sample and writes the methods paragraph with its references (Markdown and Word)', async () => {
    const path = await project();
    const dir = tempDir();
    const s = JSON.parse((await cliInProcess('sample', path, '--name', 'Pilot', '--docs', '2', '--seed', '3', '--json')).stdout) as {
      documents: unknown[];
      seed: number;
    };
    expect(s).toMatchObject({ seed: 3 });
    expect(s.documents).toHaveLength(2);
    const md = join(dir, 'methods.md');
    expect(await cliInProcess('methods', path, '--coders', 'Ana,Ben', '--sample', 'Pilot', '-o', md, '--ci', '200')).toMatchObject({ code: 0 });
    const text = readFileSync(md, 'utf8');
    expect(text).toMatch(/reliability sample "Pilot": 2 documents drawn at random/);
    expect(text).toMatch(/seed 3/);
    expect(text).toMatch(/200 resamples \(seed 1\)/);
    for (const ref of [
      'Krippendorff, K. (2004). Measuring the reliability of qualitative text analysis data',
      'Gwet, K. L. (2008)',
      'Brennan, R. L., & Prediger',
      'Cohen, J. (1960)',
      'Krippendorff, K., Mathet, Y., Bouvry, S., & Widlöcher, A. (2016)',
      'Hayes, A. F., & Krippendorff, K. (2007)',
    ]) {
      expect(text).toContain(ref);
    }
    const docx = join(dir, 'methods.docx');
    expect((await cliInProcess('methods', path, '--sample', 'Pilot', '-o', docx)).code).toBe(0);
    const words = (await mammoth.extractRawText({ path: docx })).value;
    expect(words).toMatch(/Inter-coder reliability/);
    expect(words).toMatch(/1,000 resamples/);
  });

  it('refuses bad input with one line and changes nothing', async () => {
    const path = await project();
    const before = readFileSync(path);
    expect(await cliInProcess('agreement', path, '--ci', 'many')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'fieldcode: --ci must be a whole number of at least 1, not "many"\n',
    });
    expect(await cliInProcess('agreement', path, '--sample', 'nope')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'fieldcode: no reliability sample "nope" in this project\n',
    });
    expect((await cliInProcess('methods', path, '-o', join(tempDir(), 'm.txt'))).stderr).toMatch(
      /^fieldcode: .*m\.txt: the methods paragraph is written as \.md or \.docx\n$/,
    );
    expect((await cliInProcess('sample', path, '--name', 'S', '--docs', '1', '--percent', '5')).stderr).toBe(
      'fieldcode: give either a number of documents or a percentage\n',
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPairs, listPairs, setPair } from '../../electron/analysis/pairs';
import { pairMatrix } from '../../electron/analysis/pair-matrix';
import { createCase } from '../../electron/cases/cases';
import { closeProject } from '../../electron/store/db';
import { enableHistory, undo } from '../../electron/store/history';
import { cliInProcess } from '../helpers/cli';
import { tempDir, tempProject } from '../helpers/temp';
import { paragraphs, sections } from './read-docx';
import { buildStudy, CODES, SHEET } from './study';

const enc = (s: string) => new TextEncoder().encode(s);

/** The case sheet's rows as [case, continent, partner] (names never hold a comma in column one). */
function sheetRows(): [string, string, string][] {
  return readFileSync(SHEET, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => {
      const [name, continent] = l.split(',');
      const partner = /,"([^"]+)",[^,]+$/.exec(l)?.[1] ?? l.split(',').slice(-2)[0];
      return [name, continent, partner];
    });
}

describe('pairs', () => {
  it('imports the partner column of the case sheet: 17 pairs, one line per refused row', async () => {
    const { p, pairsSheet, cases } = await buildStudy();
    const rows = sheetRows();
    const known = new Set(cases);
    const expectedPairs = new Set(rows.filter(([, , b]) => known.has(b)).map(([a, , b]) => [a, b].sort().join(' | ')));
    expect(expectedPairs.size).toBe(17);
    expect(
      listPairs(p)
        .map((x) => [x.a.name, x.b.name].sort().join(' | '))
        .sort(),
    ).toEqual([...expectedPairs].sort());
    expect(pairsSheet.imported).toBe(17);
    const unknown = rows.map(([, , b], i) => [b, i + 2] as const).filter(([b]) => !known.has(b));
    expect(pairsSheet.refused).toEqual(unknown.map(([b, row]) => `row ${row}: no case named "${b}"`));
    // each pair is symmetric: both schools of a pair name each other in the sheet
    for (const x of listPairs(p)) expect(rows.find(([n]) => n === x.b.name)?.[2]).toBe(x.a.name);
  }, 60_000);

  it('refuses unknown cases, self-pairs and a case in two pairs, imports the rest, and is undoable', async () => {
    const p = tempProject();
    enableHistory(p);
    for (const n of ['Mbale Primary', 'Dalmore Primary', 'Kisumu Secondary', 'Hillcrest Academy', 'Lahore School']) createCase(p, n);
    const sheet = [
      'school,partner',
      'Mbale Primary,Dalmore Primary',
      'Kisumu Secondary,Kisumu Secondary',
      'Dalmore Primary,Hillcrest Academy',
      'Atlantis High,Lahore School',
      'Hillcrest Academy,Kisumu Secondary',
      'Dalmore Primary,Mbale Primary',
      '',
    ].join('\n');
    const r = await importPairs(p, 'pairs.csv', enc(sheet));
    expect(r).toEqual({
      file: 'pairs.csv',
      imported: 2,
      unchanged: 1,
      refused: [
        'row 3: Kisumu Secondary cannot be its own partner',
        'row 4: Dalmore Primary is already paired with Mbale Primary',
        'row 5: no case named "Atlantis High"',
      ],
    });
    expect(listPairs(p).map((x) => `${x.a.name} – ${x.b.name}`)).toEqual(['Dalmore Primary – Mbale Primary', 'Hillcrest Academy – Kisumu Secondary']);
    undo(p);
    expect(listPairs(p)).toEqual([]);
    const ids = Object.fromEntries(p.db.prepare('SELECT name, id FROM cases').raw(true).all() as [string, string][]);
    setPair(p, ids['Lahore School'], ids['Mbale Primary']);
    // a school paired elsewhere is never taken away silently: its pair is cleared first
    expect(() => setPair(p, ids['Dalmore Primary'], ids['Mbale Primary'])).toThrow(
      'Mbale Primary is already paired with Lahore School. Clear that partner first.',
    );
    expect(listPairs(p).map((x) => `${x.a.name} – ${x.b.name}`)).toEqual(['Lahore School – Mbale Primary']);
    setPair(p, ids['Lahore School'], null);
    expect(setPair(p, ids['Dalmore Primary'], ids['Mbale Primary']).map((x) => `${x.a.name} – ${x.b.name}`)).toEqual(['Dalmore Primary – Mbale Primary']);
    expect(setPair(p, ids['Mbale Primary'], null)).toEqual([]);
    expect(() => setPair(p, ids['Mbale Primary'], ids['Mbale Primary'])).toThrow('Mbale Primary cannot be its own partner');
    await expect(importPairs(p, 'pairs.xlsx', enc('not a workbook'))).rejects.toThrow('pairs.xlsx: not a readable Excel workbook');
  });

  it('pair matrix: both / North only / South only / neither per code, from the plan; CLI JSON, XLSX and DOCX', async () => {
    const { p, plan } = await buildStudy();
    const has = (school: string, code: string) => plan.some((x) => x.caseName === school && x.code === code);
    const continent = new Map(sheetRows().map(([n, c]) => [n, c]));
    const path = p.path;
    const m = pairMatrix(p, {});
    expect(m.pairs).toHaveLength(17);
    expect(m.unsided).toEqual([]);
    closeProject(p);
    const r = await cliInProcess('pair-matrix', path, '--codes', CODES.join(','), '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { pairs: { north: string; south: string; codes: Record<string, string> }[] };
    expect(out.pairs).toHaveLength(17);
    for (const pr of out.pairs) {
      expect(continent.get(pr.north)).toBe('UK');
      expect(continent.get(pr.south)).not.toBe('UK');
      expect(Object.keys(pr.codes)).toEqual(CODES);
      for (const code of CODES) {
        const [n, s] = [has(pr.north, code), has(pr.south, code)];
        expect(pr.codes[code]).toBe(n && s ? 'both' : n ? 'north' : s ? 'south' : 'none');
      }
    }
    // filtered by a pair attribute read from the Northern school
    const high = JSON.parse((await cliInProcess('pair-matrix', path, '--codes', CODES[2], '--where', 'high momentum=yes', '--json')).stdout) as typeof out;
    const highCount = sheetRows().filter(
      ([n, c]) =>
        c === 'UK' &&
        out.pairs.some((x) => x.north === n) &&
        readFileSync(SHEET, 'utf8').includes(`${n},`) &&
        /,yes$/.test(
          readFileSync(SHEET, 'utf8')
            .split('\n')
            .find((l) => l.startsWith(`${n},`))!,
        ),
    ).length;
    expect(high.pairs).toHaveLength(highCount);
    // the parent counts its descendants only with --descendants
    const parent = JSON.parse((await cliInProcess('pair-matrix', path, '--codes', 'Momentum/Communication', '--json')).stdout) as typeof out;
    expect(parent.pairs.every((x) => x.codes['Momentum/Communication'] === 'none')).toBe(true);
    const withKids = JSON.parse((await cliInProcess('pair-matrix', path, '--codes', 'Momentum/Communication', '--descendants', '--json')).stdout) as typeof out;
    expect(withKids.pairs.map((x) => x.codes['Momentum/Communication'])).toEqual(out.pairs.map((x) => x.codes['Momentum/Communication/email']));

    const dir = tempDir();
    expect((await cliInProcess('pair-matrix', path, '--codes', CODES.join(','), '-o', join(dir, 'pairs.xlsx'))).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'pairs.xlsx'));
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, 'North', 'South', ...CODES]);
    const label = { both: 'both', north: 'North only', south: 'South only', none: 'neither' } as Record<string, string>;
    expect(sheet.getRow(2).values).toEqual([undefined, out.pairs[0].north, out.pairs[0].south, ...CODES.map((c) => label[out.pairs[0].codes[c]])]);
    const totals = wb.worksheets[1];
    const bothEmail = out.pairs.filter((x) => x.codes[CODES[2]] === 'both').length;
    expect(totals.getRow(4).values).toEqual([
      undefined,
      CODES[2],
      bothEmail,
      ...['north', 'south', 'none'].map((k) => out.pairs.filter((x) => x.codes[CODES[2]] === k).length),
    ]);
    expect((await cliInProcess('pair-matrix', path, '--codes', CODES.join(','), '-o', join(dir, 'pairs.docx'))).code).toBe(0);
    const secs = sections(paragraphs(join(dir, 'pairs.docx')));
    expect(secs.map(([t]) => t)).toEqual(['Totals per code', ...out.pairs.map((x) => `${x.north} – ${x.south}`)]);
    const bad = await cliInProcess('pair-matrix', path, '--codes', 'Students/Nothing');
    expect(bad.stderr).toBe('fieldcode: no code "Students/Nothing" in the codebook (give paths such as Students/Knowledge/global issues)\n');
  }, 120_000);
});

import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { flattenCodebook, NSSP_CODEBOOK } from '../../shared/codebooks';
import { detectTurns } from '../../shared/turns';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SAMPLE = join(root, 'tests', 'fixtures', 'sample');
const CASES = join(root, 'tests', 'fixtures', 'cases');

const HEADER = ['case', 'continent', 'country', 'phase', 'location', 'gender', 'partner school', 'high momentum'];
const VALUES: Record<string, string[]> = {
  continent: ['Africa', 'Asia', 'UK'],
  phase: ['primary', 'secondary', 'all ages'],
  location: ['urban', 'rural'],
  gender: ['mixed', 'single'],
  'high momentum': ['yes', 'no'],
};

const read = (path: string) => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
const csvRows = (path: string) => parse(read(path), { skip_empty_lines: true }) as string[][];
const records = (rows: string[][]) => rows.slice(1).map((r) => Object.fromEntries(HEADER.map((h, i) => [h, r[i]])));

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
}

/** Table 1 as the specification prints it: country → counts, plus the total row. */
function specTable1(): { countries: Record<string, { continent: string; counts: number[] }>; totals: number[] } {
  const spec = join(root, 'tests', 'fixtures', 'CODEBOOK-NSSP.md');
  if (!existsSync(spec)) throw new Error('tests/fixtures/CODEBOOK-NSSP.md is missing');
  const countries: Record<string, { continent: string; counts: number[] }> = {};
  let totals: number[] = [];
  for (const line of read(spec).split('\n')) {
    const cells = /^\|(.*)\|\s*$/
      .exec(line)?.[1]
      .split('|')
      .map((c) => c.trim());
    if (!cells || cells.length !== 6 || !cells.slice(2).every((c) => /^\d+$/.test(c))) continue;
    const counts = cells.slice(2).map(Number);
    if (/total/i.test(cells[1])) totals = counts;
    else countries[cells[1]] = { continent: cells[0], counts };
  }
  return { countries, totals };
}

const TRANSCRIPTS = {
  'Interview - Headteacher, Mbale Primary': ['Interviewer', 'Mrs Nabwire'],
  'Focus group - Teachers, Hillcrest Academy': ['Facilitator', 'Claire', 'Daniel', 'Priya', 'Mark', 'Joanne'],
  'Student workshop - Year 9, Lahore': ['Facilitator', 'Student 1', 'Student 2', 'Student 3', 'Student 4'],
} as const;
type DocumentName = keyof typeof TRANSCRIPTS;
const texts = Object.fromEntries(Object.keys(TRANSCRIPTS).map((name) => [name, read(join(SAMPLE, `${name}.txt`)).replace(/\r\n?/g, '\n')])) as Record<
  DocumentName,
  string
>;

const Coding = z.strictObject({
  document: z.enum(Object.keys(TRANSCRIPTS) as [DocumentName, ...DocumentName[]]),
  code: z.string(),
  quote: z.string().min(1),
  coder: z.enum(['Amina', 'Ben']),
  memo: z.string(),
});
const codings = z.array(Coding).parse(JSON.parse(read(join(SAMPLE, 'coding.json'))));

describe('sample project transcripts', () => {
  it('are exactly the three fictional transcripts, UTF-8, 400–900 words each', () => {
    expect(
      readdirSync(SAMPLE)
        .filter((f) => f.endsWith('.txt'))
        .sort(),
    ).toEqual(
      Object.keys(TRANSCRIPTS)
        .map((n) => `${n}.txt`)
        .sort(),
    );
    for (const [name, text] of Object.entries(texts)) {
      const words = text.split(/\s+/).filter(Boolean).length;
      expect(words, name).toBeGreaterThanOrEqual(400);
      expect(words, name).toBeLessThanOrEqual(900);
      expect(text, name).toMatch(/Fictional sample transcript/);
    }
  });

  it('read as speaker turns with the expected speakers', () => {
    for (const [name, speakers] of Object.entries(TRANSCRIPTS)) {
      const turns = detectTurns(texts[name as DocumentName]);
      const found = [...new Set(turns.map((t) => t.speaker).filter((s) => s !== null))];
      expect(found, name).toEqual(speakers);
      expect(turns.length, name).toBeGreaterThan(15);
    }
  });

  it('timestamp some focus-group turns and not others', () => {
    const turns = detectTurns(texts['Focus group - Teachers, Hillcrest Academy']).filter((t) => t.speaker);
    const timed = turns.filter((t) => t.timeStart !== null);
    expect(timed.length).toBeGreaterThan(5);
    expect(timed.length).toBeLessThan(turns.length);
    expect(timed.map((t) => t.timeStart)).toContain(3 * 60 + 12);
  });

  it('give one workshop turn in Urdu script', () => {
    const text = texts['Student workshop - Year 9, Lahore'];
    const lines = text.split('\n').filter((l) => /\p{Script=Arabic}{2,}/u.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Student \d: /);
    for (const other of ['Interview - Headteacher, Mbale Primary', 'Focus group - Teachers, Hillcrest Academy'] as const) {
      expect(texts[other]).not.toMatch(/\p{Script=Arabic}/u);
    }
  });
});

describe('sample project coding', () => {
  const paths = new Set(flattenCodebook(NSSP_CODEBOOK).map((c) => c.path));
  const located = codings.map((c) => {
    const start = texts[c.document].indexOf(c.quote);
    return { ...c, start, end: start + c.quote.length };
  });

  it('quotes passages that occur exactly once in their document', () => {
    expect(codings.length).toBeGreaterThanOrEqual(18);
    for (const c of codings) expect(count(texts[c.document], c.quote), `${c.document}: ${c.quote}`).toBe(1);
  });

  it('uses only codes of the NSSP frame, by exact path', () => {
    for (const c of codings) expect(paths.has(c.code), c.code).toBe(true);
  });

  it('covers every document with both coders', () => {
    for (const doc of Object.keys(TRANSCRIPTS)) {
      expect(new Set(codings.filter((c) => c.document === doc).map((c) => c.coder)), doc).toEqual(new Set(['Amina', 'Ben']));
    }
  });

  it('gives agreement something to show: same passages, other boundaries, other codes', () => {
    const pairs = located.flatMap((a) =>
      located.filter((b) => a.coder === 'Amina' && b.coder === 'Ben' && a.document === b.document).map((b) => [a, b] as const),
    );
    const overlap = pairs.filter(([a, b]) => a.start < b.end && b.start < a.end);
    const exact = overlap.filter(([a, b]) => a.start === b.start && a.end === b.end);
    expect(exact.filter(([a, b]) => a.code === b.code).length).toBeGreaterThanOrEqual(1);
    expect(exact.filter(([a, b]) => a.code !== b.code).length).toBeGreaterThanOrEqual(1);
    expect(overlap.filter(([a, b]) => a.code === b.code && (a.start !== b.start || a.end !== b.end)).length).toBeGreaterThanOrEqual(3);
    expect(overlap.filter(([a, b]) => a.code !== b.code && (a.start !== b.start || a.end !== b.end)).length).toBeGreaterThanOrEqual(1);
  });

  it('includes a quote in right-to-left script', () => {
    expect(codings.some((c) => /\p{Script=Arabic}/u.test(c.quote))).toBe(true);
  });
});

describe('case sheets', () => {
  const sample = csvRows(join(SAMPLE, 'cases.csv'));
  const schools = csvRows(join(CASES, 'nssp-54-schools.csv'));
  const table1 = JSON.parse(read(join(CASES, 'table1.json'))) as {
    countries: Record<string, Record<'primary' | 'secondary' | 'all ages' | 'total', number>>;
    totals: Record<'primary' | 'secondary' | 'all ages' | 'total', number>;
  };
  const spec = specTable1();

  it('share one header and known values', () => {
    for (const rows of [sample, schools]) {
      expect(rows[0]).toEqual(HEADER);
      for (const r of records(rows)) {
        expect(Object.keys(spec.countries), r.case).toContain(r.country);
        expect(r.continent, r.case).toBe(spec.countries[r.country].continent);
        for (const [column, allowed] of Object.entries(VALUES)) expect(allowed, `${r.case}: ${column}`).toContain(r[column]);
        expect(r['partner school'].trim(), r.case).not.toBe('');
      }
    }
  });

  it('give the sample’s three schools, Hillcrest and Lahore Crescent partnered', () => {
    const byName = new Map(records(sample).map((r) => [r.case, r]));
    expect([...byName.keys()]).toEqual(['Mbale Primary School', 'Hillcrest Academy', 'Lahore Crescent School']);
    expect(byName.get('Hillcrest Academy')?.['partner school']).toBe('Lahore Crescent School');
    expect(byName.get('Lahore Crescent School')?.['partner school']).toBe('Hillcrest Academy');
  });

  it('table1.json is Table 1 of the specification', () => {
    const phases = ['primary', 'secondary', 'all ages', 'total'] as const;
    expect(Object.keys(table1.countries)).toEqual(Object.keys(spec.countries));
    for (const [country, { counts }] of Object.entries(spec.countries))
      expect(
        phases.map((p) => table1.countries[country][p]),
        country,
      ).toEqual(counts);
    expect(phases.map((p) => table1.totals[p])).toEqual(spec.totals);
  });

  it('the 54 schools reproduce Table 1 by country and phase', () => {
    const rows = records(schools);
    expect(rows).toHaveLength(54);
    expect(new Set(rows.map((r) => r.case)).size).toBe(54);
    const crossTab: Record<string, Record<string, number>> = {};
    const totals: Record<string, number> = { primary: 0, secondary: 0, 'all ages': 0, total: 0 };
    for (const r of rows) {
      const row = (crossTab[r.country] ??= { primary: 0, secondary: 0, 'all ages': 0, total: 0 });
      row[r.phase]++;
      row.total++;
      totals[r.phase]++;
      totals.total++;
    }
    expect(crossTab).toEqual(table1.countries);
    expect(totals).toEqual(table1.totals);
  });

  it('pair 17 North–South partnerships inside the study, six of them high momentum', () => {
    const rows = records(schools);
    const byName = new Map(rows.map((r) => [r.case, r]));
    const paired = rows.filter((r) => byName.has(r['partner school']));
    for (const r of paired) {
      const partner = byName.get(r['partner school'])!;
      expect(partner['partner school'], r.case).toBe(r.case);
      expect(
        [r.continent, partner.continent].filter((c) => c === 'UK'),
        r.case,
      ).toHaveLength(1);
      expect(partner['high momentum'], r.case).toBe(r['high momentum']);
    }
    expect(paired).toHaveLength(34);
    expect(paired.filter((r) => r['high momentum'] === 'yes')).toHaveLength(12);
    expect(rows.filter((r) => r['high momentum'] === 'yes')).toHaveLength(12);
  });

  it('the workbook holds the same rows as the CSV', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(CASES, 'nssp-54-schools.xlsx'));
    const rows: string[][] = [];
    wb.worksheets[0].eachRow((row) => {
      rows.push(Array.from({ length: HEADER.length }, (_, i) => row.getCell(i + 1).text));
    });
    expect(rows).toEqual(schools);
  });
});

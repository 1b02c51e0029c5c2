import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportSegments, renderSegments, segmentReport } from '../../electron/reports/reports';
import { filterFromNames } from '../../electron/reports/filter';
import { tempDir } from '../helpers/temp';
import { buildStudy, HILLCREST_FG } from './fixture';

const AT = '2026-02-01T10:00:00.000Z';

describe('coded-segment report', () => {
  it('filters by code with descendants, case attributes, kinds, speakers and coders', async () => {
    const { p } = await buildStudy();
    const rows = (o: Parameters<typeof filterFromNames>[1]) => segmentReport(p, filterFromNames(p, o)).segments;
    expect(rows({})).toHaveLength(12);
    expect(rows({ codes: ['teachers'] })).toHaveLength(0);
    expect(rows({ codes: ['teachers'], descendants: true }).map((s) => s.code)).toEqual([
      'Teachers/Skills',
      'Teachers/Skills',
      'Teachers/Skills',
      'Teachers/Pedagogy',
      'Teachers/Pedagogy',
    ]);
    const africaPrimary = rows({ where: ['continent=Africa', 'phase=primary'] });
    expect(africaPrimary.map((s) => [s.caseName, s.coder])).toEqual([
      ['Mbale Primary', 'Amina'],
      ['Mbale Primary', 'Ben'],
      ['Mbale Primary', 'Amina'],
    ]);
    expect(rows({ where: ['phase=primary', 'phase=all ages'] }).map((s) => s.caseName)).toEqual(expect.arrayContaining(['Mbale Primary', 'Lahore School']));
    expect(rows({ where: ['phase=primary', 'phase=all ages'] })).toHaveLength(6);
    expect(rows({ kinds: ['focus-group'] }).map((s) => s.document)).toEqual(expect.not.arrayContaining(['Observation notes']));
    expect(rows({ kinds: ['focus group'] })).toHaveLength(5);
    expect(rows({ speakers: ['mrs achieng'] }).map((s) => s.code)).toEqual(['Teachers/Skills', 'Teachers/Pedagogy']);
    expect(rows({ coders: ['ben'] }).map((s) => s.text)).toEqual(['we learnt to plan lessons together', '👩🏽‍🏫 our teacher learnt Urdu']);
  });

  it('refuses names that match nothing, in one line', async () => {
    const { p } = await buildStudy();
    expect(() => filterFromNames(p, { where: ['contnent=Africa'] })).toThrow(
      /^no case attribute "contnent" in this project \(attributes: continent, country, phase\)$/,
    );
    expect(() => filterFromNames(p, { where: ['continent=Afrca'] })).toThrow('no case has continent = "Afrca" (values: Africa, Asia, UK)');
    expect(() => filterFromNames(p, { where: ['continent'] })).toThrow(/must look like ATTRIBUTE=VALUE/);
    expect(() => filterFromNames(p, { coders: ['Zed'] })).toThrow('no coder named "Zed" in this project (coders: Amina, Ben)');
    expect(() => filterFromNames(p, { codes: ['Parents'] })).toThrow('no code "Parents" in the codebook');
    expect(() => filterFromNames(p, { kinds: ['survey'] })).toThrow(/^unknown document kind "survey"/);
  });

  it('writes CSV with a BOM, RFC 4180 quoting, a formula guard and the text at its offsets', async () => {
    const { p, text } = await buildStudy();
    const out = join(tempDir(), 'segments.csv');
    const result = await exportSegments(p, filterFromNames(p, { context: 12 }), 'csv', out);
    const raw = readFileSync(out);
    expect(result).toEqual({ rows: 12, bytes: raw.byteLength });
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = raw.toString('utf8').slice(1);
    expect(body.split('\r\n').at(-1)).toBe('');
    const records = parse(body, { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0])).toEqual([
      'code',
      'text',
      'context before',
      'context after',
      'document',
      'document kind',
      'case',
      'continent',
      'country',
      'phase',
      'speaker',
      'role',
      'time start',
      'time end',
      'coder',
      'memo',
      'start',
      'end',
      'segment id',
    ]);
    expect(records).toHaveLength(12);
    for (const r of records) {
      const doc = p.db.prepare('SELECT id FROM documents WHERE name = ?').pluck().get(r.document) as string;
      const cell = r.text.startsWith("'") && /^'[=+\-@]/.test(r.text) ? r.text.slice(1) : r.text;
      expect(text(doc).slice(Number(r.start), Number(r.end))).toBe(cell);
      // Context never splits an emoji's surrogate pair, nor reaches back into the previous turn.
      const turnStart =
        (p.db.prepare('SELECT start FROM turns WHERE document_id = ? AND start <= ? AND end > ?').pluck().get(doc, r.start, r.start) as number | undefined) ??
        0;
      const before = text(doc)
        .slice(Math.max(turnStart, Number(r.start) - 12), Number(r.start))
        .replace(/^[\udc00-\udfff]/, '');
      expect(r['context before'].replace(/^'(?=[=+\-@])/, '')).toBe(before);
    }
    const mbale = records.find((r) => r.coder === 'Amina' && r.code === 'Teachers/Skills' && r.case === 'Mbale Primary')!;
    expect(mbale).toMatchObject({
      continent: 'Africa',
      phase: 'primary',
      'document kind': 'interview',
      speaker: 'Headteacher',
      'time start': '0:00:05.500',
      'time end': '0:00:12',
      memo: 'Planning together, from the visit.',
    });
    const communities = records.find((r) => r.code === 'Communities' && r.case === 'Kisumu Secondary')!;
    expect(communities.memo).toBe(`'=cmd|"/c calc"!A1 looks like a formula`);
    expect(communities.text).toBe('Parents now come to the "=SUM(A1)" open days');
    expect(body).toContain('"Parents now come to the ""=SUM(A1)"" open days"');
    const urdu = records.find((r) => r.code === 'Communities' && r.case === 'Lahore School')!;
    expect(urdu.text).toBe('ہم نے لیڈز کو خط لکھے');
    expect(records.find((r) => r.text.startsWith('👩🏽‍🏫'))).toMatchObject({
      start: String(text(p.db.prepare("SELECT id FROM documents WHERE name LIKE 'Student%'").pluck().get() as string).indexOf('👩🏽‍🏫')),
    });
  });

  it('writes XLSX: a summary sheet, one sheet per top-level code, frozen headers, column widths', async () => {
    const { p } = await buildStudy();
    const r = await renderSegments(p, {}, 'xlsx', { generatedAt: AT });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.data) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Teachers', 'Students', 'Communities']);
    const summary = wb.getWorksheet('Summary')!;
    expect(summary.getCell('A1').text).toBe('Coded segments — Partnership study');
    const freq: Record<string, number[]> = {};
    let inTable = false;
    summary.eachRow((row) => {
      const v = row.values as unknown[];
      if (inTable) freq[String(v[1])] = [v[2], v[3], v[4], v[5]] as number[];
      inTable ||= v[1] === 'code';
    });
    expect(freq).toEqual({
      Teachers: [0, 5, 3, 2],
      'Teachers/Skills': [3, 3, 2, 2],
      'Teachers/Pedagogy': [2, 2, 2, 1],
      Students: [1, 5, 3, 3],
      'Students/Knowledge': [4, 4, 3, 3],
      Communities: [2, 2, 2, 2],
    });
    const students = wb.getWorksheet('Students')!;
    expect(students.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(students.getRow(1).getCell(1).text).toBe('code');
    expect(students.getColumn(2).width).toBe(70);
    expect(students.rowCount).toBe(6);
    const texts = [2, 3, 4, 5, 6].map((i) => students.getRow(i).getCell(2).text);
    expect(texts).toContain('👩🏽‍🏫 our teacher learnt Urdu');
    expect(texts).toContain('x̄ and q̇ are marks');
    // No formula guard in XLSX: cells are typed strings there, never evaluated.
    const communities = wb.getWorksheet('Communities')!;
    expect(communities.getRow(2).getCell(16).value).toBe('=cmd|"/c calc"!A1 looks like a formula');
  });

  it('writes DOCX grouped by code with quotations and "document, speaker, case" references', async () => {
    const { p } = await buildStudy();
    const r = await renderSegments(p, filterFromNames(p, { codes: ['Students'], descendants: true }), 'docx', { generatedAt: AT });
    const files = unzipSync(r.data);
    const xml = strFromU8(files['word/document.xml']);
    const paragraphs = [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map((m) => ({
      style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? '',
      text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    }));
    const headings = paragraphs.filter((x) => x.style.startsWith('Heading')).map((x) => `${x.style}:${x.text}`);
    expect(headings).toEqual(['Heading1:Code frequencies', 'Heading1:Students', 'Heading2:Students/Knowledge']);
    const quotes = paragraphs.filter((x) => x.style === 'Quotation').map((x) => x.text);
    expect(quotes).toHaveLength(5);
    expect(quotes).toContain('👩🏽‍🏫 our teacher learnt Urdu');
    const sources = paragraphs.filter((x) => x.style === 'Source').map((x) => x.text);
    const at = HILLCREST_FG.indexOf('fair trade, "quoted"');
    expect(sources).toContain(`— Focus group - Teachers, Hillcrest, Ms Clarke, Hillcrest Academy · coder Amina · characters ${at}–${at + 41}`);
    expect(sources.find((s) => s.startsWith('— Interview - Headteacher, Mbale, Headteacher, Mbale Primary'))).toMatch(/· 0:01:02\.250 ·/);
    const urdu = strFromU8(unzipSync((await renderSegments(p, filterFromNames(p, { codes: ['Communities'] }), 'docx')).data)['word/document.xml']);
    expect(urdu).toMatch(/<w:bidi\/>.*<w:rtl\/><\/w:rPr><w:t xml:space="preserve">ہم نے لیڈز کو خط لکھے<\/w:t>/s);
    expect(strFromU8(files['word/styles.xml'])).toContain('w:styleId="Quotation"');
  });

  it('writes self-contained HTML with an inline SVG chart by group, and Markdown', async () => {
    const { p } = await buildStudy();
    const html = new TextDecoder().decode((await renderSegments(p, {}, 'html', { groupBy: ['continent', 'phase'], generatedAt: AT })).data);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    expect(html).toContain('@media print');
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)![0];
    expect(svg).toContain('Coded segments by continent × phase');
    for (const g of ['Africa-primary', 'Africa-secondary', 'Asia-all ages', 'UK-secondary', '(no case)']) expect(svg).toContain(`>${g}<`);
    expect(svg).toContain('<title>Students — Asia-all ages: 2</title>');
    expect(html).toContain('<blockquote dir="auto">ہم نے لیڈز کو خط لکھے</blockquote>');
    expect(html).toContain('Parents now come to the &quot;=SUM(A1)&quot; open days');
    const md = new TextDecoder().decode((await renderSegments(p, filterFromNames(p, { coders: ['Ben'] }), 'md', { generatedAt: AT })).data);
    expect(md).toContain('# Coded segments — Partnership study');
    expect(md).toContain('- Coders: Ben');
    expect(md).toContain('> 👩🏽‍🏫 our teacher learnt Urdu');
    expect(md).toContain('— *Student workshop - Lahore, Zoë, Lahore School* · coder Ben');
    expect(md).toContain('| Teachers/Skills | 1 | 1 | 1 | 1 |');
  });
});

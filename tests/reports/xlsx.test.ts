import ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { NumberTable } from '../../electron/formats/reports/tables';
import { CELL_LIMIT, segmentsXlsx, sheetName, tableXlsx } from '../../electron/formats/reports/xlsx';
import { columnLetter, WorkbookWriter } from '../../electron/formats/reports/xlsx-writer';
import { renderSegments, segmentReport } from '../../electron/reports/reports';
import { buildStudy } from './fixture';

// The workbook writer is ours (exceljs only reads the files back here), so these
// check what Excel needs: every part well-formed XML, frozen and filtered header
// rows, widths, tab colours, bold headers, and hostile cell text kept exactly.

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
}

function table(rows: (string | number)[][], labelColumns = 1): NumberTable {
  return {
    title: 'Hostile cells',
    project: 'P',
    generatedAt: '',
    note: 'n',
    header: ['label', 'value'],
    labelColumns,
    rows: rows.map((cells) => ({ cells })),
    chart: null,
    json: null,
  };
}

describe('XLSX writer', () => {
  it('writes a package whose every part is well-formed XML, with the sheets, styles and shared strings it names', async () => {
    const { p } = await buildStudy();
    const files = parts((await renderSegments(p, {}, 'xlsx')).data);
    for (const [name, xml] of Object.entries(files)) expect(XMLValidator.validate(xml), name).toBe(true);
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/app.xml',
      'docProps/core.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
      'xl/worksheets/sheet4.xml',
    ]);
    for (let i = 1; i <= 4; i++) expect(files['[Content_Types].xml']).toContain(`/xl/worksheets/sheet${i}.xml`);
    expect(Object.keys(files)[0]).toBe('[Content_Types].xml');
    // Values that repeat down a column are stored once; passages stay inline.
    const shared = [...files['xl/sharedStrings.xml'].matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => m[1]);
    expect(shared).toContain('Teachers/Skills');
    expect(shared.filter((s) => s === 'Teachers/Skills')).toHaveLength(1);
    expect(shared).not.toContain('we learnt to plan lessons together');
    expect(files['xl/workbook.xml']).toContain('<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">');
  });

  it('freezes and filters the header of every code sheet, with widths, tab colours and a bold header', async () => {
    const { p } = await buildStudy();
    const r = segmentReport(p, {});
    const wb = await read(await segmentsXlsx(r));
    for (const ws of wb.worksheets.slice(1)) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
      expect(ws.autoFilter).toBe(`A1:${columnLetter(18)}${ws.rowCount}`);
      expect(ws.getRow(1).getCell(1).font).toMatchObject({ bold: true });
      expect(ws.getRow(2).getCell(1).font?.bold).toBeFalsy();
      expect(ws.columns.map((c) => c.width)).toEqual([32, 70, 32, 32, 32, 15, 10, 11, 10, 10, 10, 10, 12, 10, 10, 32, 9, 9, 38]);
      const code = r.codes.find((c) => c.name === ws.name)!;
      expect(ws.properties.tabColor).toEqual({ argb: `FF${code.colour.slice(1).toUpperCase()}` });
    }
    expect(wb.worksheets[0].views[0]?.state ?? 'normal').toBe('normal');
  });

  it('keeps hostile cell text exactly: escapes, line ends, leading spaces, _xHHHH_, emoji; drops what XML cannot hold', async () => {
    const long = `${'a'.repeat(CELL_LIMIT - 14)}😀${'b'.repeat(100)}`;
    const cells = [
      '<b>&amp; "quoted" \'single\'</b>',
      'line one\r\nline two\nthree',
      '  leading and trailing  ',
      '_x0041_ stays as typed',
      '👩🏽‍🏫 ہم نے x̄',
      `bell\u0007 and lone \ud800 surrogate`,
      '=1+1',
      long,
    ];
    const bytes = await tableXlsx(table(cells.map((c, i) => [c, i])));
    const ws = (await read(bytes)).worksheets[0];
    const got = cells.map((_, i) => ws.getRow(5 + i).getCell(1).value);
    expect(got.slice(0, 3)).toEqual(cells.slice(0, 3));
    expect(got[4]).toBe(cells[4]);
    // Excel reads _xHHHH_ in any cell text as an escaped character, so a literal one is written as _x005F_xHHHH_
    // (exceljs decodes that only in shared strings, checked below).
    expect(parts(bytes)['xl/worksheets/sheet1.xml']).toContain('<t>_x005F_x0041_ stays as typed</t>');
    const wb = new WorkbookWriter();
    wb.addSheet('S').addRow(['_x0041_ stays as typed', '  shared  '], { repeats: [true, true] });
    expect((await read(wb.bytes())).worksheets[0].getRow(1).values).toEqual([undefined, '_x0041_ stays as typed', '  shared  ']);
    expect(got[5]).toBe('bell and lone  surrogate');
    expect(got[6]).toBe('=1+1');
    expect(typeof got[7] === 'string' && got[7].length).toBe(CELL_LIMIT - 1);
    expect(got[7]).toMatch(/^a+ …\[truncated\]$/);
    expect(ws.getRow(5).getCell(2).value).toBe(0);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4, xSplit: 1, topLeftCell: 'B5' });
  });

  it('leaves out empty and non-finite cells, and writes a report without segments', async () => {
    const wb = await read(
      await tableXlsx(
        table(
          [
            ['', Number.NaN],
            ['x', Number.POSITIVE_INFINITY],
            ['y', -2.5],
          ],
          0,
        ),
      ),
    );
    const ws = wb.worksheets[0];
    expect(ws.getRow(5).values).toEqual([]);
    expect(ws.getRow(6).values).toEqual([undefined, 'x']);
    expect(ws.getRow(7).values).toEqual([undefined, 'y', -2.5]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4, xSplit: 0 });
    const { p } = await buildStudy();
    const none = await read((await renderSegments(p, { speakers: ['nobody'] }, 'xlsx')).data);
    expect(none.worksheets.map((w) => w.name)).toEqual(['Summary']);
  });

  it('names sheets as Excel allows: 31 characters, no []:*?/\\, unique ignoring case', () => {
    const taken = new Set<string>();
    expect(sheetName('Teachers', taken)).toBe('Teachers');
    expect(sheetName('teachers', taken)).toBe('teachers (2)');
    expect(sheetName("'Skills: [new]/old?'", taken)).toBe('Skills new old');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31);
    expect(sheetName('History', taken)).toBe('Sheet');
    expect(columnLetter(0) + columnLetter(25) + columnLetter(26) + columnLetter(701) + columnLetter(702)).toBe('AZAAZZAAA');
  });
});

import { fireEvent, render, screen, within } from '@testing-library/react';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ReportsView } from '../../../renderer/views/reports';
import { catchDownloads, openStudy } from './study';

// Browser mode (and the app under Electron): no save dialog, so every export comes
// back as base64 and downloads. Each format is read back by a real reader.

async function exportPanel() {
  const downloads = catchDownloads();
  render(<ReportsView client={(await openStudy()).client} />);
  const panel = await screen.findByRole('region', { name: 'Export coded segments' });
  const exportAs = async (format: string) => {
    fireEvent.click(within(panel).getByLabelText(format));
    fireEvent.click(within(panel).getByRole('button', { name: 'Export' }));
    const status = await within(panel).findByRole('status');
    const files = await downloads.files();
    return { status: status.textContent, file: files[files.length - 1] };
  };
  return { panel, exportAs, downloads };
}

type Row = Record<string, string>;
const csv = (bytes: Uint8Array) => parse(Buffer.from(bytes), { bom: true, columns: true }) as Row[];

describe('coded-segment export in browser mode', () => {
  it('downloads CSV for a code with its sub-codes in African schools, with context', async () => {
    const { panel, exportAs } = await exportPanel();
    fireEvent.click(within(panel).getByLabelText('Teachers'));
    fireEvent.click(within(panel).getByRole('button', { name: 'Add case condition' }));
    fireEvent.change(within(panel).getByLabelText('attribute of condition 1'), { target: { value: 'continent' } });
    fireEvent.change(within(panel).getByLabelText('value of condition 1'), { target: { value: 'Africa' } });
    fireEvent.change(within(panel).getByLabelText('Context characters either side'), { target: { value: '12' } });
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Title' }), { target: { value: 'Teachers in Africa' } });
    const { status, file } = await exportAs('CSV (Excel, R, SPSS)');
    expect(file.name).toBe('Teachers in Africa.csv');
    expect(file.type).toBe('text/csv;charset=utf-8');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(status).toMatch(/^Downloaded Teachers in Africa\.csv: 4 segments, [\d.]+ (bytes|KB)$/);
    const rows = csv(file.bytes);
    // tree order of codes, then documents by name
    expect(rows.map((r) => [r.code, r.case, r.coder])).toEqual([
      ['Teachers/Skills', 'Kisumu Secondary', 'Amina'],
      ['Teachers/Skills', 'Mbale Primary', 'Amina'],
      ['Teachers/Skills', 'Mbale Primary', 'Ben'],
      ['Teachers/Pedagogy', 'Kisumu Secondary', 'Amina'],
    ]);
    expect(rows[1]).toMatchObject({ text: 'we learnt to plan lessons together', 'context before': 'visited and ', continent: 'Africa' });
    // context stops at the end of the turn: the interviewer's next question is not in it
    expect(rows[1]['context after']).toBe('.');
  });

  it('without sub-codes a parent code alone has nothing; speakers, kinds and coders narrow the rows', async () => {
    const { panel, exportAs } = await exportPanel();
    fireEvent.click(within(panel).getByLabelText('Teachers'));
    fireEvent.click(within(panel).getByLabelText('include sub-codes'));
    const nothing = await exportAs('CSV (Excel, R, SPSS)');
    expect(csv(nothing.file.bytes)).toEqual([]);
    expect(nothing.status).toMatch(/: 0 segments, .*\. No coded segment passed the filters$/);
    fireEvent.click(within(panel).getByRole('button', { name: 'Clear' }));
    fireEvent.change(within(panel).getByLabelText('Add speaker or role'), { target: { value: 'Mrs Achieng' } });
    expect(within(panel).getByRole('button', { name: 'Remove speaker Mrs Achieng' })).toBeTruthy();
    expect(csv((await exportAs('CSV (Excel, R, SPSS)')).file.bytes).map((r) => r.code)).toEqual(['Teachers/Skills', 'Teachers/Pedagogy']);
    fireEvent.click(within(panel).getByRole('button', { name: 'Remove speaker Mrs Achieng' }));
    fireEvent.click(within(panel).getByLabelText('focus group'));
    expect(csv((await exportAs('CSV (Excel, R, SPSS)')).file.bytes)).toHaveLength(5);
    fireEvent.click(within(panel).getByLabelText('focus group'));
    fireEvent.click(within(panel).getByLabelText('Ben'));
    expect(csv((await exportAs('CSV (Excel, R, SPSS)')).file.bytes).map((r) => r.text)).toEqual([
      'we learnt to plan lessons together',
      '👩🏽‍🏫 our teacher learnt Urdu',
    ]);
  });

  it('downloads an Excel workbook with a sheet per top-level code', async () => {
    const { panel, exportAs } = await exportPanel();
    fireEvent.click(within(panel).getByLabelText('Ben'));
    const { file, status } = await exportAs('Excel workbook');
    expect(status).toMatch(/^Downloaded .+\.xlsx: 2 segments/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Teachers', 'Students']);
    expect(wb.getWorksheet('Students')!.getRow(2).getCell(2).text).toBe('👩🏽‍🏫 our teacher learnt Urdu');
  });

  it('downloads a Word document of quotations grouped by code', async () => {
    const { panel, exportAs } = await exportPanel();
    fireEvent.click(within(panel).getByLabelText('Students'));
    const { file } = await exportAs('Word document');
    const xml = strFromU8(unzipSync(file.bytes)['word/document.xml']);
    expect(xml).toContain('>Students/Knowledge<');
    expect(xml).toContain('x̄ and q̇ are marks');
    expect(xml).not.toContain('we learnt to plan lessons together');
  });

  it('downloads a self-contained web page charted by the chosen groups, and Markdown', async () => {
    const { panel, exportAs } = await exportPanel();
    fireEvent.click(within(panel).getByLabelText('Web page with charts'));
    fireEvent.click(within(within(panel).getByRole('group', { name: 'Chart groups' })).getByLabelText('continent'));
    const html = strFromU8((await exportAs('Web page with charts')).file.bytes);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('Africa');
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    const md = strFromU8((await exportAs('Markdown')).file.bytes);
    expect(md).toContain('we learnt to plan lessons together');
    expect(md.startsWith('#')).toBe(true);
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importPairs, listPairs } from '../../electron/analysis/pairs';
import { createCase } from '../../electron/cases/cases';
import { tempProject } from '../helpers/temp';

// A pairs sheet as the NSSP team keeps it: an Excel workbook whose first sheet
// names the two schools of each partnership, with a bad row among the good ones.

async function workbook(rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Partnerships');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('pairs from an Excel sheet', () => {
  it('imports the good rows and refuses each bad one in one line', async () => {
    const p = tempProject();
    for (const n of ['Mbale Primary', 'Dalmore Primary', 'Hillcrest Academy', 'Lahore School']) createCase(p, n);
    const bytes = await workbook([
      ['Southern school', 'Northern school'],
      ['Mbale Primary', 'Dalmore Primary'],
      ['Lahore School', 'Nowhere Academy'],
      ['lahore school', 'HILLCREST ACADEMY'],
      ['Dalmore Primary', 'Hillcrest Academy'],
    ]);
    const r = await importPairs(p, '/tmp/somewhere/partnerships.xlsx', bytes);
    expect(r).toEqual({
      file: 'partnerships.xlsx',
      imported: 2,
      unchanged: 0,
      refused: ['row 3: no case named "Nowhere Academy"', 'row 5: Dalmore Primary is already paired with Mbale Primary'],
    });
    expect(listPairs(p).map((x) => `${x.a.name} – ${x.b.name}`)).toEqual(['Dalmore Primary – Mbale Primary', 'Hillcrest Academy – Lahore School']);
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  createCase,
  deleteAttribute,
  deleteCase,
  importCaseSheet,
  listAttributes,
  listCases,
  renameAttribute,
  renameCase,
  setCaseAttribute,
} from '../../electron/cases/cases';
import { enableHistory, undo } from '../../electron/store/history';
import { tempProject } from '../helpers/temp';

const enc = (s: string) => new TextEncoder().encode(s);

describe('cases and attributes', () => {
  it('creates, renames and deletes cases, refusing duplicate names', () => {
    const p = tempProject();
    const c = createCase(p, 'Mbale Primary');
    expect(() => createCase(p, 'mbale primary')).toThrow(/already exists/);
    expect(renameCase(p, c.id, 'Mbale Primary School').name).toBe('Mbale Primary School');
    deleteCase(p, c.id);
    expect(listCases(p)).toEqual([]);
  });

  it('sets and clears attribute values, undoably', () => {
    const p = tempProject();
    enableHistory(p);
    const c = createCase(p, 'Hillcrest Academy');
    expect(setCaseAttribute(p, c.id, 'phase', 'secondary').attributes).toEqual({ phase: 'secondary' });
    expect(setCaseAttribute(p, c.id, 'Phase', ' all ages ').attributes).toEqual({ phase: 'all ages' });
    undo(p);
    expect(listCases(p)[0].attributes).toEqual({ phase: 'secondary' });
    expect(setCaseAttribute(p, c.id, 'phase', '').attributes).toEqual({});
  });

  it('imports a CSV case sheet and updates on re-import without duplicating', async () => {
    const p = tempProject();
    const sheet = 'school;continent;phase\nMbale Primary;Africa;primary\nHillcrest Academy;UK;secondary\n';
    expect(await importCaseSheet(p, 'schools.csv', enc(sheet))).toMatchObject({ created: 2, updated: 0, attributes: ['continent', 'phase'] });
    const changed = sheet.replace('UK;secondary', 'UK;all ages') + 'Lahore Grammar;Asia;all ages\n';
    expect(await importCaseSheet(p, 'schools.csv', enc(changed))).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    expect(listCases(p).map((c) => [c.name, c.attributes.phase])).toEqual([
      ['Hillcrest Academy', 'all ages'],
      ['Lahore Grammar', 'all ages'],
      ['Mbale Primary', 'primary'],
    ]);
  });

  it('imports an XLSX case sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Schools');
    ws.addRows([
      ['case', 'country', 'high momentum'],
      ['Kisumu Girls', 'Kenya', 'yes'],
      ['Glasgow Road', 'Scotland', 'no'],
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const p = tempProject();
    expect(await importCaseSheet(p, 'schools.xlsx', bytes)).toMatchObject({ created: 2 });
    expect(listCases(p).find((c) => c.name === 'Kisumu Girls')?.attributes).toEqual({ country: 'Kenya', 'high momentum': 'yes' });
  });

  it('refuses bad sheets with the file name and reason, changing nothing', async () => {
    const p = tempProject();
    await expect(importCaseSheet(p, 'empty.csv', enc(''))).rejects.toThrow('empty.csv: the file is empty');
    await expect(importCaseSheet(p, 'broken.xlsx', enc('PK\u0003\u0004garbage'))).rejects.toThrow(/broken\.xlsx: not a readable Excel workbook/);
    await expect(importCaseSheet(p, 'schools.pdf', enc('%PDF-1.4'))).rejects.toThrow(/schools\.pdf: unsupported case sheet type/);
    await expect(importCaseSheet(p, 'dup.csv', enc('case,phase,Phase\nA,1,2\n'))).rejects.toThrow(/dup\.csv: the column "Phase" appears twice/);
    expect(listCases(p)).toEqual([]);
  });

  it('renames and deletes an attribute with its values, undoably, refusing a name in use', () => {
    const p = tempProject();
    enableHistory(p);
    const a = createCase(p, 'Mbale Primary');
    const b = createCase(p, 'Hillcrest Academy');
    setCaseAttribute(p, a.id, 'phase', 'primary');
    setCaseAttribute(p, b.id, 'phase', 'secondary');
    setCaseAttribute(p, b.id, 'continent', 'UK');
    const phase = listAttributes(p).find((x) => x.name === 'phase')!;
    expect(() => renameAttribute(p, phase.id, 'Continent')).toThrow(/an attribute named "Continent" already exists/);
    expect(renameAttribute(p, phase.id, 'school phase').map((x) => x.name)).toEqual(['school phase', 'continent']);
    expect(listCases(p).find((c) => c.id === a.id)!.attributes).toEqual({ 'school phase': 'primary' });
    expect(deleteAttribute(p, phase.id)).toEqual({ cases: 2 });
    expect(listAttributes(p).map((x) => x.name)).toEqual(['continent']);
    expect(listCases(p).find((c) => c.id === b.id)!.attributes).toEqual({ continent: 'UK' });
    expect(undo(p)).toBe('Delete attribute "school phase"');
    expect(listCases(p).find((c) => c.id === b.id)!.attributes).toEqual({ 'school phase': 'secondary', continent: 'UK' });
    // A new attribute of the deleted one's name is a new attribute, not the old values back.
    deleteAttribute(p, phase.id);
    setCaseAttribute(p, a.id, 'school phase', 'all ages');
    expect(listCases(p).find((c) => c.id === b.id)!.attributes).toEqual({ continent: 'UK' });
  });
});

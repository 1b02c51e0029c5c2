import { parse } from 'csv-parse/sync';
import { basename, extname } from 'node:path';
import type { CaseSheetReport } from '../../shared/api';
import type { Attribute, Case } from '../../shared/types';
import { decodeText } from '../formats/transcripts/decode';
import * as cases from '../store/cases';
import { currentCoder } from '../store/coders';
import type { Project } from '../store/db';
import { FileError, NotFoundError, userMessage } from '../../shared/errors';
import { action } from '../store/history';

/** A case sheet (.csv, .xlsx) that cannot be imported. */
export class CaseSheetError extends FileError {}

function getCase(p: Project, id: string): Case {
  const c = cases.listCases(p).find((x) => x.id === id);
  if (!c) throw new NotFoundError(`no case with id ${id}`);
  return c;
}

export function createCase(p: Project, name: string): Case {
  const coder = currentCoder(p);
  const row = action(p, `Add case "${name.trim()}"`, () => cases.insertCase(p, name, coder.id));
  return getCase(p, row.id);
}

export function renameCase(p: Project, id: string, name: string): Case {
  const coder = currentCoder(p);
  const old = cases.getCaseRow(p, id);
  action(p, `Rename case "${old.name}"`, () => cases.renameCase(p, id, name, coder.id), `case ${id} name`);
  return getCase(p, id);
}

export function deleteCase(p: Project, id: string): void {
  const coder = currentCoder(p);
  const old = cases.getCaseRow(p, id);
  action(p, `Delete case "${old.name}"`, () => cases.tombstoneCase(p, id, coder.id));
}

export function setCaseAttribute(p: Project, caseId: string, attribute: string, value: string): Case {
  const coder = currentCoder(p);
  cases.getCaseRow(p, caseId);
  action(
    p,
    `Set ${attribute.trim()}`,
    () => {
      const attr = cases.ensureAttribute(p, attribute, coder.id);
      cases.setAttributeValue(p, caseId, attr.id, value, coder.id);
    },
    `case ${caseId} ${attribute.trim()}`,
  );
  return getCase(p, caseId);
}

export function renameAttribute(p: Project, id: string, name: string): Attribute[] {
  const coder = currentCoder(p);
  const old = cases.getAttribute(p, id);
  action(p, `Rename attribute "${old.name}"`, () => cases.renameAttribute(p, id, name, coder.id), `attribute ${id} name`);
  return cases.listAttributes(p);
}

/** Deletes an attribute with its values; returns how many cases had one. Undoable. */
export function deleteAttribute(p: Project, id: string): { cases: number } {
  const coder = currentCoder(p);
  const old = cases.getAttribute(p, id);
  const used = cases.attributeUse(p, id);
  action(p, `Delete attribute "${old.name}"`, () => cases.tombstoneAttribute(p, id, coder.id));
  return { cases: used };
}

/** The rows of a CSV, TSV or XLSX sheet (first sheet), as text. */
export async function readRows(file: string, bytes: Uint8Array): Promise<string[][]> {
  const ext = extname(file).toLowerCase();
  if (bytes.byteLength === 0) throw new CaseSheetError(file, 'the file is empty');
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') {
    const { text } = decodeText(file, bytes);
    try {
      return parse(text, { delimiter: ext === '.tsv' ? '\t' : [',', ';', '\t'], relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
    } catch (e) {
      throw new CaseSheetError(file, `not a readable CSV sheet (${userMessage(e)})`);
    }
  }
  if (ext === '.xlsx') {
    // Loaded on first use: exceljs holds ~30 MB that a session without a workbook import never needs.
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    } catch {
      throw new CaseSheetError(file, 'not a readable Excel workbook (the file is damaged or not .xlsx)');
    }
    const sheet = wb.worksheets[0];
    if (!sheet) throw new CaseSheetError(file, 'the workbook has no sheet');
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) values.push(row.getCell(c).text ?? '');
      rows.push(values);
    });
    return rows;
  }
  throw new CaseSheetError(file, `unsupported case sheet type "${ext || 'none'}" (use .csv or .xlsx)`);
}

/**
 * Imports a case sheet: first column the case name, other columns attributes.
 * Re-importing updates the same cases (matched by name) and never duplicates.
 */
export async function importCaseSheet(p: Project, file: string, bytes: Uint8Array): Promise<CaseSheetReport> {
  const name = basename(file);
  const rows = (await readRows(name, bytes)).map((r) => r.map((v) => String(v ?? '').trim()));
  const [header, ...body] = rows;
  if (!header || header.length === 0 || !header[0]) throw new CaseSheetError(name, 'the first row must name the columns (the first column is the case)');
  const attrNames = header.slice(1).filter(Boolean);
  const dup = attrNames.find((a, i) => attrNames.findIndex((b) => b.toLowerCase() === a.toLowerCase()) !== i);
  if (dup) throw new CaseSheetError(name, `the column "${dup}" appears twice`);
  const coder = currentCoder(p);
  const report: CaseSheetReport = { file: name, created: 0, updated: 0, unchanged: 0, attributes: attrNames };
  action(p, `Import case sheet ${name}`, () => {
    const attrs = header.slice(1).map((h) => (h ? cases.ensureAttribute(p, h, coder.id) : null));
    for (const row of body) {
      if (!row[0]) continue;
      const c = cases.ensureCase(p, row[0], coder.id);
      let changed = false;
      attrs.forEach((a, i) => {
        if (a && row[i + 1] !== undefined) changed = cases.setAttributeValue(p, c.id, a.id, row[i + 1], coder.id) || changed;
      });
      if (c.created) report.created++;
      else if (changed) report.updated++;
      else report.unchanged++;
    }
  });
  return report;
}

export const listCases = cases.listCases;
/** How many cases hold a value for the attribute (asked before deleting it). */
export const attributeUse = cases.attributeUse;
export const listAttributes = cases.listAttributes;

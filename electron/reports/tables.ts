import type { TableFormat } from '../../shared/api/reports';
import { tableHtml } from '../formats/reports/html';
import { tableCsv, tableJson, type NumberTable } from '../formats/reports/tables';
import { safeFileStem } from '../formats/reports/text';
import { tableXlsx } from '../formats/reports/xlsx';
import { MIME, utf8, type Rendered } from './output';

export type { NumberTable };

/** A matrix, cross-tab or co-occurrence table in one format. */
export async function renderTable(t: NumberTable, format: TableFormat): Promise<Rendered> {
  const data = format === 'csv' ? utf8(tableCsv(t)) : format === 'json' ? utf8(tableJson(t)) : format === 'html' ? utf8(tableHtml(t)) : await tableXlsx(t);
  return { data, fileName: `${safeFileStem(t.title)}.${format}`, mime: MIME[format], rows: t.rows.length };
}

import { fireEvent, render, screen, within } from '@testing-library/react';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportsView } from '../../../renderer/views/reports';
import { catchDownloads, openStudy } from './study';

// The report's Table 1 (schools by country and phase) from the case sheet of its
// 54 schools, through the Cross-tab tab: every cell and total as in table1.json.

const CASES = join(import.meta.dirname, '..', '..', 'fixtures', 'cases');
const table1 = JSON.parse(readFileSync(join(CASES, 'table1.json'), 'utf8')) as {
  countries: Record<string, Record<string, number>>;
  totals: Record<string, number>;
};
const PHASES = ['primary', 'secondary', 'all ages', 'total'];

async function crossTab(rows: [string, string], cols: string) {
  const { client } = await openStudy({ empty: true });
  const sheet = readFileSync(join(CASES, 'nssp-54-schools.csv'));
  const report = await client['cases.importSheet']({ name: 'nssp-54-schools.csv', data: sheet.toString('base64') });
  expect(report.created).toBe(54);
  render(<ReportsView client={client} />);
  fireEvent.click(await screen.findByRole('tab', { name: 'Cross-tab' }));
  const panel = await screen.findByRole('region', { name: 'Case cross-tab' });
  fireEvent.change(within(panel).getByLabelText('Rows'), { target: { value: rows[0] } });
  fireEvent.change(within(panel).getByLabelText('then by'), { target: { value: rows[1] } });
  fireEvent.change(within(panel).getByLabelText('Columns'), { target: { value: cols } });
  fireEvent.click(within(panel).getByRole('button', { name: 'Show cross-tab' }));
  return { panel, table: await within(panel).findByRole('table') };
}

describe('Table 1 from the 54-school case sheet', () => {
  it('comes out exactly: continent and country by phase, with totals', async () => {
    const { table } = await crossTab(['continent', 'country'], 'phase');
    const header = [...within(table).getAllByRole('columnheader')].map((c) => c.textContent);
    expect(header).toEqual(['continent', 'country', 'primary', 'secondary', 'all ages', 'total']);
    const column = (phase: string) => header.indexOf(phase) - 2;
    const shown: Record<string, Record<string, number>> = {};
    for (const th of table.querySelectorAll('tbody th[scope="row"]')) {
      if (th.textContent?.startsWith('Total')) continue;
      const cells = [...th.closest('tr')!.querySelectorAll('td')].map((td) => Number(td.textContent));
      shown[th.textContent!] = Object.fromEntries(PHASES.map((p) => [p, cells[column(p)]]));
    }
    expect(shown).toEqual(table1.countries);
    const total = within(table).getByRole('rowheader', { name: 'Total (12 countries)' });
    const totals = [...total.closest('tr')!.querySelectorAll('td')].map((td) => Number(td.textContent));
    expect(Object.fromEntries(PHASES.map((p) => [p, totals[column(p)]]))).toEqual(table1.totals);
    // continents head their countries once, as in the report
    const groups = [...table.querySelectorAll('th[scope="rowgroup"]')].map((th) => [th.textContent, th.getAttribute('rowspan')]);
    expect(groups).toEqual([
      ['Africa', '5'],
      ['Asia', '3'],
      ['UK', '4'],
    ]);
    expect(within(table).getByRole('rowheader', { name: 'Sri Lanka' }).closest('tr')!.querySelector('th[scope="rowgroup"]')).toBeNull();
  });

  it('downloads the same table as CSV', async () => {
    const downloads = catchDownloads();
    const { panel } = await crossTab(['continent', 'country'], 'phase');
    fireEvent.click(within(within(panel).getByRole('group', { name: 'Export cross-tab' })).getByRole('button', { name: 'CSV' }));
    expect((await within(panel).findByRole('status')).textContent).toMatch(/^Downloaded Cases by continent × country and phase\.csv: 13 rows, /);
    const [file] = await downloads.files();
    const rows = parse(Buffer.from(file.bytes), { bom: true, columns: true, from_line: 1, relax_column_count: true }) as Record<string, string>[];
    const england = rows.find((r) => Object.values(r).includes('UK-England'))!;
    expect(england).toMatchObject({ primary: '6', secondary: '10', 'all ages': '1', total: '17' });
    const total = rows.find((r) => Object.values(r).some((v) => v.startsWith('Total')))!;
    expect(total).toMatchObject({ primary: '21', secondary: '22', 'all ages': '11', total: '54' });
  });

  it('without case attributes it says where to get them', async () => {
    const { client } = await openStudy({ empty: true });
    render(<ReportsView client={client} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Cross-tab' }));
    const panel = await screen.findByRole('region', { name: 'Case cross-tab' });
    expect(within(panel).getByText('No case attributes yet: import a case sheet in Cases.')).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: 'Show cross-tab' })).toBeNull();
  });
});

import { fireEvent, render, screen, within } from '@testing-library/react';
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportsView } from '../../../renderer/views/reports';
import { tempDir } from '../../helpers/temp';
import { openStudy } from './study';

// The Reports view over the hand-counted study (tests/reports/fixture.ts): five
// schools, one of them without documents, an observation without a case, coders
// Amina and Ben. Every number below is worked out from that fixture.

const texts = (cells: Iterable<Element>) => [...cells].map((c) => c.textContent);

async function matrixPanel() {
  render(<ReportsView client={(await openStudy()).client} />);
  fireEvent.click(await screen.findByRole('tab', { name: 'Matrix' }));
  const panel = await screen.findByRole('region', { name: 'Matrix' });
  fireEvent.click(within(panel).getByLabelText('continent'));
  fireEvent.click(within(panel).getByLabelText('phase'));
  return panel;
}

describe('Reports view', () => {
  it('shows a continent × phase matrix with its bar chart', async () => {
    const panel = await matrixPanel();
    fireEvent.click(within(panel).getByRole('button', { name: 'Show matrix' }));
    const table = await within(panel).findByRole('table', { name: 'Codes by continent × phase' });
    expect(texts(within(table).getAllByRole('columnheader'))).toEqual([
      'code',
      'Africa-primary (n=1)',
      'Africa-secondary (n=1)',
      'Asia-all ages (n=1)',
      'UK-primary (n=1)',
      'UK-secondary (n=1)',
      '(no case)',
      'total',
    ]);
    expect(texts(within(table).getAllByRole('rowheader')).map((t) => t?.trim())).toEqual([
      'Teachers',
      'Skills',
      'Pedagogy',
      'Students',
      'Knowledge',
      'Communities',
    ]);
    const row = (name: string) => texts(within(table).getByRole('rowheader', { name }).closest('tr')!.querySelectorAll('td'));
    // Students includes Knowledge: Mbale 1, Hillcrest 2, Lahore 2 (Ben and Amina)
    expect(row('Students')).toEqual(['1', '0', '2', '0', '2', '0', '5']);
    // the observation has no case: its Pedagogy segment goes to "(no case)"
    expect(row('Pedagogy')).toEqual(['0', '1', '0', '0', '0', '1', '2']);
    const chart = within(panel).getByRole('img', { name: 'coded segments by continent × phase' });
    // one bar per top-level code and column, each with its number
    expect(chart.querySelectorAll('rect')).toHaveLength(3 * 6);
    expect(chart.querySelector('rect title')?.textContent).toBe('Teachers — Africa-primary: 2');
    expect(texts(chart.querySelectorAll('.reports-value')).slice(0, 6)).toEqual(['2', '2', '0', '0', '0', '1']);
    expect(texts(within(panel).getByRole('list', { name: 'Legend' }).querySelectorAll('li')).map((t) => t?.trim())).toHaveLength(6);
  });

  it('counts cases with the code and the percentage of each group’s cases', async () => {
    const panel = await matrixPanel();
    fireEvent.click(within(panel).getByLabelText('% of the group’s cases'));
    fireEvent.click(within(panel).getByRole('button', { name: 'Show matrix' }));
    const table = await within(panel).findByRole('table');
    const row = (name: string) => texts(within(table).getByRole('rowheader', { name }).closest('tr')!.querySelectorAll('td'));
    // Communities: Kisumu (Africa-secondary) and Lahore (Asia-all ages) of 5 cases = 40%; no percentage without cases
    expect(row('Communities')).toEqual(['0%', '100%', '100%', '0%', '0%', '–', '40%']);
    expect(within(panel).getByRole('img').getAttribute('aria-label')).toBe('% of the group’s cases by continent × phase');
    fireEvent.click(within(panel).getByLabelText('cases with the code'));
    fireEvent.click(within(panel).getByRole('button', { name: 'Show matrix' }));
    await within(panel).findByText(/cells: cases with the code/);
    expect(row('Teachers')).toEqual(['1', '1', '0', '0', '0', '0', '2']);
  });

  it('narrows a matrix by its filters: Ben’s coding only, parents without their sub-codes', async () => {
    const panel = await matrixPanel();
    fireEvent.click(within(panel).getByLabelText('parents include their sub-codes'));
    fireEvent.click(within(panel).getByLabelText('Ben'));
    expect(within(panel).getByText('Filters (1 set)')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Show matrix' }));
    const table = await within(panel).findByRole('table');
    const row = (name: string) => texts(within(table).getByRole('rowheader', { name }).closest('tr')!.querySelectorAll('td'));
    expect(row('Students')).toEqual(['0', '0', '0', '0', '0', '0']);
    expect(row('Knowledge')).toEqual(['0', '0', '1', '0', '0', '1']);
    expect(row('Skills')).toEqual(['1', '0', '0', '0', '0', '1']);
  });

  it('exports coded segments with filters to the path the save dialog chose', async () => {
    const dir = tempDir();
    const chosen: string[] = [];
    const choose = async (name: string) => (chosen.push(name), join(dir, name));
    render(<ReportsView client={(await openStudy()).client} chooseSavePath={choose} />);
    const panel = await screen.findByRole('region', { name: 'Export coded segments' });
    fireEvent.click(within(panel).getByLabelText('Ben'));
    fireEvent.click(within(panel).getByLabelText('CSV (Excel, R, SPSS)'));
    fireEvent.click(within(panel).getByRole('button', { name: 'Export' }));
    const status = await within(panel).findByRole('status');
    expect(chosen).toEqual(['Coded segments.csv']);
    expect(status.textContent).toBe(`Saved 2 segments to ${join(dir, 'Coded segments.csv')}`);
    const rows = parse(readFileSync(join(dir, 'Coded segments.csv')), { bom: true, columns: true }) as { coder: string }[];
    expect(rows.map((r) => r.coder)).toEqual(['Ben', 'Ben']);
  });

  it('says why an export failed, and writes nothing when the dialog is cancelled', async () => {
    const dir = tempDir();
    let answer: string | null = 'relative/report.csv';
    render(<ReportsView client={(await openStudy()).client} chooseSavePath={async () => answer} />);
    const panel = await screen.findByRole('region', { name: 'Export coded segments' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Export' }));
    expect((await within(panel).findByRole('alert')).textContent).toBe('relative/report.csv: give an absolute path to write the export to');
    answer = join(dir, 'no such folder', 'report.docx');
    fireEvent.click(within(panel).getByRole('button', { name: 'Export' }));
    expect((await within(panel).findByRole('alert')).textContent).toBe(`${answer}: cannot write the file (the folder does not exist)`);
    answer = null;
    fireEvent.click(within(panel).getByRole('button', { name: 'Export' }));
    await within(panel).findByRole('button', { name: 'Export' });
    expect(within(panel).queryByRole('alert')).toBeNull();
    expect(within(panel).queryByRole('status')).toBeNull();
    expect(existsSync(join(dir, 'report.docx'))).toBe(false);
  });

  it('shows Table 1 style cross-tabs with totals', async () => {
    render(<ReportsView client={(await openStudy()).client} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Cross-tab' }));
    const panel = await screen.findByRole('region', { name: 'Case cross-tab' });
    fireEvent.change(within(panel).getByLabelText('Rows'), { target: { value: 'continent' } });
    fireEvent.change(within(panel).getByLabelText('Columns'), { target: { value: 'phase' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Show cross-tab' }));
    const table = await within(panel).findByRole('table');
    expect(texts(within(table).getAllByRole('columnheader'))).toEqual(['continent', 'primary', 'secondary', 'all ages', 'total']);
    const total = within(table).getByRole('rowheader', { name: 'Total (3 continents)' }).closest('tr')!;
    expect(texts(total.querySelectorAll('td'))).toEqual(['2', '2', '1', '5']);
    expect(texts(within(table).getByRole('rowheader', { name: 'UK' }).closest('tr')!.querySelectorAll('td'))).toEqual(['1', '1', '0', '2']);
  });

  it('moves between tabs with the arrow keys', async () => {
    render(<ReportsView client={(await openStudy()).client} />);
    const first = await screen.findByRole('tab', { name: 'Coded segments' });
    fireEvent.keyDown(first, { key: 'ArrowLeft' });
    expect(screen.getByRole('tab', { name: 'Codebook and exchange' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Codebook and exchange' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(first.id);
  });
});

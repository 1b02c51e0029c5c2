import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReportsView } from '../../../renderer/views/reports';
import { openStudy } from './study';

// Co-occurrence, code × coder counts and agreement per code over the study:
// Amina coded everything, Ben coded one passage at Mbale and one at Lahore.

const texts = (cells: Iterable<Element>) => [...cells].map((c) => c.textContent?.trim());
const cellsOf = (table: HTMLElement, row: string) => texts(within(table).getByRole('rowheader', { name: row }).closest('tr')!.querySelectorAll('td'));

async function tab(name: string, opts: { empty?: boolean } = {}) {
  render(<ReportsView client={(await openStudy(opts)).client} />);
  fireEvent.click(await screen.findByRole('tab', { name }));
  return screen.findByRole('region', { name });
}

describe('co-occurrence', () => {
  it('counts overlapping segments and shared speaker turns within one coder’s coding', async () => {
    const panel = await tab('Co-occurrence');
    fireEvent.click(within(panel).getByRole('button', { name: 'Show co-occurrence' }));
    const table = await within(panel).findByRole('table', { name: 'Code co-occurrence' });
    expect(texts(within(table).getAllByRole('columnheader'))).toEqual(['code', 'Skills', 'Pedagogy', 'Students', 'Knowledge', 'Communities']);
    // Kisumu: Pedagogy and Skills overlap; Hillcrest: Students and Knowledge; Ben's Skills at Mbale repeats Amina's (agreement, not co-occurrence)
    expect(cellsOf(table, 'Teachers/Skills')).toEqual(['3', '1', '0', '0', '0']);
    expect(cellsOf(table, 'Students')).toEqual(['0', '0', '1', '1', '0']);
    expect(table.querySelectorAll('td.reports-diagonal')).toHaveLength(5);
    fireEvent.click(within(panel).getByLabelText('fall in the same speaker turn'));
    fireEvent.click(within(panel).getByRole('button', { name: 'Show co-occurrence' }));
    await within(panel).findByText(/turns with both codes/);
    const turns = within(panel).getByRole('table');
    expect(cellsOf(turns, 'Teachers/Pedagogy')[0]).toBe('1');
    expect(cellsOf(turns, 'Communities').slice(0, 4)).toEqual(['0', '0', '0', '0']);
  });

  it('says so when the filters leave nothing', async () => {
    const panel = await tab('Co-occurrence');
    fireEvent.click(within(panel).getByLabelText('observation'));
    fireEvent.click(within(panel).getByLabelText('Ben'));
    fireEvent.click(within(panel).getByRole('button', { name: 'Show co-occurrence' }));
    expect(await within(panel).findByText('No coded segments match.')).toBeTruthy();
  });
});

describe('coders and agreement', () => {
  it('shows segments by code and coder with totals and a chart', async () => {
    const panel = await tab('Coders');
    const table = await within(panel).findByRole('table', { name: 'Segments by code and coder' });
    expect(texts(within(table).getAllByRole('columnheader'))).toEqual(['code', 'Amina', 'Ben', 'total']);
    expect(cellsOf(table, 'Skills')).toEqual(['2', '1', '3']);
    expect(cellsOf(table, 'Total')).toEqual(['10', '2', '12']);
    const chart = within(panel).getByRole('img', { name: 'Segments by code and coder' });
    expect(chart.querySelectorAll('rect')).toHaveLength(5 * 2);
  });

  it('charts agreement per code for two coders (Cohen’s κ) beside the table', async () => {
    const panel = await tab('Coders');
    fireEvent.click(await within(panel).findByRole('button', { name: 'Compute agreement (2 coders)' }));
    const table = await within(panel).findByRole('table', { name: 'Agreement per code' });
    expect(cellsOf(table, 'Teachers/Skills')).toEqual(['388', '100.0%', '1.000', '1.000']);
    expect(cellsOf(table, 'Students/Knowledge')).toEqual(['388', '77.6%', '-0.115', '-0.125']);
    expect(cellsOf(table, 'All codes (pooled)')).toEqual(['388', '90.7%', '0.340', '0.336']);
    const chart = within(panel).getByRole('img', { name: 'Agreement per code: Cohen’s κ' });
    expect([...chart.querySelectorAll('rect title')].map((t) => t.textContent)).toEqual([
      'Teachers/Skills — Cohen’s κ: 1.000',
      'Students/Knowledge — Cohen’s κ: -0.115',
      'Communities — Cohen’s κ: 0.000',
    ]);
    // a negative κ grows left of the zero line
    const [skills, knowledge] = [...chart.querySelectorAll('rect')];
    const zero = Number(chart.querySelector('line.reports-zero')!.getAttribute('x1'));
    expect(Number(skills.getAttribute('x'))).toBeCloseTo(zero);
    expect(Number(knowledge.getAttribute('x')) + Number(knowledge.getAttribute('width'))).toBeCloseTo(zero);
    expect(texts(chart.querySelectorAll('.reports-reference text'))).toEqual(['.67', '.80']);
  });

  it('with one coder there is no agreement to compute', async () => {
    const panel = await tab('Coders', { empty: true });
    expect(await within(panel).findByText('Nothing has been coded yet.')).toBeTruthy();
    expect(within(panel).getByText(/Agreement per code appears here once two or more coders/)).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: /Compute agreement/ })).toBeNull();
  });
});

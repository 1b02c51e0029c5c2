import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReportsView } from '../../../renderer/views/reports';
import { openStudy } from './study';

// Choosing the matrix's rows, over the hand-counted study of tests/reports/fixture.ts
// (codes Teachers › Skills, Pedagogy; Students › Knowledge; Communities).

const names = (table: HTMLElement) =>
  within(table)
    .getAllByRole('rowheader')
    .map((h) => h.textContent?.trim());

async function matrixPanel() {
  const study = await openStudy();
  render(<ReportsView client={study.client} />);
  fireEvent.click(await screen.findByRole('tab', { name: 'Matrix' }));
  const panel = await screen.findByRole('region', { name: 'Matrix' });
  fireEvent.click(within(panel).getByLabelText('continent'));
  return { panel, client: study.client };
}

const show = async (panel: HTMLElement) => {
  fireEvent.click(within(panel).getByRole('button', { name: 'Show matrix' }));
  return within(panel).findByRole('table');
};

describe('Matrix rows', () => {
  it('shows one branch, then only the codes ticked, and says how many codes are shown', async () => {
    const { panel } = await matrixPanel();
    fireEvent.click(within(panel).getByLabelText('one branch'));
    const branch = within(panel).getByRole('combobox', { name: 'Branch' });
    fireEvent.change(branch, {
      target: {
        value: within(branch)
          .getByRole('option', { name: /Students/ })
          .getAttribute('value'),
      },
    });
    const table = await show(panel);
    expect(names(table)).toEqual(['Students', 'Knowledge']);
    expect(within(panel).getByText(/2 of 6 codes shown/)).toBeTruthy();
    fireEvent.click(within(panel).getByLabelText('codes I tick'));
    const list = within(panel).getByRole('group', { name: 'Row codes' });
    fireEvent.click(within(list).getByLabelText('Communities'));
    fireEvent.click(within(list).getByLabelText('Skills'));
    // the row choice applies to the matrix on screen without counting again
    expect(names(within(panel).getByRole('table'))).toEqual(['Skills', 'Communities']);
  });

  it('hides rows with nothing in them: Ben’s coding without sub-codes in parents', async () => {
    const { panel } = await matrixPanel();
    fireEvent.click(within(panel).getByLabelText('parents include their sub-codes'));
    fireEvent.click(within(panel).getByLabelText('Ben'));
    const table = await show(panel);
    expect(names(table)).toHaveLength(6);
    fireEvent.click(within(panel).getByLabelText('hide empty rows'));
    expect(names(within(panel).getByRole('table'))).toEqual(['Skills', 'Knowledge']);
    fireEvent.click(within(panel).getByLabelText('hide empty rows'));
    expect(names(within(panel).getByRole('table'))).toHaveLength(6);
  });

  it('keeps a wide table in its own keyboard-scrollable region (the sticky code column and header are CSS on it)', async () => {
    const { panel } = await matrixPanel();
    const table = await show(panel);
    const wrap = within(panel).getByRole('region', { name: 'Matrix table (scrolls sideways)' });
    expect(wrap.contains(table)).toBe(true);
    expect(wrap.className).toBe('reports-table-wrap');
    expect(wrap.tabIndex).toBe(0);
  });

  it('counts codes in the picker as the code tree does, saying when sub-codes are included', async () => {
    const { panel, client } = await matrixPanel();
    const codes = await client['codes.list']({});
    // the tree's figure: a code's own segments plus every descendant's
    const total = (path: string) => codes.filter((c) => c.path === path || c.path.startsWith(`${path}/`)).reduce((n, c) => n + c.segments, 0);
    const teachers = codes.find((c) => c.path === 'Teachers')!;
    const skills = codes.find((c) => c.path === 'Teachers/Skills')!;
    expect(total('Teachers')).toBeGreaterThan(teachers.segments);
    fireEvent.click(within(panel).getByText('Filters'));
    const list = within(panel).getByRole('group', { name: 'Codes to include' });
    const count = (name: string) => within(list).getByLabelText(name).closest('.reports-code-row')!.querySelector('.count')!.textContent;
    expect(count('Teachers')).toBe(`${total('Teachers')} with sub-codes`);
    expect(count('Skills')).toBe(String(skills.segments));
  });
});

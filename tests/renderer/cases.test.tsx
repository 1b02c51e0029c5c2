import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CasesView } from '../../renderer/views/cases/CasesView';
import { ConfirmDialog } from '../../renderer/views/workspace/Overlays';
import { fixture, importTexts, openProject } from './views-session';

async function setup() {
  const f = await openProject();
  const kisumu = await f.client['cases.create']({ name: 'Kisumu Primary' });
  await f.client['cases.setAttribute']({ caseId: kisumu.id, attribute: 'continent', value: 'Africa' });
  await f.client['cases.create']({ name: 'Leeds High' });
  const ids = await importTexts(f.client, { 'Focus group Kisumu.txt': 'Facilitator: Hello.\nMrs Achieng: Hello again.' });
  render(
    <>
      <CasesView />
      <ConfirmDialog />
    </>,
  );
  await screen.findByTestId('cases-table');
  return { ...f, kisumu, doc: ids['Focus group Kisumu'] };
}

/** Types into a cell and leaves it, as a researcher would. */
function edit(label: string, value: string, key?: string) {
  const cell = screen.getByRole('textbox', { name: label });
  fireEvent.change(cell, { target: { value } });
  if (key) fireEvent.keyDown(cell, { key });
  fireEvent.blur(cell);
}

const attributes = async (client: Awaited<ReturnType<typeof openProject>>['client']) =>
  Object.fromEntries((await client['cases.list']({})).map((c) => [c.name, c.attributes]));

describe('Cases view', () => {
  it('renames an attribute in its header and deletes it after saying how many cases lose a value', async () => {
    const { client } = await setup();
    edit('Name of attribute continent', 'region');
    await screen.findByRole('textbox', { name: 'Name of attribute region' });
    expect((await attributes(client))['Kisumu Primary']).toEqual({ region: 'Africa' });
    fireEvent.click(screen.getByRole('button', { name: 'Delete attribute region' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('1 case loses a value for it');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete attribute' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Name of attribute region' })).toBeNull());
    expect(await client['cases.attributes']({})).toEqual([]);
    expect((await attributes(client))['Kisumu Primary']).toEqual({});
  });

  it('edits case names and attribute values in place; Escape keeps the old value', async () => {
    const { client } = await setup();
    edit('continent of Leeds High', 'Europe');
    await waitFor(async () => expect((await attributes(client))['Leeds High']).toEqual({ continent: 'Europe' }));
    edit('Name of case Kisumu Primary', 'Kisumu Lakeside Primary');
    await screen.findByRole('textbox', { name: 'Name of case Kisumu Lakeside Primary' });
    edit('continent of Kisumu Lakeside Primary', 'Asia', 'Escape');
    expect((screen.getByRole('textbox', { name: 'continent of Kisumu Lakeside Primary' }) as HTMLInputElement).value).toBe('Africa');
    expect(await attributes(client)).toEqual({ 'Kisumu Lakeside Primary': { continent: 'Africa' }, 'Leeds High': { continent: 'Europe' } });
    edit('Name of case Leeds High', '');
    expect((screen.getByRole('textbox', { name: 'Name of case Leeds High' }) as HTMLInputElement).value).toBe('Leeds High');
  });

  it('adds a case and an attribute, and deletes a case after asking', async () => {
    const { client } = await setup();
    fireEvent.change(screen.getByRole('textbox', { name: 'New case name' }), { target: { value: 'Lahore Crescent' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add case' }));
    await screen.findByRole('textbox', { name: 'Name of case Lahore Crescent' });
    fireEvent.change(screen.getByRole('textbox', { name: 'New attribute name' }), { target: { value: 'phase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add attribute' }));
    edit((await screen.findByRole('textbox', { name: 'phase of Lahore Crescent' })).getAttribute('aria-label')!, 'secondary');
    await waitFor(async () => expect((await attributes(client))['Lahore Crescent']).toEqual({ phase: 'secondary' }));
    expect((await client['cases.attributes']({})).map((a) => a.name)).toEqual(['continent', 'phase']);

    fireEvent.click(screen.getByRole('button', { name: 'Delete case Kisumu Primary' }));
    const ask = screen.getByRole('alertdialog');
    expect(within(ask).getByText(/attribute values/).textContent).toBe('Its attribute values go with it. You can undo it.');
    fireEvent.click(within(ask).getByRole('button', { name: 'Delete case' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Name of case Kisumu Primary' })).toBeNull());
    expect((await client['cases.list']({})).map((c) => c.name)).toEqual(['Lahore Crescent', 'Leeds High']);
  });

  it('imports a case sheet (CSV, then the same as Excel) and shows what it did', async () => {
    const { client } = await setup();
    const input = screen.getByTestId('case-sheet-input');
    fireEvent.change(input, { target: { files: [new File([fixture('cases', 'nssp-54-schools.csv')], 'nssp-54-schools.csv')] } });
    expect((await screen.findByTestId('case-sheet-report', {}, { timeout: 10_000 })).textContent).toBe(
      'nssp-54-schools.csv: 54 new cases, 0 updated, 0 unchanged. Attributes: continent, country, phase, location, gender, partner school, high momentum.',
    );
    await waitFor(() => expect(screen.getByTestId('cases-table').querySelectorAll('tbody tr')).toHaveLength(56));
    fireEvent.change(input, { target: { files: [new File([fixture('cases', 'nssp-54-schools.xlsx')], 'nssp-54-schools.xlsx')] } });
    await waitFor(() => expect(screen.getByTestId('case-sheet-report').textContent).toMatch(/^nssp-54-schools\.xlsx: 0 new cases, 0 updated, 54 unchanged\./), {
      timeout: 10_000,
    });
    expect(await client['cases.list']({})).toHaveLength(56);
  });

  it('says in one line why a case sheet was refused, and changes nothing', async () => {
    const { client } = await setup();
    const input = screen.getByTestId('case-sheet-input');
    fireEvent.change(input, { target: { files: [new File([fixture('transcripts', 'png-image.txt')], 'schools.xlsx')] } });
    const report = await screen.findByTestId('case-sheet-report');
    expect(report.getAttribute('role')).toBe('alert');
    expect(report.textContent).toBe('schools.xlsx: not a readable Excel workbook (the file is damaged or not .xlsx)');
    fireEvent.change(input, { target: { files: [new File([], 'empty.csv')] } });
    await waitFor(() => expect(screen.getByTestId('case-sheet-report').textContent).toBe('empty.csv: the file is empty'));
    expect(await client['cases.list']({})).toHaveLength(2);
  });

  it('assigns a document to a case and changes its kind', async () => {
    const { client, doc } = await setup();
    const table = screen.getByTestId('document-cases');
    fireEvent.change(within(table).getByRole('combobox', { name: 'Case of Focus group Kisumu' }), {
      target: { value: (await client['cases.list']({}))[0].id },
    });
    await waitFor(async () => expect((await client['documents.get']({ id: doc })).caseName).toBe('Kisumu Primary'));
    fireEvent.change(within(table).getByRole('combobox', { name: 'Kind of Focus group Kisumu' }), { target: { value: 'interview' } });
    await waitFor(async () => expect((await client['documents.get']({ id: doc })).kind).toBe('interview'));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Name of case Kisumu Primary' }).closest('tr')!.querySelector('td.num')!.textContent).toBe('1'),
    );
  });
});

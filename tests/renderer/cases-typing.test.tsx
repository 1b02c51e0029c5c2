import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useProject } from '../../renderer/store/project';
import { CasesView } from '../../renderer/views/cases/CasesView';
import { openProject } from './views-session';

// Case names, attribute names and attribute cells save while the researcher types
// (after a pause), like every other text field. The saved value comes back from the
// project and the table refreshes — the cell being typed in stays the same element,
// so the focus and the caret stay where they were.

async function setup() {
  const f = await openProject();
  const kisumu = await f.client['cases.create']({ name: 'Kisumu Primary' });
  await f.client['cases.setAttribute']({ caseId: kisumu.id, attribute: 'continent', value: 'Africa' });
  await f.client['cases.create']({ name: 'Leeds High' });
  await f.client['cases.create']({ name: 'Lahore Crescent' });
  render(<CasesView />);
  await screen.findByTestId('cases-table');
  return f;
}

const pause = () => act(() => new Promise((ok) => setTimeout(ok, 600)));
const unsent = () => Object.keys(useProject.getState().unsent).length;

/** Types `value` into the focused cell with the caret at `caret`, as one keystroke. */
function type(cell: HTMLInputElement, value: string, caret = value.length) {
  fireEvent.change(cell, { target: { value } });
  cell.setSelectionRange(caret, caret);
}

describe('Cases view: cells save while typing', () => {
  it('saves an attribute cell after a pause, keeping the same focused input and its caret', async () => {
    const { client } = await setup();
    const cell = screen.getByRole('textbox', { name: 'continent of Leeds High' }) as HTMLInputElement;
    cell.focus();
    type(cell, 'Eur');
    expect(unsent()).toBe(1); // "Saving…"
    await pause();
    await waitFor(async () => expect((await client['cases.list']({})).find((c) => c.name === 'Leeds High')!.attributes).toEqual({ continent: 'Eur' }));
    await waitFor(() => expect(useProject.getState().status).toBe('saved'));
    expect(unsent()).toBe(0);
    expect(screen.getByRole('textbox', { name: 'continent of Leeds High' })).toBe(cell);
    expect(document.activeElement).toBe(cell);
    type(cell, 'Europe', 2);
    await pause();
    await waitFor(async () => expect((await client['cases.list']({})).find((c) => c.name === 'Leeds High')!.attributes).toEqual({ continent: 'Europe' }));
    expect(document.activeElement).toBe(cell);
    expect([cell.value, cell.selectionStart]).toEqual(['Europe', 2]);
  });

  it('saves a case name and an attribute name while typing; the row stays in its place', async () => {
    const { client } = await setup();
    const name = screen.getByRole('textbox', { name: 'Name of case Kisumu Primary' }) as HTMLInputElement;
    name.focus();
    type(name, 'Zomba Primary'); // sorts last on the server: the row must not move under the fingers
    await pause();
    await waitFor(async () => expect((await client['cases.list']({})).map((c) => c.name)).toContain('Zomba Primary'));
    await screen.findByRole('textbox', { name: 'Name of case Zomba Primary' });
    expect(document.activeElement).toBe(name);
    expect([...screen.getByTestId('cases-table').querySelectorAll('tbody th input')].map((i) => (i as HTMLInputElement).value)).toEqual([
      'Zomba Primary',
      'Lahore Crescent',
      'Leeds High',
    ]);
    const attribute = screen.getByRole('textbox', { name: 'Name of attribute continent' }) as HTMLInputElement;
    attribute.focus();
    type(attribute, 'region');
    await pause();
    await waitFor(async () => expect((await client['cases.attributes']({})).map((a) => a.name)).toEqual(['region']));
    expect(document.activeElement).toBe(attribute);
  });

  it('a refused name while typing is not saved and the typed text stays in the cell', async () => {
    const { client } = await setup();
    const name = screen.getByRole('textbox', { name: 'Name of case Leeds High' }) as HTMLInputElement;
    name.focus();
    type(name, 'Lahore Crescent'); // another case's name
    await pause();
    await waitFor(() => expect(useProject.getState().problem).toMatch(/Lahore Crescent/));
    expect(name.value).toBe('Lahore Crescent');
    expect((await client['cases.list']({})).map((c) => c.name)).toEqual(['Kisumu Primary', 'Lahore Crescent', 'Leeds High']);
    act(() => name.blur()); // leaving the cell puts the stored name back
    await waitFor(() => expect(name.value).toBe('Leeds High'));
  });
});

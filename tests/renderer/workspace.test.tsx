import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { useCoding } from '../../renderer/store/coding';
import { isProvisional } from '../../renderer/store/provisional';
import { FOCUS_GROUP } from '../helpers/corpus';
import { importTexts, openProject } from './views-session';

// The coding workspace against the real services on a temp project file: apply a
// code by clicking it, undo, redo, recode from the highlight, codebook edits.

/** Selects `quote` in the transcript as a mouse would: a DOM range, then mouseup. */
function selectQuote(quote: string): void {
  const transcript = screen.getByTestId('transcript');
  const run = [...transcript.querySelectorAll<HTMLElement>('[data-end]')].find((r) => r.textContent?.includes(quote));
  if (!run) throw new Error(`"${quote}" is not shown`);
  const node = run.firstChild!;
  const at = node.textContent!.indexOf(quote);
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + quote.length);
  const sel = window.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  fireEvent.mouseUp(run);
}

/** Clicks inside a passage without selecting (a collapsed selection), picking the segments there. */
function clickAt(quote: string): void {
  const run = [...screen.getByTestId('transcript').querySelectorAll<HTMLElement>('[data-end]')].find((r) => r.textContent?.includes(quote))!;
  const range = document.createRange();
  range.setStart(run.firstChild!, run.textContent!.indexOf(quote) + 1);
  range.collapse(true);
  window.getSelection()!.removeAllRanges();
  window.getSelection()!.addRange(range);
  fireEvent.mouseUp(run);
}

/** The coding shows before its write answers: wait until every segment shown is the stored one. */
const confirmed = () => waitFor(() => expect(useCoding.getState().segments.filter((s) => isProvisional(s.id))).toEqual([]));

const highlighted = () =>
  screen
    .queryAllByTestId('highlight')
    .map((h) => h.textContent)
    .join('|');

async function workspace() {
  const fx = await openProject({ codebook: 'empty' });
  await fx.client['codes.create']({ name: 'Pedagogic changes' });
  await fx.client['codes.create']({ name: 'Skills' });
  await importTexts(fx.client, { 'Focus group - Teachers, Kisumu.txt': FOCUS_GROUP });
  render(<App />);
  await screen.findByText(/We plan lessons together/);
  return fx;
}

describe('coding workspace (jsdom, real services)', () => {
  it('shows speakers and turns of the transcript', async () => {
    await workspace();
    const transcript = screen.getByTestId('transcript');
    expect(within(transcript).getAllByText('Mrs Achieng').length).toBe(2);
    // The label is shown as the speaker, not repeated in the text.
    expect(within(transcript).getAllByTestId('turn-text')[1].textContent).toBe('We plan lessons together with our partner school in Leeds now.');
  });

  it('applies a code by clicking it, undoes and redoes it, and says it is saved', async () => {
    await workspace();
    selectQuote('plan lessons together');
    expect(await screen.findByRole('region', { name: 'Selection' })).toBeTruthy();
    fireEvent.click(screen.getByText('Pedagogic changes', { selector: '.code-name' }));
    await waitFor(() => expect(highlighted()).toBe('plan lessons together'));
    await waitFor(() => expect(screen.getByTestId('saved-indicator').dataset.status).toBe('saved'));
    expect(screen.getAllByTestId('stripe')).toHaveLength(1);
    await waitFor(() => expect(screen.getByTestId('undo')).toHaveProperty('disabled', false));
    fireEvent.click(screen.getByTestId('undo'));
    await waitFor(() => expect(highlighted()).toBe(''));
    fireEvent.click(screen.getByTestId('redo'));
    await waitFor(() => expect(highlighted()).toBe('plan lessons together'));
  });

  it('snaps a selection to whole words and codes it with a pinned number key', async () => {
    await workspace();
    const row = screen.getByText('Skills', { selector: '.code-name' }).closest('li')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Put Skills on a number key' }));
    await waitFor(() => expect(within(row).getByTestId('key-badge').textContent).toBe('1'));
    selectQuote('earnt to teach scie');
    fireEvent.keyDown(window, { key: '1' });
    await waitFor(() => expect(highlighted()).toBe('learnt to teach science'));
  });

  it('recodes and removes a segment picked from its highlight', async () => {
    await workspace();
    selectQuote('fewer resources');
    fireEvent.click(screen.getByText('Skills', { selector: '.code-name' }));
    await waitFor(() => expect(highlighted()).toBe('fewer resources'));
    await confirmed();
    clickAt('fewer resources');
    const card = await screen.findByTestId('segment-card');
    expect(card.textContent).toContain('Skills');
    fireEvent.click(within(card).getByRole('button', { name: 'Recode…' }));
    const input = await screen.findByTestId('palette-input');
    fireEvent.change(input, { target: { value: 'pedag' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('segment-card').textContent).toContain('Pedagogic changes'));
    fireEvent.click(within(screen.getByTestId('segment-card')).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(highlighted()).toBe(''));
  });

  it('creates a code in vivo from the selection, in one undoable step', async () => {
    const fx = await workspace();
    selectQuote('write letters to their friends');
    fireEvent.keyDown(window, { key: 'i', ctrlKey: true });
    await waitFor(() => expect(screen.getByText('write letters to their friends', { selector: '.code-name' })).toBeTruthy());
    await confirmed();
    expect((await fx.client['codes.list']({})).find((c) => c.name === 'write letters to their friends')?.path).toBe('In vivo/write letters to their friends');
    expect(highlighted()).toBe('write letters to their friends');
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(screen.queryByText('write letters to their friends', { selector: '.code-name' })).toBeNull());
    expect((await fx.client['codes.list']({})).map((c) => c.name)).toEqual(['Pedagogic changes', 'Skills']); // the "In vivo" group went with it
  });

  it('adds, renames and deletes a code, asking first and saying how many segments go with it', async () => {
    const fx = await workspace();
    selectQuote('school garden');
    fireEvent.click(screen.getByText('Skills', { selector: '.code-name' }));
    await waitFor(() => expect(highlighted()).toBe('school garden'));
    const row = screen.getByText('Skills', { selector: '.code-name' }).closest('li')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Add a child code to Skills' }));
    const rename = await screen.findByLabelText('Code name');
    fireEvent.change(rename, { target: { value: 'Science teaching' } });
    fireEvent.keyDown(rename, { key: 'Enter' });
    await waitFor(() => expect(document.querySelector('[data-path="Skills/Science teaching"]')).toBeTruthy());

    act(() => (row as HTMLElement).focus());
    fireEvent.keyDown(row, { key: 'Delete' });
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('2 codes and 1 coded segment');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(document.querySelector('[data-path="Skills"]')).toBeNull());
    expect(highlighted()).toBe('');
    expect((await fx.client['codes.list']({})).map((c) => c.path)).toEqual(['Pedagogic changes']);
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(document.querySelector('[data-path="Skills/Science teaching"]')).toBeTruthy());
    expect((await fx.client['segments.list']({})).length).toBe(1);
    await waitFor(() => expect(highlighted()).toBe('school garden'));
  });
});

import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCodebook } from '../../renderer/store/codebook';
import { useDocuments } from '../../renderer/store/documents';
import { useNav } from '../../renderer/store/nav';
import { MemosView } from '../../renderer/views/memos/MemosView';
import { ConfirmDialog } from '../../renderer/views/workspace/Overlays';
import { at, importTexts, loadStores, openProject } from './views-session';

const TEXT = 'Facilitator: What changed?\nMrs Achieng: We plan lessons with our partner school in Leeds.';

async function setup() {
  const f = await openProject();
  const { 'Focus group Kisumu': doc } = await importTexts(f.client, { 'Focus group Kisumu.txt': TEXT });
  const code = await f.client['codes.create']({ name: 'Partnership' });
  const segment = await f.client['segments.apply']({ documentId: doc, codeId: code.id, ...at(TEXT, 'We plan lessons'), memo: 'planning together' });
  await f.client['memos.save']({ target: 'document', targetId: doc, title: 'First read', body: 'Warm, a bit rehearsed.' });
  await loadStores();
  const view = render(
    <>
      <MemosView />
      <ConfirmDialog />
    </>,
  );
  await screen.findByRole('region', { name: 'Documents' });
  return { ...f, doc, code, segment, view };
}

const group = (name: string) => screen.getByRole('region', { name });
const field = (name: 'Title' | 'Memo') => screen.getByRole('textbox', { name });

function type(name: 'Title' | 'Memo', value: string) {
  fireEvent.change(field(name), { target: { value } });
  fireEvent.blur(field(name));
}

describe('Memos view', () => {
  it('lists memos grouped by what they are about, passage memos included', async () => {
    await setup();
    expect(within(group('Documents')).getByRole('button').textContent).toMatch(/^First readFocus group Kisumu · /);
    expect(within(group('Coded passages')).getByRole('button').textContent).toMatch(/^planning togetherPartnership in Focus group Kisumu · /);
    expect(screen.queryByRole('region', { name: 'Project' })).toBeNull();
  });

  it('writes a new project memo, saved when leaving each field, and edits it again', async () => {
    const { client } = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'New project memo' }));
    type('Title', 'Emerging themes');
    await screen.findByRole('region', { name: 'Project' });
    type('Memo', 'Reciprocity keeps coming up.');
    await waitFor(async () =>
      expect((await client['memos.list']({ target: 'project' })).map((m) => [m.title, m.body])).toEqual([['Emerging themes', 'Reciprocity keeps coming up.']]),
    );
    expect(screen.getByRole('status').textContent).toBe('Saved');
    type('Memo', 'Reciprocity, and who visits whom.');
    await waitFor(async () => expect((await client['memos.list']({ target: 'project' })).map((m) => m.body)).toEqual(['Reciprocity, and who visits whom.']));
  });

  it('starts memos on the open document and the selected code, and saves what was typed on leaving the view', async () => {
    const { client, doc, code, view } = await setup();
    await useDocuments.getState().select(doc);
    useCodebook.getState().select(code.id);
    fireEvent.click(await screen.findByRole('button', { name: 'New memo on code “Partnership”' }));
    fireEvent.change(field('Memo'), { target: { value: 'Use for two-way links only.' } });
    view.unmount();
    await waitFor(async () =>
      expect((await client['memos.list']({ target: 'code', targetId: code.id })).map((m) => m.body)).toEqual(['Use for two-way links only.']),
    );
    render(<MemosView />);
    fireEvent.click(await screen.findByRole('button', { name: 'New memo on “Focus group Kisumu”' }));
    expect(screen.getByText(/Memo on/).textContent).toContain('Focus group Kisumu');
    fireEvent.click(screen.getByRole('button', { name: 'Open document' }));
    expect(useNav.getState().target?.documentId).toBe(doc);
  });

  it('edits and clears a passage memo through its segment, and deletes a memo after asking', async () => {
    const { client, segment } = await setup();
    fireEvent.click(within(group('Coded passages')).getByRole('button'));
    expect(screen.queryByRole('textbox', { name: 'Title' })).toBeNull();
    type('Memo', 'planning together, every term');
    await waitFor(async () => expect((await client['segments.list']({})).find((s) => s.id === segment.id)?.memo).toBe('planning together, every term'));
    fireEvent.click(screen.getByRole('button', { name: 'Clear memo' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Clear memo' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Coded passages' })).toBeNull());
    expect((await client['segments.list']({}))[0].memo).toBe('');

    fireEvent.click(within(group('Documents')).getByRole('button'));
    fireEvent.click(screen.getByRole('button', { name: 'Delete memo' }));
    const ask = await screen.findByRole('alertdialog');
    expect(ask.textContent).toContain('Delete the memo “First read”?');
    fireEvent.click(within(ask).getByRole('button', { name: 'Delete memo' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Documents' })).toBeNull());
    expect(await client['memos.list']({})).toEqual([]);
  });
});

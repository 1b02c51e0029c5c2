import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useDocuments } from '../../renderer/store/documents';
import { useNav } from '../../renderer/store/nav';
import { useProject } from '../../renderer/store/project';
import { SearchView } from '../../renderer/views/search/SearchView';
import { importTexts, loadStores, openProject } from './views-session';

const KISUMU = [
  'Facilitator: What changed since the partnership began?',
  'Mrs Achieng: We plan lessons with our partner school in Leeds.',
  'Mr Otieno: Our partner school sent seeds for the garden.',
].join('\n');
const LEEDS = ['Interviewer: Tell me about the link.', 'Head: The partner school in Kisumu writes every term.'].join('\n');

async function setup() {
  const f = await openProject();
  const ids = await importTexts(f.client, { 'Focus group Kisumu.txt': KISUMU, 'Interview Leeds.txt': LEEDS });
  const code = await f.client['codes.create']({ name: 'Partnership' });
  await f.client['codes.create']({ name: 'Curriculum' });
  await loadStores();
  return { ...f, ids, code };
}

async function search(query: string) {
  fireEvent.change(screen.getByRole('searchbox', { name: 'Search the transcripts' }), { target: { value: query } });
  fireEvent.click(screen.getByRole('button', { name: 'Search' }));
  return screen.findByTestId('search-summary');
}

describe('Search view', () => {
  it('lists hits with context, document and speaker, and a hit opens its passage', async () => {
    const { ids } = await setup();
    render(<SearchView />);
    expect((await search('Partner School')).textContent).toBe('3 hits for “Partner School” in 2 documents');
    const hits = within(screen.getByTestId('search-hits')).getAllByRole('listitem');
    expect(hits).toHaveLength(3);
    const first = hits.find((h) => h.textContent!.includes('Leeds.'))!;
    expect(first.querySelector('mark')!.textContent).toBe('partner school');
    expect(first.textContent).toContain('Mrs Achieng');
    expect(first.textContent).toContain('Focus group Kisumu');
    fireEvent.click(within(first).getByRole('button'));
    const target = useNav.getState().target!;
    expect(target.documentId).toBe(ids['Focus group Kisumu']);
    expect(KISUMU.slice(target.start, target.end)).toBe('partner school');
    expect(useNav.getState().view).toBe('code');
  });

  it('codes all ticked hits with the chosen code, as one undoable action', async () => {
    const { client, code } = await setup();
    render(<SearchView />);
    await search('partner school');
    const hits = within(screen.getByTestId('search-hits')).getAllByRole('listitem');
    fireEvent.click(within(hits[2]).getByRole('checkbox'));
    fireEvent.change(screen.getByTestId('code-all-select'), { target: { value: code.id } });
    fireEvent.click(screen.getByRole('button', { name: 'Code 2 hits' }));
    expect((await screen.findByText(/^Coded 2 hits/)).textContent).toBe('Coded 2 hits with “Partnership” (2 coded segments).');
    const coded = await client['segments.retrieve']({ codeIds: [code.id] });
    expect(coded.map((s) => s.text)).toEqual(['partner school', 'partner school']);
    expect((await client['history.state']({})).undo).toBe('Code 2 passages with "Partnership"');
  });

  it('spreads each hit to its sentence or its turn when asked, one passage per sentence or turn', async () => {
    const { client, code } = await setup();
    render(<SearchView />);
    await search('partner OR seeds');
    fireEvent.change(screen.getByTestId('code-all-select'), { target: { value: code.id } });
    fireEvent.change(screen.getByTestId('code-all-unit'), { target: { value: 'turn' } });
    fireEvent.click(screen.getByRole('button', { name: 'Code 5 hits' }));
    expect((await screen.findByText(/^Coded 5 hits/)).textContent).toBe('Coded 5 hits spread to 4 turns with “Partnership” (4 coded segments).');
    const coded = await client['segments.retrieve']({ codeIds: [code.id] });
    expect(coded.map((s) => s.text).sort()).toEqual(
      [
        'Our partner school sent seeds for the garden.',
        'The partner school in Kisumu writes every term.',
        'We plan lessons with our partner school in Leeds.',
        'What changed since the partnership began?',
      ].sort(),
    );
  });

  it('searches only the open document when asked, and says when nothing matches', async () => {
    const { ids } = await setup();
    await useDocuments.getState().select(ids['Interview Leeds']);
    render(<SearchView />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Only in “Interview Leeds”/ }));
    expect((await search('partner school')).textContent).toBe('1 hit for “partner school” in 1 document');
    expect((await search('!!! ???')).textContent).toBe('No hits for “!!! ???” in this document.');
    expect(screen.queryByTestId('code-all-select')).toBeNull();
  });

  it('does not code anything until a code is chosen', async () => {
    const { client } = await setup();
    render(<SearchView />);
    expect((await search('partner')).textContent).toBe('4 hits for “partner” in 2 documents'); // "partnership" too
    const button = screen.getByRole('button', { name: 'Code 4 hits' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(button);
    await waitFor(async () => expect(await client['segments.list']({})).toEqual([]));
  });

  it('forgets the last search when another project opens', async () => {
    const { client } = await setup();
    useProject.setState({ info: await client['project.info']({}) });
    render(<SearchView />);
    await search('partner');
    expect(screen.getByTestId('search-hits').children).toHaveLength(4);
    const other = (await client['project.info']({}))!;
    act(() => useProject.setState({ info: { ...other, id: 'another-project' } }));
    expect(screen.queryByTestId('search-hits')).toBeNull();
    expect((screen.getByRole('searchbox', { name: 'Search the transcripts' }) as HTMLInputElement).value).toBe('');
  });
});

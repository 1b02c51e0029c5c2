import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCodebook } from '../../renderer/store/codebook';
import { useNav } from '../../renderer/store/nav';
import { SegmentsView } from '../../renderer/views/segments/SegmentsView';
import { at, importTexts, loadStores, openProject } from './views-session';

const KISUMU = [
  'Facilitator: What changed since the partnership began?',
  'Mrs Achieng: We plan lessons with our partner school in Leeds.',
  'Mr Otieno: Two teachers visited Leeds last spring.',
].join('\n');
const LEEDS = [
  'Interviewer: Tell me about the link.',
  'Head: The partner school in Kisumu writes every term.',
  'Head: Our science scheme now uses their garden project.',
].join('\n');

async function setup() {
  const f = await openProject();
  const { client } = f;
  const kisumuCase = await client['cases.create']({ name: 'Kisumu Primary' });
  const leedsCase = await client['cases.create']({ name: 'Leeds High' });
  await client['cases.setAttribute']({ caseId: kisumuCase.id, attribute: 'continent', value: 'Africa' });
  await client['cases.setAttribute']({ caseId: leedsCase.id, attribute: 'continent', value: 'Europe' });
  const { 'Focus group Kisumu': kisumu } = await importTexts(client, { 'Focus group Kisumu.txt': KISUMU }, { caseName: 'Kisumu Primary' });
  const { 'Interview Leeds': leeds } = await importTexts(client, { 'Interview Leeds.txt': LEEDS }, { caseName: 'Leeds High' });
  const partnership = await client['codes.create']({ name: 'Partnership' });
  const visits = await client['codes.create']({ name: 'Visits', parentId: partnership.id });
  const curriculum = await client['codes.create']({ name: 'Curriculum' });
  await client['segments.apply']({
    documentId: kisumu,
    codeId: partnership.id,
    ...at(KISUMU, 'We plan lessons with our partner school in Leeds.'),
    memo: 'joint planning',
  });
  await client['segments.apply']({ documentId: kisumu, codeId: visits.id, ...at(KISUMU, 'Two teachers visited Leeds last spring.') });
  await client['segments.apply']({ documentId: leeds, codeId: curriculum.id, ...at(LEEDS, 'Our science scheme now uses their garden project.') });
  await client['project.setCoder']({ name: 'Ben' });
  await client['segments.apply']({ documentId: leeds, codeId: partnership.id, ...at(LEEDS, 'The partner school in Kisumu writes every term.') });
  await loadStores();
  return { ...f, kisumu, leeds, partnership, visits, curriculum };
}

const count = () => screen.getByTestId('segments-count').textContent;
// (a CSS query: role queries over hundreds of rows are slow in jsdom)
const rows = () => [...screen.getByTestId('segment-rows').querySelectorAll<HTMLElement>(':scope > li')];
const pick = (label: string, value: string) => fireEvent.change(screen.getByRole('combobox', { name: label }), { target: { value } });

describe('Coded segments view', () => {
  it('recodes and uncodes from the list, each one undo step', async () => {
    const { client, partnership, curriculum } = await setup();
    useNav.getState().showSegments(partnership.id);
    render(<SegmentsView />);
    await waitFor(() => expect(count()).toBe('3 coded segments in 2 documents · Partnership and sub-codes'));
    const row = () => rows().find((r) => r.textContent!.includes('joint planning'))!;
    fireEvent.change(within(row()).getByRole('combobox', { name: /^Recode “We plan lessons/ }), { target: { value: curriculum.id } });
    await waitFor(() => expect(count()).toBe('2 coded segments in 2 documents · Partnership and sub-codes'));
    expect((await client['history.state']({})).undo).toBe('Recode passage');
    const visits = rows().find((r) => r.textContent!.includes('Two teachers'))!;
    fireEvent.click(within(visits).getByRole('button', { name: /^Uncode “Two teachers/ }));
    await waitFor(() => expect(count()).toBe('1 coded segment in 1 document · Partnership and sub-codes'));
    expect((await client['history.state']({})).undo).toBe('Remove coding "Visits"');
    const left = await client['segments.retrieve']({ codeIds: [curriculum.id] });
    expect(left.map((s) => s.text).sort()).toEqual(['Our science scheme now uses their garden project.', 'We plan lessons with our partner school in Leeds.']);
  });

  it('opens at the code asked for, with its sub-codes, and each row shows where it is from', async () => {
    const { partnership } = await setup();
    useNav.getState().showSegments(partnership.id);
    render(<SegmentsView />);
    await waitFor(() => expect(count()).toBe('3 coded segments in 2 documents · Partnership and sub-codes'));
    const row = rows().find((r) => r.textContent!.includes('joint planning'))!;
    expect(row.querySelector('mark')!.textContent).toBe('We plan lessons with our partner school in Leeds.');
    for (const part of ['Partnership', 'Focus group Kisumu', 'Kisumu Primary', 'Mrs Achieng', 'coded by Amina', 'Mrs Achieng: '])
      expect(row.textContent).toContain(part);
    // the context stays in Mrs Achieng's turn: neither the facilitator's question before it nor Mr Otieno after it
    expect(row.textContent).not.toContain('What changed since');
    expect(row.textContent).not.toContain('Mr Otieno');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Include sub-codes' }));
    await waitFor(() => expect(count()).toBe('2 coded segments in 2 documents · Partnership'));
    expect(rows().map((r) => r.querySelector('.result-code')!.textContent)).toEqual(['Partnership', 'Partnership']);
  });

  it('waits for a code, takes the one selected in the codebook, or all codes when asked', async () => {
    const { visits } = await setup();
    render(<SegmentsView />);
    expect(screen.getByText('Choose a code to see everything coded with it (or all codes).')).toBeTruthy();
    expect(screen.queryByTestId('segment-rows')).toBeNull();
    act(() => useCodebook.getState().select(visits.id));
    await waitFor(() => expect(count()).toBe('1 coded segment in 1 document · Partnership/Visits and sub-codes'));
    pick('Code', '*');
    await waitFor(() => expect(count()).toBe('4 coded segments in 2 documents'));
  });

  it('filters by case attribute, document kind, speaker and coder', async () => {
    await setup();
    render(<SegmentsView />);
    pick('Code', '*');
    await waitFor(() => expect(count()).toBe('4 coded segments in 2 documents'));
    pick('continent', 'Africa');
    await waitFor(() => expect(count()).toBe('2 coded segments in 1 document'));
    pick('continent', '');
    pick('Document kind', 'interview');
    await waitFor(() => expect(count()).toBe('2 coded segments in 1 document'));
    pick('Speaker', 'Head');
    pick('Coder', (await screen.findByRole('option', { name: 'Ben' })).getAttribute('value')!);
    await waitFor(() => expect(count()).toBe('1 coded segment in 1 document'));
    expect(rows()[0].textContent).toContain('The partner school in Kisumu writes every term.');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(count()).toBe('4 coded segments in 2 documents'));
  });

  it('jumps from a row to its passage in the transcript', async () => {
    const { curriculum, leeds } = await setup();
    useNav.getState().showSegments(curriculum.id);
    render(<SegmentsView />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(rows()[0].querySelector<HTMLElement>('.result-open')!);
    const { view, target } = useNav.getState();
    expect(view).toBe('code');
    expect(target?.documentId).toBe(leeds);
    expect(LEEDS.slice(target!.start, target!.end)).toBe('Our science scheme now uses their garden project.');
  });

  it('shows thousands of segments a page at a time', async () => {
    const { client } = await openProject();
    const text = Array.from({ length: 1200 }, (_, i) => `Speaker ${i % 7}: line ${i} of a very long workshop.`).join('\n');
    const { Workshop: doc } = await importTexts(client, { 'Workshop.txt': text });
    const code = await client['codes.create']({ name: 'Everything' });
    const passages = text.split('\n').map((line, i, all) => ({ documentId: doc, start: all.slice(0, i).join('\n').length + (i ? 1 : 0), end: 0, line }));
    await client['segments.applyMany']({
      codeId: code.id,
      passages: passages.map((p) => ({ documentId: p.documentId, start: p.start, end: p.start + p.line.length })),
    });
    await loadStores();
    useNav.getState().showSegments(code.id);
    render(<SegmentsView />);
    await waitFor(() => expect(count()).toBe('1,200 coded segments in 1 document · Everything and sub-codes'), { timeout: 10_000 });
    expect(rows()).toHaveLength(200);
    fireEvent.click(screen.getByText('Show 200 more (1,000 segments not shown)'));
    expect(rows()).toHaveLength(400);
    expect(rows()[399].querySelector('mark')!.textContent).toBe('Speaker 0: line 399 of a very long workshop.');
  });
});

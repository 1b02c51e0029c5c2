import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeClient } from '../../shared/api';
import { callMethod } from '../../electron/handlers';
import { closeSession, createSession, openInSession } from '../../electron/project/session';
import { TeamView } from '../../renderer/views/team/TeamView';
import { useTeam } from '../../renderer/views/team/teamStore';
import { tempDir } from '../helpers/temp';
import { at, importTexts, openProject } from './views-session';

// The reliability report in the Team view: every coefficient, a chosen one colours
// the table, 95 % intervals, a per-document breakdown, and any cell opens the
// disagreements (in that document, from the breakdown).

const FG =
  'Facilitator: What changed in your teaching?\nMrs Achieng: We plan lessons together with our partner school in Leeds now.\nMr Otieno: I learnt to teach science with fewer resources.\n';
const IV = 'Interviewer: How did the partnership start?\nHeadteacher: A teacher from Mbale visited us in 2007 and we wrote letters.\n';

async function codeInCopy(path: string, text: string, quotes: string[], codeId: string, documentId: string) {
  const s = createSession({ settingsFolder: tempDir(), defaultFolder: tempDir() });
  openInSession(s, path);
  const client = makeClient((m, i) => callMethod(s, m, i));
  for (const q of quotes) await client['segments.apply']({ documentId, codeId, ...at(text, q) });
  closeSession(s);
}

async function setup() {
  const f = await openProject();
  const dir = tempDir();
  const docs = await importTexts(f.client, { 'Focus group.txt': FG, 'Interview.txt': IV });
  const code = await f.client['codes.create']({ name: 'Partnership' });
  const ben = join(dir, 'ben.fieldcode');
  const cai = join(dir, 'cai.fieldcode');
  await f.client['team.coderCopy']({ coder: 'Ben', out: ben });
  await f.client['team.coderCopy']({ coder: 'Cai', out: cai });
  await codeInCopy(ben, FG, ['We plan lessons together with our partner school in Leeds now.'], code.id, docs['Focus group']);
  await codeInCopy(cai, FG, ['We plan lessons together', 'I learnt to teach science'], code.id, docs['Focus group']);
  await codeInCopy(ben, IV, ['A teacher from Mbale visited us'], code.id, docs.Interview);
  await codeInCopy(cai, IV, ['A teacher from Mbale visited us in 2007'], code.id, docs.Interview);
  await f.client['team.merge']({ paths: [ben, cai] });
  return { ...f, docs, code };
}

const header = (table: HTMLElement) => [...table.querySelectorAll('thead th')].map((th) => th.textContent);
const coloured = (row: HTMLElement) => [...row.querySelectorAll('td')].map((td) => (td as HTMLElement).style.background !== '');

describe('the reliability report in the Team view', () => {
  it('shows every coefficient, colours the chosen one, adds intervals and a per-document breakdown, and opens disagreements from any cell', async () => {
    const { client, docs } = await setup();
    useTeam.getState().setTab('agreement');
    render(<TeamView />);
    const table = await screen.findByTestId('agreement-table');
    expect(header(table)).toEqual(['Code', 'Characters', '% agreement', 'Cohen’s κ', 'Krippendorff’s α', 'Gwet’s AC1', 'Brennan–Prediger', 'Unitizing αU']);
    const row = within(table).getByRole('button', { name: 'Partnership' }).closest('tr')!;
    expect(coloured(row)).toEqual([false, false, false, true, false, false, false]);
    fireEvent.change(screen.getByRole('combobox', { name: 'Colour by' }), { target: { value: 'ac1' } });
    expect(coloured(within(screen.getByTestId('agreement-table')).getByRole('button', { name: 'Partnership' }).closest('tr')!)).toEqual([
      false,
      false,
      false,
      false,
      true,
      false,
      false,
    ]);

    fireEvent.click(screen.getByRole('checkbox', { name: '95 % intervals' }));
    await waitFor(() => expect(header(screen.getByTestId('agreement-table'))).toContain('α 95 % CI'));
    const r = await client['team.agreement']({ ci: 1000, seed: 1 });
    const cells = [...within(screen.getByTestId('agreement-table')).getByRole('button', { name: 'Partnership' }).closest('tr')!.querySelectorAll('td')].map(
      (td) => td.textContent,
    );
    expect(cells[7]).toBe(`[${r.codes[0].ci!.alpha![0].toFixed(3)}, ${r.codes[0].ci!.alpha![1].toFixed(3)}]`);
    expect(screen.getByTestId('unitizing-summary').textContent).toMatch(/1,000 bootstrap resamples of documents, seed 1/);

    // any cell, not only the code's name, opens the disagreements
    fireEvent.click(within(screen.getByTestId('agreement-table')).getByRole('button', { name: 'Partnership' }).closest('tr')!.querySelectorAll('td')[5]);
    await waitFor(() => expect(screen.getByTestId('disagreements-count').textContent).toBe('3 passages, 0 resolved'));

    fireEvent.click(screen.getByRole('checkbox', { name: 'per document' }));
    const breakdown = await screen.findByTestId('agreement-per-document');
    fireEvent.click(within(breakdown).getByRole('button', { name: 'Interview' }));
    const inInterview = within(breakdown).getByRole('table', { name: 'Agreement per code in Interview' });
    fireEvent.click(within(inInterview).getByRole('button', { name: 'Partnership' }).closest('tr')!.querySelectorAll('td')[3]);
    await waitFor(() => expect(screen.getByTestId('disagreements-count').textContent).toBe('1 passage, 0 resolved'));
    const passages = await client['team.disagreements']({ codeId: r.codes[0].codeId!, documentIds: [docs.Interview] });
    expect(passages).toHaveLength(1);
  });

  it('draws a reliability sample and computes agreement on it alone', async () => {
    await setup();
    useTeam.getState().setTab('agreement');
    render(<TeamView />);
    await screen.findByTestId('agreement-table');
    const form = screen.getByRole('form', { name: 'Draw a reliability sample' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Sample name' }), { target: { value: 'Pilot' } });
    fireEvent.change(within(form).getByRole('spinbutton', { name: 'Sample size' }), { target: { value: '1' } });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Sample size in' }), { target: { value: 'documents' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Draw sample' }));
    expect((await screen.findByTestId('reliability-status')).textContent).toMatch(/^Drew “Pilot”: 1 document, seed \d+\.$/);
    await waitFor(() =>
      expect(screen.getByTestId('agreement-summary').textContent).toBe(
        'Agreement of Ben, Cai on 1 document coded by two or more of them; unit: characters; sample “Pilot”',
      ),
    );
  });
});

import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeClient } from '../../shared/api';
import { callMethod } from '../../electron/handlers';
import { closeSession, createSession, openInSession } from '../../electron/project/session';
import { useNav } from '../../renderer/store/nav';
import { TeamView } from '../../renderer/views/team/TeamView';
import { useTeam } from '../../renderer/views/team/teamStore';
import { tempDir } from '../helpers/temp';
import { at, importTexts, openProject } from './views-session';

const FG =
  'Facilitator: What changed in your teaching?\nMrs Achieng: We plan lessons together with our partner school in Leeds now.\nMr Otieno: I learnt to teach science with fewer resources.\n';

/** Renames a code in a coder's copy through its own session. */
async function renameInCopy(path: string, id: string, name: string) {
  const s = createSession({ settingsFolder: tempDir(), defaultFolder: tempDir() });
  openInSession(s, path);
  await makeClient((m, i) => callMethod(s, m, i))['codes.update']({ id, name });
  closeSession(s);
}

/** Codes in a coder's copy through its own session, as the coder's app would, then closes it. */
async function codeInCopy(path: string, quotes: string[], codeId: string, documentId: string) {
  const s = createSession({ settingsFolder: tempDir(), defaultFolder: tempDir() });
  openInSession(s, path);
  const client = makeClient((m, i) => callMethod(s, m, i));
  for (const q of quotes) await client['segments.apply']({ documentId, codeId, ...at(FG, q) });
  closeSession(s);
}

async function setup() {
  const f = await openProject();
  const dir = tempDir();
  const { 'Focus group': doc } = await importTexts(f.client, { 'Focus group.txt': FG });
  const code = await f.client['codes.create']({ name: 'Partnership' });
  const ben = join(dir, 'ben.fieldcode');
  const cai = join(dir, 'cai.fieldcode');
  await f.client['team.coderCopy']({ coder: 'Ben', out: ben });
  await f.client['team.coderCopy']({ coder: 'Cai', out: cai });
  await codeInCopy(ben, ['We plan lessons together with our partner school in Leeds now.'], code.id, doc);
  await codeInCopy(cai, ['We plan lessons together', 'I learnt to teach science'], code.id, doc);
  return { ...f, dir, doc, code, ben, cai };
}

describe('Team view', () => {
  it('merges coder copies after a dry run, and logs the merge', async () => {
    const { client, dir, ben, cai } = await setup();
    render(<TeamView />);
    const textbox = screen.getByRole('textbox', { name: 'Project files to merge, one path per line' });
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'not a project');
    fireEvent.change(textbox, { target: { value: notes } });
    fireEvent.click(screen.getByRole('button', { name: 'Check (dry run)' }));
    expect((await screen.findByRole('alert')).textContent).toBe('notes.txt: not a Fieldcode project (not an SQLite database)');

    fireEvent.change(textbox, { target: { value: `${ben}\n"${cai}"\n\n` } });
    fireEvent.click(screen.getByRole('button', { name: 'Check (dry run)' }));
    const preview = await screen.findByTestId('merge-preview');
    expect(within(preview).getByRole('status').textContent).toBe('A merge would bring in 2 new coders and 3 new coded segments; no conflicts.');
    expect(preview.textContent).toContain('ben.fieldcode — coder copy for Ben');
    expect((await client['segments.list']({})).length).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Merge 2 files' }));
    const report = await screen.findByTestId('merge-report');
    expect(within(report).getByRole('status').textContent).toBe('Merged: 2 new coders and 3 new coded segments; no conflicts.');
    expect(report.textContent).toMatch(/Backup before the merge: .*\.fieldcode/);
    expect((await client['segments.list']({})).length).toBe(3);
    const log = await screen.findByTestId('merge-log');
    expect([...log.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(expect.arrayContaining(['ben.fieldcode', 'cai.fieldcode']));
    const coders = screen.getByTestId('coders-table');
    await waitFor(() => expect(within(coders).getByRole('rowheader', { name: 'Cai' }).closest('tr')!.querySelectorAll('td')[0].textContent).toBe('2'));
  });

  it('lists conflicts with the version kept', async () => {
    const { ben, cai, code } = await setup();
    await renameInCopy(ben, code.id, 'Partnerships');
    await renameInCopy(cai, code.id, 'School links');
    render(<TeamView />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Project files to merge, one path per line' }), { target: { value: `${ben}\n${cai}` } });
    fireEvent.click(screen.getByRole('button', { name: 'Check (dry run)' }));
    const preview = await screen.findByTestId('merge-preview');
    const conflicts = within(preview).getByRole('region', { name: 'Conflicts' });
    expect(within(preview).getByRole('status').textContent).toBe(
      'A merge would bring in 2 new coders, 3 new coded segments and 2 changed codes; 1 conflict (listed below).',
    );
    expect(within(conflicts).getByRole('listitem').textContent).toBe(
      'School links (codes, cai.fieldcode): changed in both files; the copy’s newer version is kept.name: “Partnerships” here, “School links” in the copy',
    );
  });

  it('hands out a coder copy, and refuses to overwrite a file', async () => {
    const { dir } = await setup();
    render(<TeamView />);
    const out = join(dir, 'dee.fieldcode');
    fireEvent.change(screen.getByRole('textbox', { name: 'Coder copy for' }), { target: { value: 'Dee' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Save the copy as' }), { target: { value: out } });
    const form = screen.getByRole('form', { name: 'Make a coder copy' });
    fireEvent.click(within(form).getByRole('button', { name: 'Make coder copy' }));
    expect((await within(form).findByRole('status')).textContent).toBe(`Wrote ${out} for Dee: 1 document, 0 coded segments.`);
    fireEvent.click(within(form).getByRole('button', { name: 'Make coder copy' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('dee.fieldcode: a file with this name already exists; choose another name');
  });

  it('shows agreement per code, opens the disagreements and resolves one into the consensus', async () => {
    const { client, ben, cai, doc } = await setup();
    await client['team.merge']({ paths: [ben, cai] });
    useTeam.getState().setTab('agreement');
    render(<TeamView />);
    expect((await screen.findByTestId('agreement-summary')).textContent).toBe(
      'Agreement of Ben, Cai on 1 document coded by two or more of them; unit: characters',
    );
    const table = screen.getByTestId('agreement-table');
    const row = within(table).getByRole('button', { name: 'Partnership' }).closest('tr')!;
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
    const r = await client['team.agreement']({});
    const c = r.codes[0];
    expect(cells).toEqual([
      String(FG.length),
      `${(c.percentAgreement! * 100).toFixed(1)}%`,
      ...[c.kappa, c.alpha, c.ac1, c.bp, c.uAlpha].map((v) => v!.toFixed(3)),
    ]);
    expect((row.querySelectorAll('td')[3] as HTMLElement).style.background).not.toBe('');
    expect(within(table).getByRole('rowheader', { name: 'All codes (pooled)' })).toBeTruthy();

    fireEvent.click(within(table).getByRole('button', { name: 'Partnership' }));
    await waitFor(() => expect(screen.getByTestId('disagreements-count').textContent).toBe('2 passages, 0 resolved'));
    const [first, second] = screen.getAllByRole('listitem', { name: /^Focus group, characters \d+–\d+$/ });
    expect(within(second).getByRole('group', { name: 'Ben' }).textContent).toBe('Ben— not coded —');
    expect(within(first).getByRole('group', { name: 'Ben' }).querySelector('mark')!.textContent).toBe(
      'We plan lessons together with our partner school in Leeds now.',
    );
    expect(within(first).getByRole('group', { name: 'Cai' }).querySelector('mark')!.textContent).toBe('We plan lessons together');
    fireEvent.click(within(first).getByRole('button', { name: 'Keep Ben' }));
    await waitFor(() => expect(screen.getByTestId('disagreements-count').textContent).toBe('2 passages, 1 resolved'));
    const consensus = (await client['team.coders']({})).find((c) => c.consensus)!;
    const kept = await client['segments.list']({ coderIds: [consensus.id] });
    expect(kept.map((s) => FG.slice(s.start, s.end))).toEqual(['We plan lessons together with our partner school in Leeds now.']);

    fireEvent.click(within(screen.getAllByRole('listitem', { name: /^Focus group, characters/ })[0]).getByRole('button', { name: 'Go to passage' }));
    expect(useNav.getState().target?.documentId).toBe(doc);
  });

  it('says why agreement cannot be computed yet, and recomputes per speaker turn', async () => {
    const { client, ben, cai } = await setup();
    useTeam.getState().setTab('agreement');
    render(<TeamView />);
    expect((await screen.findByRole('alert')).textContent).toBe('agreement compares two or more coders, and nobody has coded in this project');
    await client['team.merge']({ paths: [ben, cai] });
    fireEvent.click(screen.getByRole('radio', { name: 'speaker turns' }));
    await waitFor(() =>
      expect(screen.getByTestId('agreement-summary').textContent).toBe('Agreement of Ben, Cai on 1 document coded by two or more of them; unit: speaker turns'),
    );
    expect(within(screen.getByTestId('agreement-table')).getByRole('button', { name: 'Partnership' }).closest('tr')!.querySelector('td')!.textContent).toBe(
      '3',
    );
  });
});

import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeClient } from '../../shared/api';
import { callMethod } from '../../electron/handlers';
import { closeSession, createSession, openInSession } from '../../electron/project/session';
import { useRevision } from '../../renderer/store/revision';
import { TeamView } from '../../renderer/views/team/TeamView';
import { useTeam } from '../../renderer/views/team/teamStore';
import { tempDir } from '../helpers/temp';
import { at, importTexts, loadStores, openProject } from './views-session';

// The Team view with fewer than two coders says what to do next, and stops saying
// it once coder copies have been merged back.

const FG = 'Facilitator: What changed?\nMrs Achieng: We plan lessons together now.\n';

async function project() {
  const f = await openProject();
  const { 'Focus group': doc } = await importTexts(f.client, { 'Focus group.txt': FG });
  const code = await f.client['codes.create']({ name: 'Partnership' });
  await loadStores();
  return { ...f, doc, code };
}

describe('Team view with one coder', () => {
  it('says what to do next, on both tabs, while the forms stay usable', async () => {
    const { client } = await project();
    const me = (await client['team.coders']({})).filter((c) => !c.consensus);
    expect(me).toHaveLength(1);
    useTeam.getState().setTab('merge');
    render(<TeamView />);
    const start = await screen.findByTestId('team-start');
    expect(within(start).getByRole('heading').textContent).toBe('Working as a team needs two or more coders');
    expect(start.textContent).toContain(`This project has one coder, ${me[0].name}.`);
    expect(within(within(start).getByRole('list', { name: 'What to do next' })).getAllByRole('listitem')).toHaveLength(3);
    // the next steps are right there
    expect(screen.getByRole('form', { name: 'Make a coder copy' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Project files to merge, one path per line' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Agreement' }));
    fireEvent.click(within(screen.getByTestId('team-start')).getByRole('button', { name: 'Make coder copies and merge' }));
    expect(screen.getByRole('tab', { name: 'Coders and merging' }).getAttribute('aria-selected')).toBe('true');
  });

  it('is gone once two coders’ copies are merged in', async () => {
    const { client, doc, code } = await project();
    const dir = tempDir();
    const paths = [join(dir, 'ben.fieldcode'), join(dir, 'cai.fieldcode')];
    for (const [i, coder] of ['Ben', 'Cai'].entries()) {
      await client['team.coderCopy']({ coder, out: paths[i] });
      const s = createSession({ settingsFolder: tempDir(), defaultFolder: tempDir() });
      openInSession(s, paths[i]);
      await makeClient((m, x) => callMethod(s, m, x))['segments.apply']({ documentId: doc, codeId: code.id, ...at(FG, 'We plan lessons') });
      closeSession(s);
    }
    useTeam.getState().setTab('merge');
    render(<TeamView />);
    await screen.findByTestId('team-start');
    await client['team.merge']({ paths });
    // the app bumps the revision after every write; the view fetches again
    act(() => useRevision.getState().bump());
    await waitFor(() => expect(screen.queryByTestId('team-start')).toBeNull());
    expect(within(screen.getByTestId('coders-table')).getByRole('rowheader', { name: 'Cai' })).toBeTruthy();
  });
});

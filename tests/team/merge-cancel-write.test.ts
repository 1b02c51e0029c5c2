import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callMethod } from '../../electron/handlers';
import { applyCodeToMany } from '../../electron/coding/coding';
import { closeSession, createSession, openInSession, type Session } from '../../electron/project/session';
import { coderCopy } from '../../electron/team/coder-copy';
import { closeProject } from '../../electron/store/db';
import { Cancelled } from '../../shared/progress';
import type { MergeReport } from '../../shared/api/team';
import { cancelWhileWriting, dumpOnDisk } from '../helpers/cancel';
import { watchProgress } from '../../electron/project/operations';
import { tempDir } from '../helpers/temp';
import { makeMaster, open } from './helpers';

// A cancel that arrives while the merge's one write transaction runs (from a timer,
// as the bridge or the worker delivers it) rolls the merge back: no coding, no
// merge-log row, and the lead's undo steps are still there.

/** A master and three coders' copies with 800 codings each: a write of several chunks. */
async function masterAndCopies(): Promise<{ dir: string; path: string; copies: string[] }> {
  const dir = tempDir();
  const master = await makeMaster(dir);
  const copies = ['amina', 'ben', 'chidi'].map((name, k) => {
    const path = join(dir, `${name}.fieldcode`);
    coderCopy(master, path, name);
    const copy = open(path);
    const docs = copy.db.prepare('SELECT id, chars FROM documents ORDER BY name').all() as { id: string; chars: number }[];
    const codes = copy.db.prepare('SELECT id FROM codes WHERE parent_id IS NOT NULL ORDER BY name LIMIT 40').pluck().all() as string[];
    for (const [c, codeId] of codes.entries()) {
      const passages = Array.from({ length: 20 }, (_, i) => {
        const d = docs[(i + c) % docs.length];
        const start = (i * 7 + c + k) % (d.chars - 12);
        return { documentId: d.id, start, end: start + 5 + (i % 7) };
      });
      applyCodeToMany(copy, codeId, passages, name);
    }
    closeProject(copy);
    return path;
  });
  closeProject(master);
  return { dir, path: join(dir, 'master.fieldcode'), copies };
}

function openMaster(dir: string, path: string): Session {
  const s = createSession({ settingsFolder: join(dir, 'settings'), defaultFolder: dir });
  openInSession(s, path);
  return s;
}

const segments = (s: Session) => s.project!.db.prepare('SELECT count(*) FROM segments').pluck().get() as number;

describe('cancelling a merge while it writes', () => {
  it('rolls back the rows already written in the open transaction; the master and its undo steps are as before', async () => {
    const { dir, path, copies } = await masterAndCopies();
    const s = openMaster(dir, path);
    await callMethod(s, 'codes.create', { name: 'Lead’s own code' });
    const history = await callMethod(s, 'history.state', {});
    expect(history).toMatchObject({ undo: expect.stringMatching(/Lead’s own code/) });
    const before = dumpOnDisk(path);
    const codingsBefore = segments(s);

    const cancel = cancelWhileWriting(
      s,
      'merge-1',
      () => true,
      () => segments(s),
    );
    const outcome = await callMethod(s, 'team.merge', { paths: copies, operation: 'merge-1' }).catch((e: unknown) => e);
    cancel.stop();
    expect(outcome).toBeInstanceOf(Cancelled);
    expect(cancel.answered).toBe(true);
    // The write had begun: the session's connection saw new codings inside the open transaction.
    expect(cancel.events).toContain('reading 3/3');
    expect(cancel.seen).toBeGreaterThan(codingsBefore);
    expect(cancel.afterCancel).toEqual([]);
    expect(segments(s)).toBe(codingsBefore);
    expect(dumpOnDisk(path) === before, 'the master file changed').toBe(true);
    // The merge forgets the undo steps only when it commits.
    expect(await callMethod(s, 'history.state', {})).toEqual(history);
    expect(await callMethod(s, 'history.undo', {})).toMatchObject({ done: expect.stringMatching(/Lead’s own code/) });
    closeSession(s);
  });

  it('merged again without a cancel, brings every coding in', async () => {
    const { dir, path, copies } = await masterAndCopies();
    const s = openMaster(dir, path);
    const cancel = cancelWhileWriting(s, 'merge-1', () => true);
    await expect(callMethod(s, 'team.merge', { paths: copies, operation: 'merge-1' })).rejects.toBeInstanceOf(Cancelled);
    cancel.stop();
    const r = (await callMethod(s, 'team.merge', { paths: copies, operation: 'merge-2' })) as MergeReport;
    expect(r.totals.segments.new).toBe(3 * 800);
    expect(segments(s)).toBe(3 * 800);
    closeSession(s);
  });

  it('keeps the undo step of an edit sent while it writes: the edit waits, and the merge forgets only older steps', async () => {
    const { dir, path, copies } = await masterAndCopies();
    const s = openMaster(dir, path);
    await callMethod(s, 'codes.create', { name: 'Before the merge' });
    let edit: Promise<unknown> | null = null;
    const stop = watchProgress(s, (e) => {
      if (!edit && e.stage === 'writing') edit = new Promise((ok) => setTimeout(() => ok(callMethod(s, 'codes.create', { name: 'During the merge' })), 0));
    });
    const r = (await callMethod(s, 'team.merge', { paths: copies, operation: 'merge-3' })) as MergeReport;
    stop();
    expect(r.changed).toBe(true);
    await edit;
    const names = s.project!.db.prepare("SELECT name FROM codes WHERE name LIKE '% the merge'").pluck().all();
    expect(names.sort()).toEqual(['Before the merge', 'During the merge']);
    expect(await callMethod(s, 'history.state', {})).toEqual({ undo: expect.stringMatching(/During the merge/), redo: null });
    expect(await callMethod(s, 'history.undo', {})).toMatchObject({ done: expect.stringMatching(/During the merge/), undo: null });
    closeSession(s);
  });
});

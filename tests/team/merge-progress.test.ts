import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coderCopy } from '../../electron/team/coder-copy';
import { applyCode } from '../../electron/coding/coding';
import { merge } from '../../electron/team/merge/merge';
import { resolveCodePath } from '../../electron/store/codes';
import { closeProject } from '../../electron/store/db';
import { CANCELLED_MESSAGE } from '../../shared/progress';
import { tempDir } from '../helpers/temp';
import { recorder } from '../helpers/progress';
import { contentDump, docId, makeMaster, open, span } from './helpers';

const PLANNING = 'Teachers/Pedagogic changes/lesson planning';

/** A master and three coders' copies, each with one new coding. */
async function threeCopies() {
  const dir = tempDir();
  const master = await makeMaster(dir);
  const paths = ['amina', 'ben', 'chidi'].map((name) => {
    const path = join(dir, `${name}.fieldcode`);
    coderCopy(master, path, name);
    const copy = open(path);
    applyCode(copy, { ...span(copy, docId(copy, 'Focus group - Teachers'), 'We plan lessons'), codeId: resolveCodePath(copy, PLANNING).id });
    closeProject(copy);
    return path;
  });
  return { master, paths };
}

describe('progress and cancel of a merge', () => {
  it('reports each copy in order, then the writes, and ends at the total', async () => {
    const { master, paths } = await threeCopies();
    const progress = recorder();
    await merge(master, paths, { progress });
    const reading = progress.events.filter((e) => e.startsWith('reading'));
    expect(reading).toEqual(['reading 0/3 amina.fieldcode', 'reading 1/3 ben.fieldcode', 'reading 2/3 chidi.fieldcode', 'reading 3/3']);
    const writing = progress.events.filter((e) => e.startsWith('writing'));
    expect(writing.length).toBeGreaterThan(0);
    expect(progress.events.indexOf(writing[0])).toBeGreaterThan(progress.events.indexOf('reading 3/3'));
    expect(master.db.prepare('SELECT count(*) FROM merges').pluck().get()).toBe(3);
  });

  it('cancelled between copies, leaves every row of the master as it was', async () => {
    const { master, paths } = await threeCopies();
    const before = contentDump(master, true);
    const progress = recorder((e) => e.stage === 'reading' && e.done === 1);
    await expect(merge(master, paths, { progress })).rejects.toThrow(CANCELLED_MESSAGE);
    expect(contentDump(master, true)).toBe(before);
    expect(progress.events.some((e) => e.startsWith('writing'))).toBe(false);
  });

  it('cancelled inside the write transaction, rolls it back: no coding, no merge-log row', async () => {
    const { master, paths } = await threeCopies();
    const before = contentDump(master, true);
    const progress = recorder((e) => e.stage === 'writing');
    await expect(merge(master, paths, { progress })).rejects.toThrow(CANCELLED_MESSAGE);
    expect(progress.events.filter((e) => e.startsWith('writing'))).toHaveLength(1);
    expect(contentDump(master, true)).toBe(before);
    // The master is usable afterwards: the same merge, not cancelled, goes through.
    const r = await merge(master, paths, {});
    expect(r.changed).toBe(true);
    expect(contentDump(master, true)).not.toBe(before);
  });
});

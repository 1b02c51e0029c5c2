import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSummaries, saveSummary } from '../../electron/analysis/summaries';
import { listPairs, setPair } from '../../electron/analysis/pairs';
import { createCase } from '../../electron/cases/cases';
import { resolveCodePath } from '../../electron/codebook/codebook';
import { coderCopy } from '../../electron/team/coder-copy';
import { merge } from '../../electron/team/merge/merge';
import { closeProject, openProject } from '../../electron/store/db';
import { tempDir, tempProject, track } from '../helpers/temp';

describe('summaries and pairs in coder copies', () => {
  it('are carried by copies and merged: the newer edit wins, a text written on both sides keeps both and is reported', async () => {
    const master = tempProject({}, 'master.fieldcode');
    const mbale = createCase(master, 'Mbale Primary');
    const dalmore = createCase(master, 'Dalmore Primary');
    const lahore = createCase(master, 'Lahore School');
    const code = resolveCodePath(master, 'Students/Knowledge/global issues').id;
    const cell = (rowKey: string, columnKey = code) => ({ rowKind: 'case' as const, rowKey, columnKind: 'code' as const, columnKey });
    saveSummary(master, cell(mbale.id), 'First draft.');
    saveSummary(master, cell(dalmore.id), 'Dalmore: nothing yet.');
    const dir = tempDir();
    coderCopy(master, join(dir, 'amina.fieldcode'), 'Amina');
    coderCopy(master, join(dir, 'ben.fieldcode'), 'Ben');

    const amina = track(openProject(join(dir, 'amina.fieldcode')));
    saveSummary(amina, cell(mbale.id), 'Amina: fair trade in every workshop.');
    saveSummary(amina, cell(dalmore.id), 'Dalmore: letters to Uganda.');
    saveSummary(amina, cell(lahore.id), 'Amina on Lahore.');
    setPair(amina, mbale.id, dalmore.id);
    closeProject(amina);
    const ben = track(openProject(join(dir, 'ben.fieldcode')));
    saveSummary(ben, cell(mbale.id), 'Ben: climate change, mostly.');
    saveSummary(ben, cell(lahore.id), 'Ben on Lahore.');
    closeProject(ben);

    const r = await merge(master, [join(dir, 'amina.fieldcode'), join(dir, 'ben.fieldcode')]);
    const texts = (rowKey: string) =>
      listSummaries(master)
        .filter((s) => s.rowKey === rowKey)
        .map((s) => s.body)
        .sort();
    expect(texts(dalmore.id)).toEqual(['Dalmore: letters to Uganda.']);
    expect(texts(mbale.id)).toEqual(['Amina: fair trade in every workshop.', 'Ben: climate change, mostly.']);
    expect(texts(lahore.id)).toEqual(['Amina on Lahore.', 'Ben on Lahore.']);
    expect(r.files[0].counts.summaries).toMatchObject({ new: 1, updated: 2, conflicts: 0 });
    const reported = r.files[1].conflicts.filter((c) => c.kind === 'summaries');
    expect(reported.map((c) => [c.label, c.kept])).toEqual([
      ['summary of Mbale Primary × Students/Knowledge/global issues', 'both'],
      ['summary of Lahore School × Students/Knowledge/global issues', 'both'],
    ]);
    expect(listPairs(master).map((x) => `${x.a.name} – ${x.b.name}`)).toEqual(['Dalmore Primary – Mbale Primary']);

    // merging the same files again changes nothing
    const again = await merge(master, [join(dir, 'amina.fieldcode'), join(dir, 'ben.fieldcode')], { force: true });
    expect(again.changed).toBe(false);
    // saving the cell resolves the conflict into one text
    saveSummary(master, cell(mbale.id), 'Both: fair trade and climate change.');
    expect(texts(mbale.id)).toEqual(['Both: fair trade and climate change.']);
  }, 60_000);
});

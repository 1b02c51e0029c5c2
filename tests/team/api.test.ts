import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgreementReport, CoderCopyResult, Disagreement, MergeLogEntry, MergeReport, TeamCoder } from '../../shared/api/team';
import { callMethod } from '../../electron/handlers';
import { applyCode } from '../../electron/coding/coding';
import { closeSession, createSession } from '../../electron/project/session';
import { resolveCodePath } from '../../electron/store/codes';
import { closeProject } from '../../electron/store/db';
import { tempDir } from '../helpers/temp';
import { docId, makeMaster, open, span } from './helpers';

const PLANNING = 'Teachers/Pedagogic changes/lesson planning';

// The teamwork methods as the app calls them: through the contract, inputs validated.
describe('team API', () => {
  it('runs the whole team workflow through the handlers', async () => {
    const dir = tempDir();
    const built = await makeMaster(dir);
    closeProject(built);
    const s = createSession({ settingsFolder: tempDir(), defaultFolder: dir });
    const call = <T>(method: string, input: unknown) => callMethod(s, method, input) as Promise<T>;
    await call('project.open', { path: join(dir, 'master.fieldcode') });

    const a = await call<CoderCopyResult>('team.coderCopy', { out: 'amina', coder: 'Amina' });
    expect(a).toMatchObject({ path: join(dir, 'amina.fieldcode'), documents: 3 });
    const b = await call<CoderCopyResult>('team.coderCopy', { out: join(dir, 'ben.fieldcode'), coder: 'Ben', documents: ['Focus group - Teachers'] });
    for (const [path, quote] of [
      [a.path, 'We plan lessons together'],
      [b.path, 'We plan lessons'],
    ]) {
      const p = open(path);
      applyCode(p, { ...span(p, docId(p, 'Focus group - Teachers'), quote), codeId: resolveCodePath(p, PLANNING).id });
      closeProject(p);
    }

    // An edit in the master before the merge: undoable until the merge rewrites rows from the copies.
    await call('codes.create', { name: 'Lead’s own code' });
    expect((await call<{ undo: string | null }>('history.state', {})).undo).toMatch(/Lead’s own code/);
    const preview = await call<MergeReport>('team.mergePreview', { paths: [a.path, b.path] });
    expect(preview).toMatchObject({ dryRun: true, changed: true, backup: null });
    const merged = await call<MergeReport>('team.merge', { paths: [a.path, b.path] });
    expect(merged.totals.segments.new).toBe(2);
    expect(await call('history.state', {})).toEqual({ undo: null, redo: null });
    expect((await call<MergeLogEntry[]>('team.merges', {})).map((m) => m.file).sort()).toEqual(['amina.fieldcode', 'ben.fieldcode']);
    const coders = await call<TeamCoder[]>('team.coders', {});
    expect(coders.filter((c) => c.segments > 0).map((c) => c.name)).toEqual(['Amina', 'Ben']);

    const r = await call<AgreementReport>('team.agreement', {});
    expect(r.codes).toEqual([expect.objectContaining({ code: PLANNING, units: expect.any(Number), kappa: expect.any(Number) })]);
    const codeId = r.codes[0].codeId!;
    const list = await call<Disagreement[]>('team.disagreements', { codeId });
    expect(list).toHaveLength(1);
    const amina = coders.find((c) => c.name === 'Amina')!;
    const resolved = await call<Disagreement>('team.resolve', { ...list[0], resolution: { keep: 'coder', coderId: amina.id } });
    expect(resolved).toMatchObject({ resolved: true, consensus: [{ start: list[0].start, end: list[0].end }] });
    expect((await call<{ undo: string }>('history.state', {})).undo).toBe(`Consensus on "lesson planning": keep Amina`);
    expect(await call('team.acceptAgreements', {})).toEqual({ segments: 0 });
    expect((await call<TeamCoder[]>('team.coders', {})).find((c) => c.consensus)?.name).toBe('Consensus');

    await expect(call('team.agreement', { unit: 'word' })).rejects.toThrow(/^invalid input for team\.agreement: unit/);
    await expect(call('team.merge', { paths: [] })).rejects.toThrow(/^invalid input for team\.merge: paths/);
    await expect(call('team.resolve', { ...list[0], resolution: { keep: 'mine' } })).rejects.toThrow(/^invalid input for team\.resolve: resolution/);
    await expect(call('team.merge', { paths: [join(dir, 'master.fieldcode')] })).rejects.toThrow(/master\.fieldcode: this is the master project itself/);
    closeSession(s);
  });
});

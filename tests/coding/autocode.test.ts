import { describe, expect, it } from 'vitest';
import { callMethod } from '../../electron/handlers';
import { autocodePassages } from '../../electron/coding/autocode';
import { closeSession, createSession } from '../../electron/project/session';
import type { AutocodeReport } from '../../shared/api/autocode';
import type { Code, Segment } from '../../shared/types';
import { at, FOCUS_GROUP, importFocusGroup } from '../helpers/corpus';
import { tempDir, tempProject } from '../helpers/temp';

// Autocoding is one use case for the command line and the app: here through the
// handler table, as the app calls it, on a real project file.

async function appSession() {
  const s = createSession({ settingsFolder: tempDir(), defaultFolder: tempDir() });
  await callMethod(s, 'project.create', { path: 'Autocode', codebook: 'nssp', coder: 'Amina' });
  await importFocusGroup(s.project!);
  return s;
}

describe('autocode', () => {
  it('codes every match through the API as one undo step that also takes back the new code', async () => {
    const s = await appSession();
    const r = (await callMethod(s, 'segments.autocode', { code: 'Students/Knowledge/Exchanges', pattern: 'letters|weather' })) as AutocodeReport;
    expect(r).toEqual({ code: 'Students/Knowledge/Exchanges', coder: 'Amina', passages: 2, segments: 2 });
    const segments = (await callMethod(s, 'segments.list', {})) as Segment[];
    expect(segments.map((x) => FOCUS_GROUP.slice(x.start, x.end)).sort()).toEqual(['letters', 'weather']);
    expect(await callMethod(s, 'history.state', {})).toEqual({ undo: 'Autocode "Students/Knowledge/Exchanges"', redo: null });

    await callMethod(s, 'history.undo', {});
    expect(await callMethod(s, 'segments.list', {})).toEqual([]);
    const codes = (await callMethod(s, 'codes.list', {})) as Code[];
    expect(codes.some((c) => c.path === 'Students/Knowledge/Exchanges')).toBe(false);
    closeSession(s);
  });

  it('codes whole turns of a speaker, and turns around a match with unit "turn"', async () => {
    const p = tempProject();
    const doc = await importFocusGroup(p);
    const turn = (quote: string) => {
      const line = FOCUS_GROUP.split('\n').find((l) => l.includes(quote))!;
      return { documentId: doc, ...at(FOCUS_GROUP, line) };
    };
    expect(autocodePassages(p, { speaker: 'mrs achieng' })).toEqual([turn('We plan lessons'), turn('They write letters')]);
    expect(autocodePassages(p, { pattern: 'school', unit: 'turn' })).toEqual([turn('We plan lessons'), turn('school garden')]);
    const garden = FOCUS_GROUP.indexOf('school garden');
    expect(autocodePassages(p, { pattern: 'school', speaker: 'Mr Otieno' })).toEqual([{ documentId: doc, start: garden, end: garden + 'school'.length }]);
  });

  it('refuses a bad pattern or a missing pattern and speaker in one line, changing nothing', async () => {
    const s = await appSession();
    await expect(callMethod(s, 'segments.autocode', { code: 'Students', pattern: '(' })).rejects.toThrow(
      /^the pattern is not a valid JavaScript regular expression/,
    );
    await expect(callMethod(s, 'segments.autocode', { code: 'Students' })).rejects.toThrow(
      /^invalid input for segments\.autocode: .*needs a pattern or a speaker/,
    );
    expect(await callMethod(s, 'segments.list', {})).toEqual([]);
    expect(await callMethod(s, 'history.state', {})).toEqual({ undo: null, redo: null });
    closeSession(s);
  });
});

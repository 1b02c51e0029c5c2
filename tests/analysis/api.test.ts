import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseStudyTemplate, Pair } from '../../shared/api/analysis';
import type { ExportedFile } from '../../shared/api/reports';
import { callMethod } from '../../electron/handlers';
import { buildSampleProject } from '../../electron/project/sample';
import { createSession } from '../../electron/project/session';
import { closeProject } from '../../electron/store/db';
import { tempDir } from '../helpers/temp';

// The analysis methods the Cases view and the Analysis tabs call, through the
// contract with inputs validated, on the sample project.

describe('analysis API', () => {
  it('sets and refuses pairs, edits and deletes templates, and exports the pair matrix as filtered', async () => {
    const dir = tempDir();
    closeProject(await buildSampleProject(join(dir, 'sample.fieldcode')));
    const s = createSession({ settingsFolder: tempDir(), defaultFolder: dir });
    const call = <T>(method: string, input: unknown) => callMethod(s, method, input) as Promise<T>;
    await call('project.open', { path: join(dir, 'sample.fieldcode') });
    const cases = await call<{ id: string; name: string }[]>('cases.list', {});
    const id = (name: string) => cases.find((c) => c.name === name)!.id;

    await expect(call('analysis.setPair', { caseId: id('Mbale Primary School'), partnerId: id('Hillcrest Academy') })).rejects.toThrow(
      'Hillcrest Academy is already paired with Lahore Crescent School. Clear that partner first.',
    );
    await call('analysis.setPair', { caseId: id('Hillcrest Academy'), partnerId: null });
    const pairs = await call<Pair[]>('analysis.setPair', { caseId: id('Mbale Primary School'), partnerId: id('Hillcrest Academy') });
    expect(pairs.map((x) => `${x.a.name} – ${x.b.name}`)).toEqual(['Hillcrest Academy – Mbale Primary School']);
    await expect(call('analysis.setPair', { caseId: id('Mbale Primary School'), partnerId: id('Mbale Primary School') })).rejects.toThrow(
      'Mbale Primary School cannot be its own partner',
    );
    await call('history.undo', {});
    await call('history.undo', {});

    const [def] = await call<CaseStudyTemplate[]>('analysis.templates', {});
    await expect(call('analysis.saveTemplate', { name: 'Short', sections: [{ ...def.sections[0], title: '' }] })).rejects.toThrow();
    const short = await call<CaseStudyTemplate>('analysis.saveTemplate', { name: 'Short', sections: [def.sections[4]] });
    expect((await call<CaseStudyTemplate[]>('analysis.templates', {})).map((t) => t.name)).toEqual([def.name, 'Short']);
    expect((await call<CaseStudyTemplate>('analysis.defaultTemplate', {})).sections).toEqual(def.sections);
    // the template the app follows is kept in the project: another session (a new browser port) sees it
    expect(await call('analysis.chosenTemplate', {})).toBeNull();
    await call('analysis.chooseTemplate', { id: short.id });
    await call('project.close', {});
    const again = createSession({ settingsFolder: tempDir(), defaultFolder: dir });
    await callMethod(again, 'project.open', { path: join(dir, 'sample.fieldcode') });
    expect(await callMethod(again, 'analysis.chosenTemplate', {})).toBe(short.id);
    await callMethod(again, 'project.close', {});
    await call('project.open', { path: join(dir, 'sample.fieldcode') });
    expect((await call<CaseStudyTemplate[]>('analysis.deleteTemplate', { id: short.id })).map((t) => t.name)).toEqual([def.name]);
    // a deleted template is no longer the chosen one: the default drives the draft again
    expect(await call('analysis.chosenTemplate', {})).toBeNull();
    await expect(call('analysis.chooseTemplate', { id: short.id })).rejects.toThrow('no longer exists');

    // the sample's one pair has Hillcrest (high momentum "no") as its Northern school
    for (const [value, rows] of [
      ['no', 1],
      ['yes', 0],
    ] as const) {
      const out = join(dir, `pairs-${value}.xlsx`);
      const file = await call<ExportedFile>('analysis.export', {
        what: 'pairMatrix',
        format: 'xlsx',
        path: out,
        pairMatrix: { where: { 'high momentum': [value] } },
      });
      expect(file.rows).toBe(rows);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const cells: string[] = [];
      for (const ws of wb.worksheets) ws.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
      expect(cells.includes('Lahore Crescent School')).toBe(rows === 1);
    }
  }, 60_000);
});

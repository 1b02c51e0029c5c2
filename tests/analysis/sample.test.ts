import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseStudies } from '../../electron/analysis/case-study';
import { listPairs } from '../../electron/analysis/pairs';
import { listSummaries } from '../../electron/analysis/summaries';
import { findTemplate } from '../../electron/analysis/templates';
import { buildSampleProject } from '../../electron/project/sample';
import { SAMPLE } from '../../shared/sample';
import { tempDir, track } from '../helpers/temp';

describe('the sample project', () => {
  it('carries a pair from the partner column and the summaries, shown in the case-study draft', async () => {
    const p = track(await buildSampleProject(join(tempDir(), 'sample.fieldcode')));
    expect(listPairs(p).map((x) => `${x.a.name} – ${x.b.name}`)).toEqual(['Hillcrest Academy – Lahore Crescent School']);
    expect(
      listSummaries(p)
        .map((s) => s.body)
        .sort(),
    ).toEqual(SAMPLE.summaries!.map((s) => s.text).sort());
    const mbale = p.db.prepare("SELECT id FROM cases WHERE name = 'Mbale Primary School'").pluck().get() as string;
    const [draft] = caseStudies(p, [mbale], findTemplate(p));
    expect(draft.sections.find((s) => s.id === 'impact')!.summary).toBe(SAMPLE.summaries![0].text);
    expect(draft.sections.find((s) => s.id === 'impact')!.segments).toBeGreaterThan(5);
  });
});

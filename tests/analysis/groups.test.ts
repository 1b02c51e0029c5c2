import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupSummaries } from '../../electron/analysis/groups';
import { saveSummary } from '../../electron/analysis/summaries';
import { resolveCodePath, setAnchorExample } from '../../electron/codebook/codebook';
import { closeProject } from '../../electron/store/db';
import { cliInProcess } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { paragraphs, sections } from './read-docx';
import { buildStudy, CODES } from './study';

describe('group summaries', () => {
  it('k of n cases per code for every continent × phase; exemplars anchor first, then one per case in name order', async () => {
    const { p, plan } = await buildStudy();
    const attrs = new Map(
      (
        p.db
          .prepare(
            `SELECT c.name, json_group_object(a.name, v.value) FROM cases c JOIN attribute_values v ON v.case_id = c.id JOIN attributes a ON a.id = v.attribute_id GROUP BY c.id`,
          )
          .raw(true)
          .all() as [string, string][]
      ).map(([n, j]) => [n, JSON.parse(j) as Record<string, string>]),
    );
    const groups = groupSummaries(p, { by: ['continent', 'phase'] });
    // the report's analysis groups, as the fixture sheet's continent × phase values fall
    expect(groups.map((g) => g.label)).toEqual([
      'Africa · all ages',
      'Africa · primary',
      'Africa · secondary',
      'Asia · all ages',
      'UK · all ages',
      'UK · primary',
      'UK · secondary',
    ]);
    expect(groups.reduce((n, g) => n + g.cases, 0)).toBe(54);
    for (const g of groups) {
      const members = [...attrs].filter(([, a]) => a.continent === g.group.continent && a.phase === g.group.phase).map(([n]) => n);
      expect(g.cases).toBe(members.length);
      for (const c of g.codes) {
        const rows = plan.filter((x) => members.includes(x.caseName) && x.code === c.path);
        expect(c.segments).toBe(rows.length);
        expect(c.cases).toBe(new Set(rows.map((x) => x.caseName)).size);
      }
      expect(g.codes.map((c) => c.path).sort()).toEqual(CODES.filter((code) => plan.some((x) => members.includes(x.caseName) && x.code === code)).sort());
    }
    const ukPrimary = groups.find((g) => g.label === 'UK · primary')!;
    const email = ukPrimary.codes.find((c) => c.path === CODES[2])!;
    const names = [
      ...new Set(
        plan
          .filter((x) => x.code === CODES[2] && attrs.get(x.caseName)!.continent === 'UK' && attrs.get(x.caseName)!.phase === 'primary')
          .map((x) => x.caseName),
      ),
    ].sort((a, b) => a.localeCompare(b));
    expect(email.exemplars.map((q) => q.caseName)).toEqual(names.slice(0, 3));

    // an anchor example comes first, marked as such
    const last = names[names.length - 1];
    const seg = p.db
      .prepare(`SELECT s.id FROM segments s JOIN documents d ON d.id = s.document_id JOIN cases c ON c.id = d.case_id WHERE c.name = ? AND s.code_id = ?`)
      .pluck()
      .get(last, resolveCodePath(p, CODES[2]).id) as string;
    setAnchorExample(p, resolveCodePath(p, CODES[2]).id, seg, 'typical');
    const again = groupSummaries(p, { by: ['continent', 'phase'] })
      .find((g) => g.label === 'UK · primary')!
      .codes.find((c) => c.path === CODES[2])!;
    expect(again.exemplars.map((q) => [q.caseName, q.anchor])).toEqual([
      [last, true],
      [names[0], false],
      [names[1], false],
    ]);

    saveSummary(p, { rowKind: 'group', rowKey: ukPrimary.key, columnKind: 'code', columnKey: email.id }, 'Email is monthly in most UK primaries.');
    const path = p.path;
    closeProject(p);
    const r = await cliInProcess('group-summary', path, '--by', 'continent,phase', '--json');
    const json = JSON.parse(r.stdout) as {
      groups: { group: Record<string, string>; cases: number; codes: { code: string; cases: number; segments: number }[] }[];
    };
    expect(json.groups.map((g) => g.group)).toEqual(groups.map((g) => g.group));
    expect(json.groups[5].codes.find((c) => c.code === CODES[2])).toEqual({ code: CODES[2], cases: email.cases, segments: email.segments });
    const dir = tempDir();
    expect((await cliInProcess('group-summary', path, '--by', 'continent,phase', '-o', join(dir, 'groups.docx'))).code).toBe(0);
    const secs = sections(paragraphs(join(dir, 'groups.docx')));
    expect(secs.map(([t]) => t)).toEqual(groups.map((g) => `${g.label} (${g.cases} case${g.cases === 1 ? '' : 's'})`));
    const uk = secs[5][1];
    expect(uk.map((x) => x.text)).toContain('Email is monthly in most UK primaries.');
    expect(uk.filter((x) => x.style === 'Quotation').length).toBeGreaterThan(0);
    expect((await cliInProcess('group-summary', path, '--by', 'continent', '-o', join(dir, 'groups.md'))).code).toBe(0);
    expect([...readFileSync(join(dir, 'groups.md'), 'utf8').matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(
      ['Africa', 'Asia', 'UK'].map((c) => `${c} (${[...attrs.values()].filter((a) => a.continent === c).length} cases)`),
    );
    expect(await cliInProcess('group-summary', path, '--by', 'region', '--json')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^fieldcode: no case attribute "region" in this project/),
    });
  }, 120_000);
});

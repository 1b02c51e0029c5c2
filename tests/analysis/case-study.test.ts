import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseStudies } from '../../electron/analysis/case-study';
import { listPairs, setPair } from '../../electron/analysis/pairs';
import { saveSummary } from '../../electron/analysis/summaries';
import { DEFAULT_SECTIONS, findTemplate, saveTemplate } from '../../electron/analysis/templates';
import { closeProject } from '../../electron/store/db';
import { cliInProcess } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { docxParts, paragraphs, sections } from './read-docx';
import { buildStudy, CODES, SECTION_OF_CODE } from './study';

const TITLES = DEFAULT_SECTIONS.map((s) => s.title);

describe('case-study drafts', () => {
  it('writes one DOCX per school, sections in template order, each case\u2019s quotations under the right section', async () => {
    const study = await buildStudy();
    const { p, plan } = study;
    const caseId = (name: string) => p.db.prepare('SELECT id FROM cases WHERE name = ?').pluck().get(name) as string;
    const school = 'Kwahu Ridge Girls\u2019 Senior High School'.replace('\u2019', "'");
    saveSummary(p, { rowKind: 'case', rowKey: caseId(school), columnKind: 'section', columnKey: 'practice' }, 'Monthly emails keep the partnership alive.');
    saveSummary(p, { rowKind: 'case', rowKey: caseId(school), columnKind: 'memo', columnKey: 'impact' }, 'Ask about exam results.');
    const path = p.path;
    closeProject(p);

    const out = join(tempDir(), 'drafts');
    const r = await cliInProcess('case-study', path, '--all', '-o', out);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(54);
    expect(files.every((f) => f.endsWith('.docx'))).toBe(true);
    expect(files.filter((f) => f.includes('.partial'))).toEqual([]);

    for (const name of [school, study.cases[0], study.cases[53]]) {
      const file = join(out, `${name}.docx`);
      const paras = paragraphs(file);
      expect(paras[0]).toMatchObject({ style: 'Title', text: name });
      const secs = sections(paras);
      expect(secs.map(([t]) => t)).toEqual(TITLES);
      for (const [i, [, body]] of secs.entries()) {
        const expected = plan.filter((x) => x.caseName === name && SECTION_OF_CODE[CODES.indexOf(x.code)] === DEFAULT_SECTIONS[i].id);
        const quotes = body.filter((x) => x.style === 'Quotation').map((x) => x.text);
        expect(quotes.sort()).toEqual(expected.map((x) => x.text).sort());
        expect(body.some((x) => x.text === `${expected.length} coded segment${expected.length === 1 ? '' : 's'} in this section.`)).toBe(true);
        // each quotation's source names the speaker and the document
        for (const src of body.filter((x) => x.style === 'Source'))
          expect(src.text).toMatch(/^— (Interviewer|Headteacher), Interview - .+, characters \d+–\d+$/);
      }
    }
    const kwahu = sections(paragraphs(join(out, `${school}.docx`)));
    expect(kwahu[2][1].map((x) => x.text)).toContain('Monthly emails keep the partnership alive.');
    expect(kwahu[4][1].filter((x) => x.style === 'Memo').map((x) => x.text)).toEqual(['Memo: Ask about exam results.']);
    expect(kwahu[0][1].length).toBeGreaterThan(0);
    // Word lists the sections in its navigation pane because they use its built-in heading styles.
    const styles = docxParts(join(out, `${school}.docx`))['word/styles.xml'];
    for (const id of ['Title', 'Heading1', 'Heading2', 'Quotation', 'Source', 'Memo']) expect(styles).toContain(`w:styleId="${id}"`);
    // the background table: attributes and the partner school
    const table = paragraphs(join(out, `${school}.docx`))
      .filter((x) => x.inTable)
      .map((x) => x.text);
    expect(table).toEqual(expect.arrayContaining(['continent', 'Africa', 'partner school', "St Hilda's Catholic High School for Girls"]));
    // the sheet's own "partner school" column gives way to the pair: the school is named once
    expect(table.filter((t) => t === 'partner school')).toHaveLength(1);
  }, 120_000);

  it('writes Markdown for one case, counts what a long section leaves out, and follows an edited template', async () => {
    const { p, plan, cases } = await buildStudy();
    const name = cases[0];
    const id = p.db.prepare('SELECT id FROM cases WHERE name = ?').pluck().get(name) as string;
    const [cs] = caseStudies(p, [id], findTemplate(p), 1);
    for (const s of cs.sections) {
      for (const c of s.codes) {
        const n = plan.filter((x) => x.caseName === name && x.code === c.path).length;
        expect(c.segments).toBe(n);
        expect(c.quotations).toHaveLength(Math.min(1, n));
        expect(c.leftOut).toBe(n - Math.min(1, n));
      }
    }
    const def = findTemplate(p);
    const edited = saveTemplate(p, { name: 'Short', sections: [def.sections[4], def.sections[1]] });
    expect(findTemplate(p, 'short').id).toBe(edited.id);
    const path = p.path;
    closeProject(p);
    const file = join(tempDir(), 'one.md');
    expect(await cliInProcess('case-study', path, '--case', name, '-o', file, '--template', 'Short')).toMatchObject({ code: 0 });
    const md = readFileSync(file, 'utf8');
    expect([...md.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual([TITLES[4], TITLES[1]]);
    for (const q of plan.filter((x) => x.caseName === name && ['impact', 'development'].includes(SECTION_OF_CODE[CODES.indexOf(x.code)])))
      expect(md).toContain(`> ${q.text.replace(/'/g, "'")}`);
    const bad = await cliInProcess('case-study', path, '--case', 'Nowhere School', '-o', file);
    expect(bad).toEqual({ code: 1, stdout: '', stderr: 'fieldcode: no case named "Nowhere School" in this project\n' });
  }, 120_000);

  it('names the partner school once: the pair over the sheet column, the sheet column when unpaired', async () => {
    const { p } = await buildStudy();
    const [pair] = listPairs(p);
    const background = (id: string) => caseStudies(p, [id], findTemplate(p), 1)[0].background;
    const sheetValue = (id: string) =>
      p.db
        .prepare(`SELECT v.value FROM attribute_values v JOIN attributes a ON a.id = v.attribute_id WHERE a.name = 'partner school' AND v.case_id = ?`)
        .pluck()
        .get(id) as string;
    expect(background(pair.a.id).filter(([k]) => k === 'partner school')).toEqual([['partner school', pair.b.name]]);
    setPair(p, pair.a.id, null);
    expect(sheetValue(pair.a.id)).toBeTruthy();
    expect(background(pair.a.id).filter(([k]) => k === 'partner school')).toEqual([['partner school', sheetValue(pair.a.id)]]);
    closeProject(p);
  }, 120_000);
});

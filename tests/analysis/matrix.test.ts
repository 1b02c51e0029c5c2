import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { renderMatrix } from '../../electron/analysis/export';
import { cellQuotations, frameworkMatrix } from '../../electron/analysis/matrix';
import { listPairs, setPair } from '../../electron/analysis/pairs';
import { listSummaries, saveSummary } from '../../electron/analysis/summaries';
import { createCase } from '../../electron/cases/cases';
import { resolveCodePath } from '../../electron/codebook/codebook';
import { closeProject, openProject } from '../../electron/store/db';
import { enableHistory, redo, undo } from '../../electron/store/history';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/store/migrations';
import { cliInProcess } from '../helpers/cli';
import { tempProject, track } from '../helpers/temp';
import { paragraphs, sections } from './read-docx';
import { buildStudy, CODES, SECTION_OF_CODE } from './study';

describe('framework matrix and summaries', () => {
  it('counts each case × section from the plan, grouped by continent; opens a cell; exports XLSX and DOCX', async () => {
    const { p, plan, cases } = await buildStudy();
    const m = frameworkMatrix(p, { rows: 'case', columns: { kind: 'sections' }, groupBy: ['continent'] });
    expect(m.rows).toHaveLength(54);
    expect(m.columns.map((c) => c.key)).toEqual(['background', 'development', 'practice', 'monitoring', 'impact', 'challenges']);
    expect([...new Set(m.rows.map((r) => r.group))]).toEqual(['Africa', 'Asia', 'UK']);
    for (const r of m.rows) {
      expect(cases).toContain(r.label);
      expect(r.segments).toEqual(m.columns.map((c) => plan.filter((x) => x.caseName === r.label && SECTION_OF_CODE[CODES.indexOf(x.code)] === c.key).length));
    }
    // a branch: its sub-codes as columns, each counted on its own unless --descendants
    const branch = frameworkMatrix(p, {
      rows: 'case',
      columns: { kind: 'branch', codeId: resolveCodePath(p, 'Momentum/Communication').id },
      where: { continent: ['asia'] },
    });
    expect(branch.rows.map((r) => r.attributes.continent)).toEqual(Array(7).fill('Asia')); // Table 1: Pakistan 2, India 4, Sri Lanka 1
    const email = branch.columns.findIndex((c) => c.label === 'Momentum/Communication/email');
    for (const r of branch.rows) expect(r.segments[email]).toBe(plan.filter((x) => x.caseName === r.label && x.code === CODES[2]).length);
    // a cell opens its segments, with speaker and document
    const row = m.rows.find((r) => r.segments[4] > 0)!;
    const quotes = cellQuotations(p, 'case', row.key, m.columns[4].codeIds, false);
    expect(quotes).toHaveLength(row.segments[4]);
    expect(quotes.every((q) => q.speaker === 'Headteacher' || q.speaker === 'Interviewer')).toBe(true);

    saveSummary(p, { rowKind: 'case', rowKey: row.key, columnKind: 'section', columnKey: 'impact' }, 'Pupils now follow fair trade.');
    const xlsx = await renderMatrix(p, { rows: 'case', columns: { kind: 'sections' }, groupBy: ['continent'] }, 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.data) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Framework matrix', 'Framework matrix counts']);
    const at = m.rows.indexOf(row) + 2;
    expect(wb.worksheets[0].getRow(at).getCell(7).text).toBe('Pupils now follow fair trade.');
    expect(wb.worksheets[1].getRow(at).values).toEqual([undefined, row.label, row.group, ...row.segments]);
    const docx = await renderMatrix(p, { rows: 'case', columns: { kind: 'sections' }, groupBy: ['continent'] }, 'docx');
    const secs = sections(paragraphs(docx.data));
    expect(secs.map(([t]) => t)).toEqual(['Africa', 'Asia', 'UK']);
    expect(secs.map(([, body]) => body.filter((x) => x.inTable && m.rows.some((r) => r.label === x.text)).length)).toEqual(
      ['Africa', 'Asia', 'UK'].map((g) => m.rows.filter((r) => r.group === g).length),
    );
    expect(paragraphs(docx.data).some((x) => x.inTable && x.text === 'Pupils now follow fair trade.')).toBe(true);
  }, 120_000);

  it('summaries: saved, edited, undone, searched, deleted; listed by the CLI', async () => {
    const p = tempProject();
    enableHistory(p);
    const school = createCase(p, 'Mbale Primary');
    const code = resolveCodePath(p, 'Students/Knowledge/global issues');
    const cell = { rowKind: 'case' as const, rowKey: school.id, columnKind: 'code' as const, columnKey: code.id };
    const first = saveSummary(p, cell, 'Fair trade comes up in every workshop.')!;
    expect(first).toMatchObject({ body: 'Fair trade comes up in every workshop.', coder: 'Amina' });
    // A later edit (saves of one editing, seconds apart, are one undo step: tests/project/undo-typing.test.ts)
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.advanceTimersByTime(10_000);
    expect(saveSummary(p, cell, 'Fair trade and climate change.')!.id).toBe(first.id);
    vi.useRealTimers();
    expect(listSummaries(p, 'climate').map((s) => s.body)).toEqual(['Fair trade and climate change.']);
    expect(listSummaries(p, 'weather')).toEqual([]);
    undo(p);
    expect(listSummaries(p).map((s) => s.body)).toEqual(['Fair trade comes up in every workshop.']);
    redo(p);
    expect(saveSummary(p, cell, '   ')).toBeNull();
    expect(listSummaries(p)).toEqual([]);
    undo(p);
    expect(listSummaries(p).map((s) => s.body)).toEqual(['Fair trade and climate change.']);
    const path = p.path;
    closeProject(p);
    const r = await cliInProcess('summaries', path, '--json');
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({ row: 'Mbale Primary', column: 'Students/Knowledge/global issues', text: 'Fair trade and climate change.', coder: 'Amina' }),
    ]);
    track(openProject(path));
  });

  it('migration 5 adds the analysis tables to a file from just before it, with real rows, which stay intact', () => {
    const p = tempProject();
    const a = createCase(p, 'Mbale Primary');
    const b = createCase(p, 'Dalmore Primary');
    const path = p.path;
    closeProject(p);
    const db = new Database(path);
    // What migrations 5 and later created (6 rebuilds the search index whatever it finds).
    db.exec('DROP TABLE summaries; DROP TABLE templates; DROP TABLE pairs; DROP INDEX segments_live;');
    // The version just before migration 5 (the list may have gaps).
    const before = Math.max(...MIGRATIONS.filter((m) => m.version < 5).map((m) => m.version));
    db.pragma(`user_version = ${before}`);
    db.close();
    const q = track(openProject(path));
    expect(q.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(q.db.prepare('SELECT name FROM cases ORDER BY name').pluck().all()).toEqual(['Dalmore Primary', 'Mbale Primary']);
    expect(setPair(q, a.id, b.id)).toHaveLength(1);
    expect(listPairs(q)[0]).toMatchObject({ a: { name: 'Dalmore Primary' }, b: { name: 'Mbale Primary' } });
    const coder = q.db.prepare('SELECT id FROM coders LIMIT 1').pluck().get() as string;
    const [lo, hi] = [a.id, b.id].sort();
    // STRICT and CHECK: a pair is stored once, smaller id first; kinds are a closed list
    expect(() => q.db.prepare("INSERT INTO pairs VALUES ('x', ?, ?, ?, 't', NULL)").run(hi, lo, coder)).toThrow(/CHECK/);
    expect(() => q.db.prepare("INSERT INTO summaries VALUES ('y', 'school', 'k', 'code', 'c', '', ?, 't', NULL)").run(coder)).toThrow(/CHECK/);
    expect(() => q.db.prepare("INSERT INTO summaries VALUES ('z', 'case', ?, 'code', 'c', '', ?, 't', NULL)").run(Buffer.from('x'), coder)).toThrow(
      /cannot store BLOB/,
    );
    expect(() => q.db.prepare("INSERT INTO templates VALUES ('t', 'T', 'not json', ?, 't', NULL)").run(coder)).toThrow(/CHECK/);
  });
});

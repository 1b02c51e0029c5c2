import { XMLParser } from 'fast-xml-parser';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportProjectQdpx, importProjectQdpx } from '../../electron/refi/refi';
import { listMemos } from '../../electron/store/memos';
import { tempDir, track } from '../helpers/temp';
import { buildStudy, LAHORE_WS } from '../reports/fixture';
import { comparable, schemaErrors, unzipText } from './helpers';

// Export → import must keep everything REFI-QDA can hold: coders, the code tree
// with colours and structured entries, attributes, cases and their documents,
// texts, segments with coder, memo and exact positions, and memos on every kind
// of target. Emoji, combining marks and Urdu make code points ≠ UTF-16 offsets.

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) =>
    ['PlainTextSelection', 'TextSource', 'Code', 'Note', 'Case', 'User', 'Variable', 'VariableValue', 'SourceRef', 'NoteRef', 'Coding', 'Link'].includes(name),
});

type Selection = { guid: string; startPosition: string; endPosition: string; Description?: string };
type Source = { guid: string; name: string; plainTextPath: string; PlainTextSelection?: Selection[] };

describe('QDPX round trip', () => {
  it('exports a schema-valid project.qde with each text as an internal source', async () => {
    const { p, docs } = await buildStudy();
    const r = exportProjectQdpx(p);
    expect(r).toMatchObject({ fileName: 'Partnership study.qdpx', mime: 'application/zip', rows: 12 });
    const files = unzipText(r.data);
    expect(Object.keys(files).sort()).toEqual(['project.qde', ...Object.values(docs).map((id) => `sources/${id}.txt`)].sort());
    expect(await schemaErrors(files['project.qde'], 'project')).toEqual([]);
    const qde = xml.parse(files['project.qde']).Project;
    expect(qde).toMatchObject({ name: 'Partnership study', origin: expect.stringMatching(/^Fieldcode/) });
    expect(qde.Users.User.map((u: { name: string }) => u.name).sort()).toEqual(['Amina', 'Ben']);
    expect(qde.Cases.Case).toHaveLength(5);
    expect(files[`sources/${docs.lahore}.txt`]).toBe(LAHORE_WS);
  });

  it('writes positions in Unicode code points (emoji, combining marks, right-to-left text)', async () => {
    const { p, docs } = await buildStudy();
    const files = unzipText(exportProjectQdpx(p).data);
    const sources: Source[] = xml.parse(files['project.qde']).Project.Sources.TextSource;
    const lahore = sources.find((s) => s.guid === docs.lahore)!;
    expect(lahore.plainTextPath).toBe(`internal://${docs.lahore}.txt`);
    const points = [...files[`sources/${docs.lahore}.txt`]];
    const quotes = lahore.PlainTextSelection!.map((s) => points.slice(Number(s.startPosition), Number(s.endPosition)).join('')).sort();
    expect(quotes).toEqual(['x̄ and q̇ are marks', 'ہم نے لیڈز کو خط لکھے', '👩🏽‍🏫 our teacher learnt Urdu'].sort());
    // The emoji line comes first in the text, so UTF-16 offsets would be larger than these.
    const urdu = lahore.PlainTextSelection!.find((s) => s.Description === 'Urdu: "we wrote letters to Leeds".')!;
    expect(Number(urdu.startPosition)).toBe([...LAHORE_WS.slice(0, LAHORE_WS.indexOf('ہم'))].length);
    expect(Number(urdu.startPosition)).toBeLessThan(LAHORE_WS.indexOf('ہم'));
  });

  it('imports its own export as a new project that loses nothing', async () => {
    const { p } = await buildStudy();
    const dir = tempDir();
    const target = join(dir, 'copy.fieldcode');
    const { project, report } = await importProjectQdpx({ name: 'study.qdpx', bytes: exportProjectQdpx(p).data }, target);
    track(project);
    expect(report.skipped).toEqual([]);
    expect(report.counts).toEqual({ documents: 5, codes: 6, segments: 12, cases: 5, coders: 2, memos: 2 });
    expect(report.project.path).toBe(target);
    expect(comparable(project)).toEqual(comparable(p));
  });

  it('keeps memos on codes, documents, segments, cases and the project', async () => {
    const { p, docs } = await buildStudy();
    const { saveMemo } = await import('../../electron/coding/memos');
    const seg = p.db.prepare('SELECT id FROM segments WHERE document_id = ? ORDER BY start LIMIT 1').pluck().get(docs.lahore) as string;
    const code = p.db.prepare("SELECT id FROM codes WHERE name = 'Communities'").pluck().get() as string;
    const kase = p.db.prepare("SELECT id FROM cases WHERE name = 'Lahore School'").pluck().get() as string;
    saveMemo(p, { target: 'segment', targetId: seg, title: 'On this passage', body: 'Line one\nline two\r\nwith a CR & <tags>' });
    saveMemo(p, { target: 'code', targetId: code, title: 'Scope', body: 'Parents, villages, local businesses.' });
    saveMemo(p, { target: 'case', targetId: kase, title: 'Visit', body: 'Visited in March; 🌧 rains.' });
    const out = await importProjectQdpx({ name: 'study.qdpx', bytes: exportProjectQdpx(p).data }, join(tempDir(), 'memos.fieldcode'));
    track(out.project);
    const pick = (m: { target: string; targetId: string | null; title: string; body: string }) => [m.target, m.targetId, m.title, m.body];
    expect(listMemos(out.project).map(pick).sort()).toEqual(listMemos(p).map(pick).sort());
    expect(listMemos(out.project)).toHaveLength(5);
    expect(comparable(out.project)).toEqual(comparable(p));
  });

  it('round-trips twice to the same project.qde (identities are stable)', async () => {
    const { p } = await buildStudy();
    const first = exportProjectQdpx(p);
    const { project } = await importProjectQdpx({ name: 'a.qdpx', bytes: first.data }, join(tempDir(), 'a.fieldcode'));
    track(project);
    const strip = (s: string) => s.replace(/ (modifiedDateTime|modifyingUser)="[^"]*"/g, '');
    expect(strip(unzipText(exportProjectQdpx(project).data)['project.qde'])).toBe(strip(unzipText(first.data)['project.qde']));
  });
});

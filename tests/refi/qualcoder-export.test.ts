import { XMLParser } from 'fast-xml-parser';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveSummary } from '../../electron/analysis/summaries';
import { createCase } from '../../electron/cases/cases';
import { ensureCodePath, resolveCodePath } from '../../electron/codebook/codebook';
import { importFiles } from '../../electron/documents/import';
import { findCaseByName } from '../../electron/store/cases';
import { currentCoder } from '../../electron/store/coders';
import { findDocument, getDocumentText, updateDocument } from '../../electron/store/documents';
import { applyCode } from '../../electron/coding/coding';
import { saveMemo } from '../../electron/coding/memos';
import { exportProjectQdpx, importProjectQdpx } from '../../electron/refi/refi';
import type { Project } from '../../electron/store/db';
import { listMemos } from '../../electron/store/memos';
import { tempDir, tempProject, track } from '../helpers/temp';
import { buildStudy, LAHORE_WS } from '../reports/fixture';
import { comparable, schemaErrors, unzipText, zipOf } from './helpers';

// Fieldcode → QualCoder: the export for QualCoder is what QualCoder's REFI-QDA
// import (refi.py) needs to lose nothing — unique code names, case links as its
// 0–0 case codings, project memos as journals in .txt files, other memos in the
// descriptions it reads, positions in its UTF-16 units — and stays schema-valid.
// Coming back (as is, or as QualCoder re-exports it) gives the same project.

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['PlainTextSelection', 'TextSource', 'Code', 'Note', 'Case', 'SourceRef', 'NoteRef', 'Coding'].includes(name),
});

type Code = { guid: string; name: string; Description?: string; Code?: Code[]; NoteRef?: unknown[] };
type Selection = {
  guid: string;
  startPosition: string;
  endPosition: string;
  Description?: string;
  Coding: { CodeRef: { targetGUID: string } }[];
  NoteRef?: unknown[];
};
type Source = { guid: string; name: string; plainTextPath: string; Description?: string; PlainTextSelection?: Selection[]; NoteRef?: unknown[] };
type Note = { guid: string; name: string; plainTextPath?: string; creationDateTime?: string; PlainTextContent?: string };
type Case = { guid: string; name: string; Description?: string; SourceRef?: { targetGUID: string }[] };

function parse(qde: string) {
  const p = xml.parse(qde).Project;
  const codes: Code[] = [];
  const walk = (list: Code[] = []) => list.forEach((c) => (codes.push(c), walk(c.Code)));
  walk(p.CodeBook?.Codes?.Code);
  return {
    origin: p.origin as string,
    codes,
    sources: (p.Sources?.TextSource ?? []) as Source[],
    notes: (p.Notes?.Note ?? []) as Note[],
    cases: (p.Cases?.Case ?? []) as Case[],
  };
}

const LETTER = 'Dear Lahore 🇵🇰🇬🇧,\r\nWe loved the 👋🏽 video.\r\nNoe\u0308l & ہم';

/**
 * The study, with two codes named "global issues" in different branches, memos on
 * every kind of target, and a letter written with CRLF, flags and a skin tone.
 */
async function study(): Promise<{ p: Project; docs: Awaited<ReturnType<typeof buildStudy>>['docs']; letter: string }> {
  const { p, docs } = await buildStudy();
  await importFiles(p, [{ name: 'Leeds letter.txt', bytes: new TextEncoder().encode(LETTER) }]);
  const letter = findDocument(p, 'Leeds letter').id;
  updateDocument(p, letter, { caseId: findCaseByName(p, 'Hillcrest Academy')!.id }, currentCoder(p).id);
  // As Fieldcode keeps it: LF line endings (and "ë" composed).
  const kept = getDocumentText(p, letter);
  for (const quote of ['👋🏽 video', '& ہم'])
    applyCode(p, {
      documentId: letter,
      codeId: ensureCodePath(p, 'Communities').id,
      start: kept.indexOf(quote),
      end: kept.indexOf(quote) + quote.length,
      coder: 'Ben',
    });
  const t = ensureCodePath(p, 'Teachers/Knowledge/global issues').id;
  const s = ensureCodePath(p, 'Students/Knowledge/global issues').id;
  const at = (quote: string) => ({ start: LAHORE_WS.indexOf(quote), end: LAHORE_WS.indexOf(quote) + quote.length });
  applyCode(p, { documentId: docs.lahore, codeId: s, ...at('🌍🤝'), coder: 'Amina' });
  const seg = applyCode(p, { documentId: docs.lahore, codeId: t, ...at('we wrote letters to Leeds'), coder: 'Ben' });
  const id = (sql: string) => p.db.prepare(sql).pluck().get() as string;
  saveMemo(p, {
    target: 'code',
    targetId: id("SELECT id FROM codes WHERE name = 'Communities'"),
    title: 'Scope',
    body: 'Parents, villages, local businesses.',
  });
  saveMemo(p, {
    target: 'case',
    targetId: id("SELECT id FROM cases WHERE name = 'Lahore School'"),
    title: 'Visit',
    body: 'Visited in March; 🌧 rains.\n\nSecond paragraph.',
  });
  saveMemo(p, { target: 'segment', targetId: seg.id, title: 'On this passage', body: 'Letters, not e-mails.' });
  saveMemo(p, { target: 'project', targetId: null, title: 'Analysis plan', body: 'A second memo with the same title as the first.' });
  return { p, docs, letter };
}

describe('export for QualCoder', () => {
  it('makes every code name unique by adding its branch, and lists each renamed code (NSSP codebook)', async () => {
    const p = tempProject();
    const standard = exportProjectQdpx(p);
    expect(standard.renamed).toEqual([]);
    const r = exportProjectQdpx(p, 'qualcoder');
    const { codes, origin } = parse(unzipText(r.data)['project.qde']);
    expect(origin).toBe('Fieldcode 0.1.0 (for QualCoder)');
    expect(r.fileName).toMatch(/for QualCoder\.qdpx$/);
    const names = codes.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    const before = parse(unzipText(standard.data)['project.qde']).codes.map((c) => c.name);
    expect(new Set(before).size).toBeLessThan(before.length);
    expect(r.renamed).toContain('Students/Knowledge/global issues → global issues (Students › Knowledge)');
    expect(r.renamed).toContain('Teachers/Knowledge/global issues → global issues (Teachers › Knowledge)');
    expect(r.renamed).toContain('Students/Skills → Skills (Students)');
    // Every renamed code is listed once, and only those.
    expect(r.renamed).toHaveLength(names.filter((n, i) => n !== before[i]).length);
    expect(await schemaErrors(unzipText(r.data)['project.qde'], 'project')).toEqual([]);
  });

  it('writes positions in UTF-16 units, case links as 0–0 codings of a code with the case GUID, and memos where QualCoder reads them', async () => {
    const { p, docs, letter } = await study();
    const r = exportProjectQdpx(p, 'qualcoder');
    const files = unzipText(r.data);
    expect(await schemaErrors(files['project.qde'], 'project')).toEqual([]);
    const q = parse(files['project.qde']);
    const lahore = q.sources.find((s) => s.guid === docs.lahore)!;
    const text = files[`sources/${docs.lahore}.txt`];
    const quotes = lahore.PlainTextSelection!.filter((s) => s.endPosition !== '0').map((s) => text.slice(Number(s.startPosition), Number(s.endPosition)));
    expect(quotes.sort()).toEqual(['x̄ and q̇ are marks', 'ہم نے لیڈز کو خط لکھے', '👩🏽‍🏫 our teacher learnt Urdu', '🌍🤝', 'we wrote letters to Leeds'].sort());
    const letterText = files[`sources/${letter}.txt`];
    const inLetter = q.sources.find((s) => s.guid === letter)!.PlainTextSelection!.filter((s) => s.endPosition !== '0');
    expect(inLetter.map((s) => letterText.slice(Number(s.startPosition), Number(s.endPosition))).sort()).toEqual(['& ہم', '👋🏽 video'].sort());

    // Each case with documents: a code of its GUID, coded 0–0 in each of them; the standard SourceRefs stay.
    const linked = q.cases.filter((c) => c.SourceRef?.length);
    expect(linked).toHaveLength(4);
    for (const c of linked) {
      expect(q.codes.find((k) => k.guid === c.guid)?.name).toBe(`Case: ${c.name}`);
      for (const ref of c.SourceRef!) {
        const zero = q.sources.find((s) => s.guid === ref.targetGUID)!.PlainTextSelection!.filter((s) => s.Coding[0].CodeRef.targetGUID === c.guid);
        expect(zero.map((s) => [s.startPosition, s.endPosition])).toEqual([['0', '0']]);
      }
    }

    // Project memos are journals (named uniquely, dated, text in a .txt); the others sit in descriptions.
    expect(q.notes.map((n) => n.name).sort()).toEqual(['Analysis plan', 'Analysis plan 2']);
    for (const n of q.notes) {
      expect(n.creationDateTime).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(n.plainTextPath).toBe(`internal://${n.guid}.txt`);
      expect(n.PlainTextContent).toBeUndefined();
    }
    expect(q.notes.map((n) => files[`sources/${n.guid}.txt`]).sort()).toEqual([
      'A second memo with the same title as the first.',
      'Compare UK and African schools by phase.',
    ]);
    expect(q.codes.find((c) => c.name === 'Communities')!.Description).toBe('Memo: Scope\nParents, villages, local businesses.');
    expect(q.cases.find((c) => c.name === 'Lahore School')!.Description).toBe('Memo: Visit\nVisited in March; 🌧 rains.\n\nSecond paragraph.');
    expect(lahore.Description).toBe('Memo: Languages\nUrdu and English mixed; Zoë is a visiting teacher.');
    expect(
      lahore
        .PlainTextSelection!.map((s) => s.Description)
        .filter(Boolean)
        .sort(),
    ).toEqual(['Memo: On this passage\nLetters, not e-mails.', 'Urdu: "we wrote letters to Leeds".']);
    expect(q.sources.flatMap((s) => [...(s.NoteRef ?? []), ...(s.PlainTextSelection ?? []).flatMap((x) => x.NoteRef ?? [])])).toEqual([]);
    expect(r.adapted).toContain('2 project memo(s) written as journals');
    expect(r.adapted).toContain('journal title(s) made unique, as QualCoder needs: "Analysis plan" → "Analysis plan 2"');
  });

  it('comes back as the same project, as exported and as QualCoder re-exports it (its origin, BOMs, no case codes)', async () => {
    const { p } = await study();
    const data = exportProjectQdpx(p, 'qualcoder').data;
    const files = unzipText(data);
    // QualCoder turns the case codes into case text and writes only the SourceRefs; it puts a BOM before every .txt.
    const requalcoded: Record<string, string> = {
      'project.qde': files['project.qde']
        .replace(/origin="[^"]*"/, 'origin="QualCoder 4.0 Beta"')
        .replace(/<Code [^>]*name="Case: [^"]*"[^>]*\/>\n/g, '')
        .replace(/<PlainTextSelection [^>]*startPosition="0" endPosition="0"[\s\S]*?<\/PlainTextSelection>\n/g, ''),
    };
    for (const [name, text] of Object.entries(files)) if (name !== 'project.qde') requalcoded[name] = `\ufeff${text}`;
    const memoKey = (q: Project) =>
      listMemos(q)
        .map((m) => [m.target, m.targetId, m.title, m.body].join(' | '))
        .sort();
    // The one change that stays: QualCoder's journal titles are unique.
    const strip = (q: Project) => ({
      ...comparable(q),
      memos: memoKey(q)
        .map((m) => m.replace('Analysis plan 2 |', 'Analysis plan |'))
        .sort(),
    });
    for (const [name, bytes] of [
      ['as-exported.qdpx', data],
      ['requalcoded.qdpx', zipOf(requalcoded)],
    ] as const) {
      const { project, report } = await importProjectQdpx({ name, bytes }, join(tempDir(), 'back.fieldcode'));
      track(project);
      expect(report.skipped).toEqual([]);
      expect(report.converted[0]).toMatch(/^positions read as UTF-16 code units, a line ending counted as 1/);
      expect(strip(project)).toEqual(strip(p));
    }
  });

  it('writes framework matrix summaries as journals too, so none is lost in QualCoder', async () => {
    const p = tempProject();
    const school = createCase(p, 'Mbale Primary');
    const code = resolveCodePath(p, 'Students/Knowledge/global issues');
    saveSummary(p, { rowKind: 'case', rowKey: school.id, columnKind: 'code', columnKey: code.id }, 'Fair trade <& climate>.');
    saveMemo(p, { target: 'project', targetId: null, title: 'Plan', body: 'Compare phases.' });
    const r = exportProjectQdpx(p, 'qualcoder');
    const files = unzipText(r.data);
    expect(await schemaErrors(files['project.qde'], 'project')).toEqual([]);
    const { notes } = parse(files['project.qde']);
    expect(notes.map((n) => [n.name, files[`sources/${n.guid}.txt`], !!n.creationDateTime]).sort()).toEqual([
      ['Plan', 'Compare phases.', true],
      ['Summary: Mbale Primary × global issues', 'Fair trade <& climate>.', true],
    ]);
    expect(r.adapted).toEqual(expect.arrayContaining(['1 project memo(s) written as journals', '1 framework matrix summary(ies) written as journals']));
  });
});

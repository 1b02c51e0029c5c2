import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importProjectQdpx } from '../../electron/refi/refi';
import { listCases } from '../../electron/store/cases';
import { listCodes } from '../../electron/store/codes';
import type { Project } from '../../electron/store/db';
import { listMemos } from '../../electron/store/memos';
import { tempDir, track } from '../helpers/temp';
import { REFI, zipOf } from './helpers';

// A project as QualCoder 4.0's REFI-QDA export writes it (tests/fixtures/refi/
// qualcoder, made after its refi.py): positions in UTF-16 units of LF text (one
// source written with CRLF, QualCoder's "MAXQDA line endings" option, still
// counting a line ending as 1), every .txt with a BOM, astral characters (emoji
// with skin tones, flags, mathematical script) before codings, combining marks,
// Urdu, categories (isCodable="false"), two codes named "global issues" in
// different branches (one named the way Fieldcode's export for QualCoder names
// it), the project memo as the project's Description, case and document memos as
// Descriptions, a journal in a BOM'd .txt and an annotation Note.

const FIXTURE = join(REFI, 'qualcoder');

function fixtureFiles(edit: (qde: string) => string = (q) => q): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = { 'project.qde': edit(readFileSync(join(FIXTURE, 'project.qde'), 'utf8')) };
  for (const f of readdirSync(join(FIXTURE, 'sources'))) files[`sources/${f}`] = readFileSync(join(FIXTURE, 'sources', f));
  return files;
}

async function load(files: Record<string, string | Uint8Array>) {
  const { project, report } = await importProjectQdpx({ name: 'fieldwork.qdpx', bytes: zipOf(files) }, join(tempDir(), 'qc.fieldcode'));
  track(project);
  return { p: project, report };
}

/** Each segment as "code path: quoted words", in document order. */
function coded(p: Project): string[] {
  const paths = new Map(listCodes(p).map((c) => [c.id, c.path]));
  const rows = p.db
    .prepare('SELECT s.code_id AS codeId, s.start, s.end, d.text FROM segments s JOIN documents d ON d.id = s.document_id ORDER BY d.name, s.start')
    .all() as { codeId: string; start: number; end: number; text: string }[];
  return rows.map((r) => `${paths.get(r.codeId)}: ${r.text.slice(r.start, r.end)}`);
}

const WANTED = [
  'creativity: 🇵🇰🇬🇧',
  'Students/Knowledge/global issues: 👩🏽‍🏫 our teacher learnt Urdu',
  'Teachers/global issues: ہم نے لیڈز کو خط لکھے',
  'Other/Other: x̄ and q̇ are marks; café with e\u0301.',
  'creativity: We read them aloud 📖 in class',
  'Other/Other: 𝒻𝒶𝓃𝒸𝓎 script',
];

describe('QualCoder → Fieldcode', () => {
  it('puts every coding on its code and words: UTF-16 positions after emoji, flags and script letters, BOM removed', async () => {
    const { p, report } = await load(fixtureFiles());
    expect(coded(p).sort()).toEqual([...WANTED].sort());
    expect(report.counts).toMatchObject({ documents: 2, segments: 6, cases: 2, coders: 2 });
    const texts = p.db.prepare('SELECT name, text FROM documents ORDER BY name').all() as { name: string; text: string }[];
    expect(texts.map((t) => t.name)).toEqual(['Lahore workshop', 'Leeds interview']);
    expect(texts.every((t) => !t.text.includes('\ufeff') && !t.text.includes('\r'))).toBe(true);
    expect(texts[0].text.startsWith('Facilitator: Welcome 👋🏽')).toBe(true);
  });

  it('reports the convention used, what it converted and what it renamed; nothing is skipped silently', async () => {
    const { report } = await load(fixtureFiles());
    expect(report.converted).toEqual([
      'positions read as UTF-16 code units, a line ending counted as 1 (origin "QualCoder 4.0 Beta")',
      '1 project description(s) kept as a project memo',
      '1 case description(s) kept as case memos',
      '2 source text(s) with a byte-order mark, removed (positions counted from the text after it)',
      '1 source description(s) kept as document memos',
      '1 note(s) tied to a passage (annotations) kept as memos, on their document where the file names it, without the passage (Fieldcode memos are not anchored)',
    ]);
    expect(report.renamed).toEqual(['code "global issues (Students › Knowledge)" → "global issues" (the branch added for QualCoder\'s unique names removed)']);
    expect(report.skipped).toEqual([]);
  });

  it('lists every name it had to change: a "/" in a code, a case name taken twice', async () => {
    const { report } = await load(
      fixtureFiles((q) => q.replace('name="creativity"', 'name="crea/tivity"').replace('name="Leeds Primary"', 'name="Lahore School"')),
    );
    expect(report.renamed).toEqual([
      'code "global issues (Students › Knowledge)" → "global issues" (the branch added for QualCoder\'s unique names removed)',
      'code "crea/tivity" → "crea∕tivity"',
      'case "Lahore School" → "Lahore School (2)"',
    ]);
  });

  it('keeps the project description, case and document descriptions, the journal and the annotation as memos', async () => {
    const { p } = await load(fixtureFiles());
    const doc = (name: string) => p.db.prepare('SELECT id FROM documents WHERE name = ?').pluck().get(name) as string;
    const kase = (name: string) => listCases(p).find((c) => c.name === name)!.id;
    const memos = listMemos(p).map((m) => [m.target, m.targetId, m.title, m.body]);
    expect(memos.sort()).toEqual(
      [
        ['project', null, 'Project memo', 'Fieldwork in Lahore and Leeds, 2024.'],
        ['project', null, 'Reflexive journal', 'Week 1: two workshops 😊.\nBen joined on Tuesday.'],
        ['case', kase('Lahore School'), 'Case memo', "Girls' school; visited in March 🌧."],
        ['document', doc('Lahore workshop'), 'Document memo', 'Transcribed by Amina.'],
        ['document', doc('Leeds interview'), 'Annotation', 'check the spelling of 𝒻𝒶𝓃𝒸𝓎'],
      ].sort(),
    );
  });

  it('links each case to its documents (SourceRef) with its attribute values', async () => {
    const { p } = await load(fixtureFiles());
    expect(listCases(p).map((c) => [c.name, c.documents, c.attributes])).toEqual([
      ['Lahore School', 1, { phase: 'pilot' }],
      ['Leeds Primary', 1, { phase: 'main' }],
    ]);
  });

  it('the convention matters: the same positions read as code points land on other words or outside the text', async () => {
    const { p, report } = await load(fixtureFiles((q) => q.replace('origin="QualCoder 4.0 Beta"', 'origin="MAXQDA 2022"')));
    expect(coded(p)).not.toEqual(expect.arrayContaining(WANTED));
    expect(report.converted[0]).toBe('positions read as Unicode code points (the REFI-QDA standard) (origin "MAXQDA 2022")');
  });

  it('never splits an emoji: a boundary between the two halves of a surrogate pair moves to its end, and is reported', async () => {
    // "🇵🇰🇬🇧" starts where the fixture says; one unit later is inside 🇵.
    const { p, report } = await load(
      fixtureFiles((q) =>
        q.replace(
          /startPosition="(\d+)" endPosition="(\d+)" name="🇵🇰🇬🇧"/,
          (_, a: string, b: string) => `startPosition="${Number(a) + 1}" endPosition="${b}" name="x"`,
        ),
      ),
    );
    expect(coded(p)).toContain('creativity: 🇰🇬🇧');
    expect(report.converted).toContain(
      '1 selection boundary(ies) that fell inside a character (between the two UTF-16 units of an emoji or other character beyond U+FFFF) moved to its end',
    );
  });
});

import { importCaseSheet } from '../../electron/cases/cases';
import { ensureCodePath } from '../../electron/codebook/codebook';
import { applyCode } from '../../electron/coding/coding';
import { importFiles } from '../../electron/documents/import';
import { saveMemo } from '../../electron/coding/memos';
import { findCaseByName } from '../../electron/store/cases';
import { currentCoder, ensureCoder } from '../../electron/store/coders';
import { setAnchor } from '../../electron/store/codes';
import type { Project } from '../../electron/store/db';
import { findDocument, getDocumentText, updateDocument } from '../../electron/store/documents';
import type { DocumentKind } from '../../shared/types';
import { fixedClock, fixedIds, tempProject } from '../helpers/temp';

// A small coded study whose every count is worked out by hand in the tests:
// five schools (one without documents), five documents (one without a case, one
// with timestamps, one in several scripts), two coders, memos and an anchor example.

export const CASES_CSV = [
  'school,continent,country,phase',
  'Mbale Primary,Africa,Uganda,primary',
  'Kisumu Secondary,Africa,Kenya,secondary',
  'Hillcrest Academy,UK,England,secondary',
  'Lahore School,Asia,Pakistan,all ages',
  'Dalmore Primary,UK,Scotland,primary',
].join('\n');

export const INTERVIEW_VTT = [
  'WEBVTT',
  '',
  '00:00:01.000 --> 00:00:04.000',
  '<v Interviewer>How did the partnership start?',
  '',
  '00:00:05.500 --> 00:00:12.000',
  '<v Headteacher>A teacher from Leeds visited and we learnt to plan lessons together.',
  '',
  '00:00:13.000 --> 00:00:15.000',
  '<v Interviewer>What did students learn?',
  '',
  '00:01:02.250 --> 00:01:09.000',
  '<v Headteacher>They learnt about fair trade and the weather in England.',
  '',
].join('\n');

export const KISUMU_FG = [
  'Facilitator: What changed in your teaching?',
  'Mrs Achieng: We plan lessons together with our partner school, and I teach science using the school garden.',
  'Mr Otieno: Parents now come to the "=SUM(A1)" open days, and the village helps with the garden.',
].join('\n');

export const HILLCREST_FG = [
  'Facilitator: What do students know about Uganda?',
  'Ms Clarke: They know about fair trade, "quoted", and about the rains, sadly.',
].join('\n');

// Emoji (surrogate pairs, a ZWJ sequence), combining marks with no precomposed
// form, and Urdu (right to left): offsets in UTF-16 differ from code points here.
export const LAHORE_WS = [
  'Facilitator: What did you learn? 🌍🤝',
  'Ayesha: ہم نے لیڈز کو خط لکھے — we wrote letters to Leeds.',
  'Zoë: x̄ and q̇ are marks 👩🏽‍🏫 our teacher learnt Urdu.',
].join('\n');

export const OBSERVATION = 'The lesson used group work: pupils explained fractions to each other while the teacher listened.';

export interface Study {
  p: Project;
  docs: Record<'mbale' | 'kisumu' | 'hillcrest' | 'lahore' | 'observation', string>;
  text: (doc: string) => string;
}

const enc = new TextEncoder();

function place(p: Project, documentId: string, quote: string): { start: number; end: number } {
  const text = getDocumentText(p, documentId);
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the document`);
  return { start, end: start + quote.length };
}

export async function buildStudy(): Promise<Study> {
  const p = tempProject({ codebook: 'empty', name: 'Partnership study', coder: 'Amina', clock: fixedClock(), newId: fixedIds() });
  await importCaseSheet(p, 'schools.csv', enc.encode(CASES_CSV));
  const files: [string, string, DocumentKind, string | null][] = [
    ['Interview - Headteacher, Mbale.vtt', INTERVIEW_VTT, 'interview', 'Mbale Primary'],
    ['Focus group - Teachers, Kisumu.txt', KISUMU_FG, 'focus group', 'Kisumu Secondary'],
    ['Focus group - Teachers, Hillcrest.txt', HILLCREST_FG, 'focus group', 'Hillcrest Academy'],
    ['Student workshop - Lahore.txt', LAHORE_WS, 'student workshop', 'Lahore School'],
    ['Observation notes.txt', OBSERVATION, 'observation', null],
  ];
  const report = await importFiles(
    p,
    files.map(([name, text]) => ({ name, bytes: enc.encode(text) })),
  );
  if (report.imported.length !== files.length) throw new Error(`fixture import failed: ${JSON.stringify(report.failed)}`);
  const coder = currentCoder(p);
  for (const [name, , kind, caseName] of files) {
    const doc = findDocument(p, name.replace(/\.\w+$/, ''));
    updateDocument(p, doc.id, { kind, caseId: caseName ? findCaseByName(p, caseName)!.id : null }, coder.id);
  }
  const id = (name: string) => findDocument(p, name).id;
  const docs = {
    mbale: id('Interview - Headteacher, Mbale'),
    kisumu: id('Focus group - Teachers, Kisumu'),
    hillcrest: id('Focus group - Teachers, Hillcrest'),
    lahore: id('Student workshop - Lahore'),
    observation: id('Observation notes'),
  };
  ensureCoder(p, 'Ben');
  const code = (path: string) => ensureCodePath(p, path).id;
  for (const path of ['Teachers/Skills', 'Teachers/Pedagogy', 'Students/Knowledge', 'Communities']) code(path);
  const apply = (doc: string, path: string, quote: string, coder: string, memo = '') =>
    applyCode(p, { documentId: doc, codeId: code(path), ...place(p, doc, quote), coder, memo });
  const s1 = apply(docs.mbale, 'Teachers/Skills', 'we learnt to plan lessons together', 'Amina', 'Planning together, from the visit.');
  apply(docs.mbale, 'Students/Knowledge', 'fair trade and the weather in England', 'Amina');
  apply(docs.mbale, 'Teachers/Skills', 'we learnt to plan lessons together', 'Ben');
  apply(docs.kisumu, 'Teachers/Pedagogy', 'We plan lessons together with our partner school', 'Amina');
  apply(docs.kisumu, 'Teachers/Skills', 'our partner school, and I teach science using the school garden', 'Amina');
  apply(docs.kisumu, 'Communities', 'Parents now come to the "=SUM(A1)" open days', 'Amina', '=cmd|"/c calc"!A1 looks like a formula');
  apply(docs.hillcrest, 'Students/Knowledge', 'They know about fair trade', 'Amina');
  apply(docs.hillcrest, 'Students', 'fair trade, "quoted", and about the rains', 'Amina');
  apply(docs.lahore, 'Students/Knowledge', '👩🏽‍🏫 our teacher learnt Urdu', 'Ben');
  apply(docs.lahore, 'Communities', 'ہم نے لیڈز کو خط لکھے', 'Amina', 'Urdu: "we wrote letters to Leeds".');
  apply(docs.observation, 'Teachers/Pedagogy', 'pupils explained fractions to each other', 'Amina');
  apply(docs.lahore, 'Students/Knowledge', 'x̄ and q̇ are marks', 'Amina');
  setAnchor(p, code('Teachers/Skills'), s1.id, 'A clear case of a new skill', coder.id);
  saveMemo(p, { target: 'project', targetId: null, title: 'Analysis plan', body: 'Compare UK and African schools by phase.' });
  saveMemo(p, { target: 'document', targetId: docs.lahore, title: 'Languages', body: 'Urdu and English mixed; Zoë is a visiting teacher.' });
  return { p, docs, text: (doc) => getDocumentText(p, doc) };
}

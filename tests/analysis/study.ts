import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCaseSheet } from '../../electron/cases/cases';
import { resolveCodePath } from '../../electron/codebook/codebook';
import { applyCode } from '../../electron/coding/coding';
import { importFiles } from '../../electron/documents/import';
import { importPairs } from '../../electron/analysis/pairs';
import { ensureCoder } from '../../electron/store/coders';
import type { Project } from '../../electron/store/db';
import { findCaseByName } from '../../electron/store/cases';
import { tempProject } from '../helpers/temp';

// The study at full size: the 54 schools of the NSSP report from the fixture case
// sheet (its "partner school" column gives the 17 pairs and more), one interview
// per school, coded by two coders by a fixed plan. Tests derive every expected
// count from `plan`, never from the code under test.

export const SHEET = join(import.meta.dirname, '..', 'fixtures', 'cases', 'nssp-54-schools.csv');

export const CODES = [
  'Case-study structure/school background and demographic information',
  'Momentum/Formation/a personal connection',
  'Momentum/Communication/email',
  'Students/Knowledge/global issues',
  'Teachers/Skills/teaching skills',
  'Momentum/Challenges/funding',
];

export const SECTION_OF_CODE = ['background', 'development', 'practice', 'impact', 'impact', 'challenges'];

export interface Planned {
  caseName: string;
  code: string;
  coder: 'Amina' | 'Ben';
  line: number;
  text: string;
}

export interface Study {
  p: Project;
  cases: string[];
  plan: Planned[];
  pairsSheet: { imported: number; refused: string[] };
}

const enc = new TextEncoder();

/** Which lines of which school each coder codes: deterministic, uneven across schools. */
export function codedBy(caseIndex: number, line: number): ('Amina' | 'Ben')[] {
  const out: ('Amina' | 'Ben')[] = [];
  if ((caseIndex + line) % 3 !== 0) out.push('Amina');
  if (caseIndex % 2 === 0 && line < 3) out.push('Ben');
  return out;
}

export function lineText(caseName: string, line: number): string {
  return `Line ${line} at ${caseName}: we talked about ${['our school and its pupils', 'how we met our partners', 'the emails we send each month', 'climate change and fair trade', 'new ways of teaching', 'the cost of visits'][line]}.`;
}

export async function buildStudy(opts: { file?: string } = {}): Promise<Study> {
  const p = tempProject({ codebook: 'nssp', name: 'NSSP analysis', coder: 'Amina' }, opts.file);
  const sheet = readFileSync(SHEET);
  await importCaseSheet(p, 'nssp-54-schools.csv', sheet);
  ensureCoder(p, 'Ben');
  const cases = readFileSync(SHEET, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0]);
  const codeIds = CODES.map((c) => resolveCodePath(p, c).id);
  const plan: Planned[] = [];
  for (const [i, name] of cases.entries()) {
    const lines = CODES.map((_, j) => `${j % 2 === 0 ? 'Interviewer' : 'Headteacher'}: ${lineText(name, j)}`);
    const text = lines.join('\n');
    const r = await importFiles(p, [{ name: `Interview - ${name.replace(/'/g, '')}.txt`, bytes: enc.encode(text) }], { caseName: name, kind: 'interview' });
    const docId = r.imported[0].documentId;
    lines.forEach((_, j) => {
      const quote = lineText(name, j);
      const start = text.indexOf(quote);
      for (const coder of codedBy(i, j)) {
        applyCode(p, { documentId: docId, codeId: codeIds[j], start, end: start + quote.length, coder });
        plan.push({ caseName: name, code: CODES[j], coder, line: j, text: quote });
      }
    });
  }
  const pairs = await importPairs(p, 'nssp-54-schools.csv', sheet);
  if (!findCaseByName(p, cases[0])) throw new Error('fixture: cases were not imported');
  return { p, cases, plan, pairsSheet: { imported: pairs.imported, refused: pairs.refused } };
}

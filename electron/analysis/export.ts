import { InputError } from '../../shared/errors';
import { MIME, utf8, type Rendered } from '../reports/output';
import type { Project } from '../store/db';
import { caseStudies } from './case-study';
import { groupSummaries, type GroupSpec } from './groups';
import { frameworkMatrix, type MatrixSpec } from './matrix';
import { pairMatrix, type PairMatrixSpec } from './pair-matrix';
import { findTemplate } from './templates';

// Analysis outputs rendered to bytes (formats/reports/analysis) and written through
// a temporary file renamed into place. The drafts of many cases at once are in
// drafts.ts.

export type AnalysisFormat = 'docx' | 'xlsx' | 'md';

const rendered = (data: Uint8Array, name: string, ext: AnalysisFormat, rows: number): Rendered => ({ data, fileName: `${name}.${ext}`, mime: MIME[ext], rows });

function refuse(what: string, format: string): never {
  throw new InputError(`${what} cannot be written as ${format} (use ${what === 'the pair matrix' ? 'docx or xlsx' : 'docx or md'})`);
}

// The writers pull in docx (~14 MB resident): loaded on the first export, not with the app.
const tables = () => import('../formats/reports/analysis/tables');
const caseStudy = () => import('../formats/reports/analysis/case-study');

export async function renderMatrix(p: Project, spec: MatrixSpec, format: AnalysisFormat): Promise<Rendered> {
  const m = frameworkMatrix(p, spec);
  const { matrixDocx, matrixMarkdown, matrixXlsx } = await tables();
  const title = 'Framework matrix';
  if (format === 'xlsx') return rendered(matrixXlsx(m, title), 'framework-matrix', format, m.rows.length);
  if (format === 'md') return rendered(utf8(matrixMarkdown(m, title)), 'framework-matrix', format, m.rows.length);
  return rendered(await matrixDocx(m, title), 'framework-matrix', format, m.rows.length);
}

export async function renderPairMatrix(p: Project, spec: PairMatrixSpec, format: AnalysisFormat): Promise<Rendered> {
  const m = pairMatrix(p, spec);
  const { pairMatrixDocx, pairMatrixXlsx } = await tables();
  if (format === 'xlsx') return rendered(pairMatrixXlsx(m), 'pair-matrix', format, m.pairs.length);
  if (format === 'docx') return rendered(await pairMatrixDocx(m), 'pair-matrix', format, m.pairs.length);
  return refuse('the pair matrix', format);
}

export async function renderGroups(p: Project, spec: GroupSpec, format: AnalysisFormat): Promise<Rendered> {
  const groups = groupSummaries(p, spec);
  const { groupsDocx, groupsMarkdown } = await tables();
  const title = `Group summaries by ${spec.by.join(' × ')}`;
  if (format === 'md') return rendered(utf8(groupsMarkdown(groups, title)), 'group-summaries', format, groups.length);
  if (format === 'docx') return rendered(await groupsDocx(groups, title), 'group-summaries', format, groups.length);
  return refuse('group summaries', format);
}

export async function renderCaseStudy(p: Project, caseId: string, templateId: string | undefined, format: AnalysisFormat): Promise<Rendered> {
  const [cs] = caseStudies(p, [caseId], findTemplate(p, templateId));
  const { caseStudyDocx, caseStudyMarkdown } = await caseStudy();
  if (format === 'md') return rendered(utf8(caseStudyMarkdown(cs)), fileSafe(cs.title), format, 1);
  if (format === 'docx') return rendered(await caseStudyDocx(cs), fileSafe(cs.title), format, 1);
  return refuse('a case study', format);
}

/** A file name from a case name: no path separators or characters Windows refuses. */
export function fileSafe(name: string): string {
  return (
    name
      // eslint-disable-next-line no-control-regex -- control characters are what Windows refuses in a name
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      .replace(/[. ]+$/, '')
      .trim() || 'case'
  );
}

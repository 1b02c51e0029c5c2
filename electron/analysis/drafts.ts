import { existsSync, mkdirSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../shared/errors';
import { NO_PROGRESS, stopIfCancelled, type Progress } from '../../shared/progress';
import { breathe } from '../project/operations';
import { MIME, utf8, writeOutput, type Rendered } from '../reports/output';
import type { Project } from '../store/db';
import { listCases } from '../store/cases';
import { caseStudies } from './case-study';
import { fileSafe } from './export';
import { findTemplate } from './templates';

// The case-study drafts of many cases at once (all 54 schools of the NSSP study):
// every case is drafted in memory first, one progress step per case with a cancel
// heard between cases, and only then written — as one ZIP for the app (a single
// file, renamed into place) or one file per case into a folder for the CLI.

export interface Draft {
  name: string;
  data: Uint8Array;
}

// The writers pull in docx (~14 MB resident): loaded on the first export, not with the app.
const writers = () => import('../formats/reports/analysis/case-study');

/** Each case's draft as bytes, named after its case (a second case of the same name gets " (2)"). */
export async function draftCases(p: Project, caseIds: string[], format: 'docx' | 'md', template: string | undefined, progress: Progress): Promise<Draft[]> {
  const studies = caseStudies(p, caseIds, findTemplate(p, template));
  const { caseStudyDocx, caseStudyMarkdown } = await writers();
  const taken = new Set<string>();
  const drafts: Draft[] = [];
  for (const [i, cs] of studies.entries()) {
    progress.report('drafting', i, studies.length, cs.title);
    await breathe();
    stopIfCancelled(progress);
    let name = `${fileSafe(cs.title)}.${format}`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${fileSafe(cs.title)} (${n}).${format}`;
    taken.add(name.toLowerCase());
    drafts.push({ name, data: format === 'md' ? utf8(caseStudyMarkdown(cs)) : await caseStudyDocx(cs) });
  }
  return drafts;
}

/** The drafts packed into one ZIP (stored as they are: DOCX is compressed already). */
export async function packDrafts(drafts: Draft[], progress: Progress): Promise<Rendered> {
  progress.report('packing', drafts.length, drafts.length);
  await breathe();
  stopIfCancelled(progress);
  const { zipSync } = await import('fflate');
  const data = zipSync(Object.fromEntries(drafts.map((d) => [d.name, [d.data, { level: 0 }]])));
  return { data, fileName: 'case-study drafts.zip', mime: MIME.zip, rows: drafts.length };
}

/** The drafts of the given cases (every case when none is given) as one ZIP, for the app's export. */
export async function renderDraftsZip(p: Project, caseIds: string[] | undefined, format: 'docx' | 'md', template: string | undefined, progress: Progress) {
  const ids = caseIds?.length ? caseIds : listCases(p).map((c) => c.id);
  if (ids.length === 0) throw new InputError('there are no cases to write drafts of: import a case sheet first');
  return packDrafts(await draftCases(p, ids, format, template, progress), progress);
}

/**
 * Writes the drafts into `folder`, one file each (never over an existing file).
 * A cancel or a failure half-way removes the files written by this run (and the
 * folder, when this run made it): no partial set of drafts is left.
 */
export async function writeDrafts(folder: string, drafts: Draft[], progress: Progress): Promise<string[]> {
  const made = !existsSync(folder);
  mkdirSync(folder, { recursive: true });
  const written: string[] = [];
  try {
    for (const [i, d] of drafts.entries()) {
      progress.report('writing', i, drafts.length, d.name);
      await breathe();
      stopIfCancelled(progress);
      writeOutput(join(folder, d.name), d.data);
      written.push(d.name);
    }
    progress.report('writing', drafts.length, drafts.length);
    return written;
  } catch (e) {
    for (const name of written) rmSync(join(folder, name), { force: true });
    if (made) rmdirSync(folder);
    throw e;
  }
}

/** Writes one draft per case into `folder`; returns the names of the files written. */
export async function writeCaseStudies(
  p: Project,
  caseIds: string[],
  folder: string,
  format: 'docx' | 'md',
  template?: string,
  progress: Progress = NO_PROGRESS,
): Promise<string[]> {
  return writeDrafts(folder, await draftCases(p, caseIds, format, template, progress), progress);
}

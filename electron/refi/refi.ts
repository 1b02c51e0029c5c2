import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { RefiImportReport, RefiTarget } from '../../shared/api/reports';
import { RefiError } from '../formats/refi/errors';
import { codebookBytes, openQdpx, packQdpx } from '../formats/refi/qdpx';
import { safeFileStem } from '../formats/reports/text';
import { buildProjectFileInSteps, type OpenOptions, type Project } from '../store/db';
import { InputError, ProjectFileError, userMessage } from '../../shared/errors';
import { projectInfo, projectRow } from '../project/project';
import { ORIGIN, toRefi } from './export';
import { addSummaryNotes } from './summaries';
import { fromRefi } from './import';
import { adaptForQualCoder, type Adapted } from './qualcoder';
import { readSnapshot } from './snapshot';
import { readRefiSource, type RefiSource } from './source';
import { writeSnapshot } from './write';
import { MIME, writeOutput, type Rendered } from '../reports/output';
import { Cancelled, NO_PROGRESS, stopIfCancelled, type Progress } from '../../shared/progress';
import { breathe } from '../project/operations';

// REFI-QDA exchange (QDA-XML 1.0): the whole project as .qdpx, the codebook as
// .qdc, and imports of both from NVivo, ATLAS.ti, MAXQDA, QualCoder and others.
// An imported project is read completely (and refused on any problem) before its
// file is created, and the file is built under a temporary name and renamed into
// place when complete, so a failure or a crash never leaves a half-made project.

export { importCodebookQdc } from './codebook';
export type { RefiSource };

/** An export and what it had to change for its target tool (nothing for the standard). */
export type RenderedQdpx = Rendered & Adapted;

/**
 * The whole project as a .qdpx (project.qde + sources/<guid>.txt): standard
 * REFI-QDA, or shaped for QualCoder's import (qualcoder.ts).
 */
export function exportProjectQdpx(p: Project, target: RefiTarget = 'standard'): RenderedQdpx {
  const snapshot = readSnapshot(p);
  const x = toRefi(snapshot, target === 'qualcoder' ? 'utf16' : 'codepoint');
  addSummaryNotes(p, x.project);
  const adapted = target === 'qualcoder' ? adaptForQualCoder(x, snapshot) : { renamed: [], adapted: [] };
  const stem = safeFileStem(target === 'qualcoder' ? `${projectRow(p).name} for QualCoder` : projectRow(p).name);
  return { data: packQdpx(x.project, x.sources), fileName: `${stem}.qdpx`, mime: MIME.qdpx, rows: x.segments, ...adapted };
}

/**
 * The same export in stages ('reading', 'converting', 'packing'), with a turn of the
 * event loop between them so a cancel is heard; nothing is written here.
 */
export async function exportProjectQdpxInStages(p: Project, target: RefiTarget, progress: Progress): Promise<RenderedQdpx> {
  const step = async (stage: string, done: number) => {
    progress.report(stage, done, 3);
    await breathe();
    stopIfCancelled(progress);
  };
  await step('reading', 0);
  const snapshot = readSnapshot(p);
  await step('converting', 1);
  const x = toRefi(snapshot, target === 'qualcoder' ? 'utf16' : 'codepoint');
  addSummaryNotes(p, x.project);
  const adapted = target === 'qualcoder' ? adaptForQualCoder(x, snapshot) : { renamed: [], adapted: [] };
  await step('packing', 2);
  const stem = safeFileStem(target === 'qualcoder' ? `${projectRow(p).name} for QualCoder` : projectRow(p).name);
  const data = packQdpx(x.project, x.sources);
  progress.report('packing', 3, 3);
  return { data, fileName: `${stem}.qdpx`, mime: MIME.qdpx, rows: x.segments, ...adapted };
}

/** Writes the project as .qdpx to `outPath` (the benchmark's entry point). */
export async function exportQdpx(p: Project, outPath: string, target: RefiTarget = 'standard'): Promise<{ rows: number; bytes: number }> {
  const r = exportProjectQdpx(p, target);
  return { rows: r.rows, bytes: writeOutput(outPath, r.data) };
}

/** The codebook as a .qdc: codes with hierarchy, colour and the structured entry in Description. */
export function renderCodebookQdc(p: Project): Rendered {
  const { project } = toRefi(readSnapshot(p));
  const count = (list: typeof project.codes): number => list.reduce((n, c) => n + 1 + count(c.children), 0);
  const rows = count(project.codes);
  if (rows === 0) throw new InputError('the codebook has no codes to export (a .qdc needs at least one code)');
  const data = codebookBytes({ origin: ORIGIN, codes: project.codes, unread: {} });
  return { data, fileName: `${safeFileStem(`${projectRow(p).name} codebook`)}.qdc`, mime: MIME.qdc, rows };
}

/**
 * Imports a .qdpx (or a bare project.qde) as a new project file at `target` and
 * returns it open. Never overwrites a file; on any failure nothing is left behind.
 */
export async function importProjectQdpx(
  src: RefiSource,
  target: string,
  opts: OpenOptions & { progress?: Progress } = {},
): Promise<{ project: Project; report: RefiImportReport }> {
  const progress = opts.progress ?? NO_PROGRESS;
  const path = resolve(target);
  const targetName = basename(path);
  if (existsSync(path)) throw new InputError(`${targetName}: a file with this name already exists; choose another name`);
  if (!existsSync(dirname(path))) throw new InputError(`${targetName}: the folder ${dirname(path)} does not exist`);
  progress.report('reading', 0, 1);
  const { file, bytes } = await readRefiSource(src);
  await breathe();
  stopIfCancelled(progress);
  progress.report('checking', 0, 1, file);
  const { snapshot, converted, renamed, skipped } = fromRefi(file, openQdpx(file, bytes), opts.newId ?? randomUUID);
  await breathe();
  stopIfCancelled(progress);
  let counts: RefiImportReport['counts'] | undefined;
  try {
    // Built under a temporary name: a cancel heard while writing (between sources) removes it.
    const p = await buildProjectFileInSteps(path, opts, async (part) => {
      counts = await writeSnapshot(part, snapshot, skipped, renamed, progress);
    });
    return { project: p, report: { project: projectInfo(p), counts: counts!, converted, renamed, skipped } };
  } catch (e) {
    if (e instanceof InputError || e instanceof ProjectFileError || e instanceof Cancelled) throw e;
    throw new RefiError(file, `cannot be imported (${userMessage(e)})`);
  }
}

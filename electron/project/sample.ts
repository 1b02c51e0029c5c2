import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ProjectFileError } from '../../shared/errors';
import { SAMPLE } from '../../shared/sample';
import type { DocumentKind } from '../../shared/types';
import { resolveCodePath } from '../store/codes';
import { ensureCoder, setCurrentCoder } from '../store/coders';
import { closeProject, openProject, type Project } from '../store/db';
import { fsyncDir, renameIntoPlace } from '../store/files';
import { findDocument } from '../store/documents';
import { importCaseSheet } from '../cases/cases';
import { applyCode } from '../coding/coding';
import { importFiles } from '../documents/import';
import { newProject } from './project';
import { updateDocument } from '../store/documents';
import { findCaseByName } from '../store/cases';
import { addSampleAnalysis } from '../analysis/sample';

/**
 * The sample project a new user opens in one click: three short fictional
 * transcripts (an interview, a teacher focus group, a student workshop), their
 * schools as cases, and two coders' coding — so agreement has something to show.
 * It is built fresh in the user's settings folder, never shipped as a binary file.
 */
export async function buildSampleProject(path: string, nativeBinding?: string): Promise<Project> {
  const p = newProject(path, { name: 'Sample: North–South School Partnerships', codebook: 'nssp', coder: 'Amina', nativeBinding });
  try {
    const enc = new TextEncoder();
    await importFiles(
      p,
      SAMPLE.transcripts.map((t) => ({ name: `${t.name}.txt`, bytes: enc.encode(t.text) })),
    );
    await importCaseSheet(p, 'cases.csv', enc.encode(SAMPLE.casesCsv));
    p.db.transaction(() => {
      const coder = ensureCoder(p, 'Amina');
      for (const t of SAMPLE.transcripts) {
        const doc = findDocument(p, t.name);
        const c = findCaseByName(p, t.caseName);
        updateDocument(p, doc.id, { kind: t.kind as DocumentKind, caseId: c?.id ?? null }, coder.id);
      }
      for (const c of SAMPLE.codings) {
        const doc = findDocument(p, c.document);
        const text = SAMPLE.transcripts.find((t) => t.name === c.document)!.text.replace(/\r\n?/g, '\n');
        const start = text.indexOf(c.quote);
        if (start < 0) continue;
        applyCode(p, { documentId: doc.id, codeId: resolveCodePath(p, c.code).id, start, end: start + c.quote.length, memo: c.memo, coder: c.coder });
      }
    })();
    setCurrentCoder(p, 'Amina');
    await addSampleAnalysis(p, enc.encode(SAMPLE.casesCsv));
    return p;
  } catch (e) {
    closeProject(p);
    rmSync(path, { force: true });
    throw e;
  }
}

/**
 * Opens the sample in `folder`, building it the first time. The sample is built
 * in a hidden folder beside it and moved into place only when complete, so a
 * crash mid-build never leaves a half sample that later opens as if whole. A
 * sample that is locked by another window is refused like any project; only a
 * damaged one is set aside (renamed, never deleted: the user may have coded in
 * it) and built afresh.
 */
export async function openSampleProject(folder: string, nativeBinding?: string): Promise<Project> {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, SAMPLE_FILE);
  if (existsSync(path)) {
    try {
      return openProject(path, { nativeBinding });
    } catch (e) {
      if (!(e instanceof ProjectFileError)) throw e;
      setAside(path);
    }
  }
  clearBuildLeftovers(folder);
  const building = mkdtempSync(join(folder, BUILDING_PREFIX));
  try {
    const temp = join(building, SAMPLE_FILE);
    closeProject(await buildSampleProject(temp, nativeBinding));
    renameIntoPlace(temp, path);
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  return openProject(path, { nativeBinding });
}

const SAMPLE_FILE = 'Sample project.fieldcode';
const BUILDING_PREFIX = '.sample-building-';

/** A damaged sample moves to "Sample project (damaged <time>).fieldcode" beside it. */
function setAside(path: string): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const aside = path.replace(/\.fieldcode$/, ` (damaged ${stamp}).fieldcode`);
  renameSync(path, aside);
  for (const side of ['-wal', '-shm']) if (existsSync(path + side)) renameSync(path + side, aside + side);
  fsyncDir(dirname(path));
}

/** Folders left by a build that was killed: never a project, safe to remove. */
function clearBuildLeftovers(folder: string): void {
  for (const name of readdirSync(folder)) if (name.startsWith(BUILDING_PREFIX)) rmSync(join(folder, name), { recursive: true, force: true });
}

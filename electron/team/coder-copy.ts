import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Coder } from '../../shared/types';
import { ensureCoder } from '../store/coders';
import { closeProject, openProject, type Project } from '../store/db';
import { removeWithSideFiles, renameIntoPlace } from '../store/files';
import { findDocument } from '../store/documents';
import { InputError } from '../../shared/errors';
import { setSetting } from '../store/settings';
import { projectRow } from '../project/project';

// A coder's copy of the master: the same project (same ids, codebook, cases and
// documents — all or a chosen few), with the coder set as the one writing in it.
// Others' codings are left out unless asked for, so coders code independently
// (what inter-coder agreement needs). The copy remembers what it was made from and
// when, so a merge can tell an edit made in the copy from one made in the master.

/** Settings key of a coder copy's origin. */
export const COPY_SETTING = 'copy.of';

export interface CopyOrigin {
  projectId: string;
  master: string;
  madeAt: string;
  coderId: string;
  coder: string;
  /** the documents handed out (all live documents when none were chosen) */
  documentIds: string[];
}

export interface CoderCopyOptions {
  /** document names or ids; all documents when absent or empty */
  documents?: string[];
  /** keep every coder's codings in the copy (default: only this coder's) */
  withCodings?: boolean;
}

export interface CoderCopyReport {
  path: string;
  file: string;
  coder: Coder;
  documents: number;
  segments: number;
  madeAt: string;
}

function chosenDocuments(master: Project, names: string[] | undefined): string[] | null {
  const list = (names ?? []).map((n) => n.trim()).filter(Boolean);
  if (list.length === 0) return null;
  return [...new Set(list.map((n) => findDocument(master, n).id))];
}

/** Removes, for good, the rows a coder copy must not carry: other documents, others' codings. */
function prune(copy: Project, keepDocs: string[] | null, coderId: string, withCodings: boolean): void {
  const db = copy.db;
  db.exec('CREATE TEMP TABLE drop_docs (id TEXT PRIMARY KEY); CREATE TEMP TABLE drop_segments (id TEXT PRIMARY KEY);');
  if (keepDocs) {
    db.exec('CREATE TEMP TABLE keep_docs (id TEXT PRIMARY KEY)');
    const keep = db.prepare('INSERT INTO temp.keep_docs (id) VALUES (?)');
    for (const id of keepDocs) keep.run(id);
    db.exec('INSERT INTO temp.drop_docs SELECT id FROM documents WHERE id NOT IN (SELECT id FROM temp.keep_docs)');
  }
  db.exec('INSERT INTO temp.drop_segments SELECT id FROM segments WHERE document_id IN (SELECT id FROM temp.drop_docs)');
  if (!withCodings) db.prepare('INSERT OR IGNORE INTO temp.drop_segments SELECT id FROM segments WHERE coder_id != ?').run(coderId);
  db.exec(`
    DELETE FROM anchor_examples WHERE segment_id IN (SELECT id FROM temp.drop_segments);
    DELETE FROM memos WHERE (target = 'segment' AND target_id IN (SELECT id FROM temp.drop_segments))
                         OR (target = 'document' AND target_id IN (SELECT id FROM temp.drop_docs));
    DELETE FROM segments WHERE id IN (SELECT id FROM temp.drop_segments);
    DELETE FROM turns WHERE document_id IN (SELECT id FROM temp.drop_docs);
    DELETE FROM document_search WHERE document_id IN (SELECT id FROM temp.drop_docs);
    DELETE FROM documents WHERE id IN (SELECT id FROM temp.drop_docs);
    DELETE FROM merges;
    -- reliability samples belong to the master (who drew them), not to a coder's copy
    DELETE FROM reliability_sample_documents;
    DELETE FROM reliability_samples;
  `);
}

/**
 * Writes a copy of the master for one coder. The master is only read; the copy is
 * built beside `out` under a temporary name and renamed into place when complete,
 * so a crash never leaves a half-written copy under the real name.
 */
export function coderCopy(master: Project, out: string, coderName: string, opts: CoderCopyOptions = {}): CoderCopyReport {
  const name = coderName.trim();
  if (!name) throw new InputError('a coder copy needs the name of the coder who will code in it');
  const target = resolve(out);
  const file = basename(target);
  if (target === resolve(master.path)) throw new InputError(`${file}: this is the master project itself; choose a new file for the copy`);
  if (existsSync(target)) throw new InputError(`${file}: a file with this name already exists; choose another name`);
  const keepDocs = chosenDocuments(master, opts.documents);
  const partial = `${target}.part`;
  removeWithSideFiles(partial);
  let copy: Project | null = null;
  try {
    master.db.prepare('VACUUM INTO ?').run(partial);
    copy = openProject(partial, { building: true });
    const c = copy;
    // What the prune removes is overwritten, not only unlinked: nothing of it stays readable in the copy.
    c.db.pragma('secure_delete = ON');
    const report = c.db.transaction(() => {
      const coder = ensureCoder(c, name);
      prune(c, keepDocs, coder.id, !!opts.withCodings);
      const madeAt = c.now();
      const documentIds = c.db.prepare('SELECT id FROM documents WHERE deleted_at IS NULL ORDER BY name').pluck().all() as string[];
      const origin: CopyOrigin = { projectId: projectRow(c).id, master: basename(master.path), madeAt, coderId: coder.id, coder: coder.name, documentIds };
      setSetting(c, 'coder', coder.id);
      setSetting(c, COPY_SETTING, JSON.stringify(origin));
      const segments = c.db.prepare('SELECT count(*) FROM segments WHERE deleted_at IS NULL').pluck().get() as number;
      return { path: target, file, coder, documents: documentIds.length, segments, madeAt };
    })();
    // Pages the prune emptied go back, so the copy stays as compact as VACUUM INTO made
    // it; a copy of everything (the usual first hand-out) frees none and is not rewritten.
    if ((c.db.pragma('freelist_count', { simple: true }) as number) > 0) c.db.exec('VACUUM');
    closeProject(c);
    copy = null;
    renameIntoPlace(partial, target);
    return report;
  } finally {
    if (copy) closeProject(copy);
    removeWithSideFiles(partial);
  }
}

/** The origin recorded in a coder copy, or null for a project that is not one. */
export function readCopyOrigin(value: string | null): CopyOrigin | null {
  if (!value) return null;
  try {
    const o = JSON.parse(value) as CopyOrigin;
    return typeof o.projectId === 'string' && typeof o.madeAt === 'string' ? o : null;
  } catch {
    return null;
  }
}

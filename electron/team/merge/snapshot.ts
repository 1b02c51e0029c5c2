import { MERGE_KINDS, type MergeKind } from '../../../shared/api/team';
import { readCopyOrigin, COPY_SETTING, type CopyOrigin } from '../coder-copy';
import { readRows, type Row, type Tables } from './model';
import type { CopyText, Snapshot } from './plan';
import { MergeRefusal, openCopy, readSafely, type CopyFile } from './source';
import { validateRows } from './validate';

// Everything a merge needs from one copy, read in one go so the copy's database
// can be closed (and its memory freed) before the next copy is read. Document
// texts are read only for documents the master does not already hold.

export interface CopySnapshot extends Snapshot {
  project: { id: string; name: string; codebook: string };
  origin: CopyOrigin | null;
}

function needsText(master: Tables, aliases: Map<string, string>, doc: Row): boolean {
  if (aliases.has(String(doc.id))) return false;
  const same = master.documents.get(String(doc.id));
  if (same && same.sha256 === doc.sha256) return false;
  if (!same) for (const m of master.documents.values()) if (m.deleted_at === null && m.sha256 === doc.sha256) return false;
  return true;
}

export function loadSnapshot(copy: CopyFile, masterCodebook: string, master: Tables, docAliases: Map<string, string>, nativeBinding?: string): CopySnapshot {
  const open = openCopy(copy, nativeBinding);
  try {
    return readSafely(copy, () => {
      const db = open.db;
      const project = db.prepare('SELECT id, name, codebook FROM project LIMIT 1').get() as CopySnapshot['project'] | undefined;
      if (!project) throw new MergeRefusal(copy.file, 'the project file is damaged (it has no project record)');
      if (project.codebook !== masterCodebook) {
        throw new MergeRefusal(
          copy.file,
          `built on a different codebook ("${project.codebook}"; the master uses "${masterCodebook}"); only projects with the same codebook can be merged`,
        );
      }
      const setting = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(COPY_SETTING) as string | undefined;
      const rows = Object.fromEntries(MERGE_KINDS.map((k) => [k, readRows(db, k)])) as Record<MergeKind, Row[]>;
      for (const k of MERGE_KINDS) validateRows(copy.file, k, rows[k]);
      const texts = new Map<string, CopyText>();
      const text = db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
      const turns = db.prepare('SELECT idx, speaker, role, start, end, time_start, time_end FROM turns WHERE document_id = ? ORDER BY idx');
      for (const d of rows.documents) {
        if (needsText(master, docAliases, d)) texts.set(String(d.id), { text: text.get(d.id) as string, turns: turns.all(d.id) as Row[] });
      }
      return { rows, texts, file: copy.file, project, origin: readCopyOrigin(setting ?? null) };
    });
  } finally {
    open.close();
  }
}

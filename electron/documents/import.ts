import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { ImportReport } from '../../shared/api';
import type { DocumentKind } from '../../shared/types';
import { ImportError, readTranscript } from '../formats/transcripts';
import { listImportable } from '../formats/transcripts/walk';
import { backupUnlessRecent } from '../store/backup';
import { ensureCase } from '../store/cases';
import { coderFor } from '../store/coders';
import type { Project } from '../store/db';
import { countDocuments, findDocumentBySha, insertDocument } from '../store/documents';
import { userMessage } from '../../shared/errors';

export interface ImportOptions {
  kind?: DocumentKind;
  caseName?: string;
  coder?: string;
  /** called after each file, for a progress bar */
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

/** A document kind guessed from the file name, so a folder of mixed transcripts sorts itself. */
export function guessKind(name: string): DocumentKind {
  const n = name.toLowerCase();
  if (/focus[\s_-]*group|\bfg\b/.test(n)) return 'focus group';
  if (/workshop/.test(n)) return 'student workshop';
  if (/observ/.test(n)) return 'observation';
  if (/interview/.test(n)) return 'interview';
  return 'interview';
}

const MAX_FILE = 50 * 1024 * 1024;
const tooLarge = (bytes: number) => `the file is too large (${Math.round(bytes / 1048576)} MB; the limit is 50 MB)`;

/**
 * Imports transcripts. Each file is read and checked before the single write
 * transaction, so one bad file is reported with its reason and the rest still
 * import; identical content (by SHA-256) is recognised and not imported twice.
 */
export async function importFiles(p: Project, files: IncomingFile[], opts: ImportOptions = {}): Promise<ImportReport> {
  const report: ImportReport = { imported: [], duplicates: [], failed: [] };
  const ready: { file: string; name: string; parsed: Awaited<ReturnType<typeof readTranscript>>; sha: string }[] = [];
  const seen = new Map<string, string>();
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    try {
      if (f.bytes.byteLength > MAX_FILE) throw new ImportError(f.name, tooLarge(f.bytes.byteLength));
      const parsed = await readTranscript(f.name, f.bytes);
      const sha = createHash('sha256').update(parsed.text).digest('hex');
      const existing = findDocumentBySha(p, sha)?.name ?? seen.get(sha);
      if (existing) report.duplicates.push({ file: f.name, existing });
      else {
        seen.set(sha, basename(f.name, extname(f.name)));
        ready.push({ file: f.name, name: basename(f.name, extname(f.name)), parsed, sha });
      }
    } catch (e) {
      const reason = e instanceof ImportError ? e.reason : userMessage(e);
      report.failed.push({ file: f.name, reason });
    }
    opts.onProgress?.(i + 1, files.length, f.name);
  }
  if (ready.length === 0) return report;
  // A backup before importing into a project that already holds work; batches of
  // one import (the dialog sends files a few at a time) share the first one.
  if (countDocuments(p) > 0) await backupUnlessRecent(p, 'import', 10 * 60_000);
  // One transaction for the whole batch, a new coder included.
  p.db.transaction(() => {
    const coder = coderFor(p, opts.coder);
    const caseId = opts.caseName?.trim() ? ensureCase(p, opts.caseName, coder.id).id : null;
    for (const r of ready) {
      const now = p.now();
      const id = p.newId();
      insertDocument(
        p,
        {
          id,
          name: r.name,
          kind: opts.kind ?? guessKind(r.file),
          case_id: caseId,
          text: r.parsed.text,
          chars: r.parsed.text.length,
          sha256: r.sha,
          format: r.parsed.format,
          encoding: r.parsed.encoding,
          source_name: basename(r.file),
          imported_at: now,
          updated_at: now,
          coder_id: coder.id,
          deleted_at: null,
        },
        r.parsed.turns.map((t, idx) => ({
          idx,
          speaker: t.speaker,
          role: null,
          start: t.start,
          end: t.end,
          time_start: t.timeStart,
          time_end: t.timeEnd,
        })),
      );
      report.imported.push({ file: r.file, documentId: id, name: r.name, turns: r.parsed.turns.length });
    }
  })();
  return report;
}

/** Imports files and folders from disk (CLI, Electron). Unreadable paths are reported, not thrown. */
export async function importPaths(p: Project, paths: string[], opts: ImportOptions = {}): Promise<ImportReport> {
  const { files, skipped } = await listImportable(paths);
  const incoming: IncomingFile[] = [];
  const failed = skipped.map((s) => ({ file: s.file, reason: s.reason }));
  for (const file of files) {
    try {
      // The size first: a 300 MB file is refused without being read into memory.
      const size = (await stat(file)).size;
      if (size > MAX_FILE) {
        failed.push({ file, reason: tooLarge(size) });
        continue;
      }
      incoming.push({ name: file, bytes: await readFile(file) });
    } catch (e) {
      failed.push({ file, reason: `cannot read the file (${userMessage(e)})` });
    }
  }
  const report = await importFiles(p, incoming, opts);
  report.failed.unshift(...failed);
  return report;
}

/** The app's import: files sent as bytes (the browser) and paths on disk (Electron), one report. */
export async function importDocuments(p: Project, input: { files: IncomingFile[]; paths: string[] } & ImportOptions): Promise<ImportReport> {
  const { files, paths, ...opts } = input;
  const fromFiles = await importFiles(p, files, opts);
  if (paths.length === 0) return fromFiles;
  const fromPaths = await importPaths(p, paths, opts);
  return {
    imported: [...fromFiles.imported, ...fromPaths.imported],
    duplicates: [...fromFiles.duplicates, ...fromPaths.duplicates],
    failed: [...fromFiles.failed, ...fromPaths.failed],
  };
}

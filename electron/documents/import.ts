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
import { stopIfCancelled, type Progress } from '../../shared/progress';
import { breathe, writeInSteps } from '../project/operations';

export interface ImportOptions {
  kind?: DocumentKind;
  caseName?: string;
  coder?: string;
  /** 'reading' per file, then 'writing' per document inside the one (stepped) transaction; a cancel rolls it back */
  progress?: Progress;
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
  const progress = opts.progress;
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    progress?.report('reading', i, files.length, basename(f.name));
    // A cancel is read between files, before anything is written.
    await breathe();
    stopIfCancelled(progress);
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
  }
  progress?.report('reading', files.length, files.length);
  if (ready.length === 0) return report;
  stopIfCancelled(progress);
  // A backup before importing into a project that already holds work; batches of
  // one import (the dialog sends files a few at a time) share the first one.
  if (countDocuments(p) > 0) await backupUnlessRecent(p, 'import', 10 * 60_000);
  // One transaction for the whole batch, a new coder included; a turn of the event
  // loop after each document lets a cancel in, which rolls the whole batch back.
  await writeInSteps(p, progress, async (next) => {
    const coder = coderFor(p, opts.coder);
    const caseId = opts.caseName?.trim() ? ensureCase(p, opts.caseName, coder.id).id : null;
    for (const [k, r] of ready.entries()) {
      progress?.report('writing', k, ready.length, basename(r.file));
      // A cancel thrown here, inside the transaction, rolls back every document of the batch.
      await next();
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
  });
  progress?.report('writing', ready.length, ready.length);
  return report;
}

/** Reads the files and folders named; what cannot be read is listed with its reason. */
async function readPaths(paths: string[]): Promise<{ incoming: IncomingFile[]; failed: ImportReport['failed'] }> {
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
  return { incoming, failed };
}

/** Imports files and folders from disk (CLI, Electron). Unreadable paths are reported, not thrown. */
export async function importPaths(p: Project, paths: string[], opts: ImportOptions = {}): Promise<ImportReport> {
  const { incoming, failed } = await readPaths(paths);
  const report = await importFiles(p, incoming, opts);
  report.failed.unshift(...failed);
  return report;
}

/** The app's import: files sent as bytes (the browser) and paths on disk (Electron), one report. */
export async function importDocuments(p: Project, input: { files: IncomingFile[]; paths: string[] } & ImportOptions): Promise<ImportReport> {
  const { files, paths, ...opts } = input;
  // One batch, so one transaction: a cancel leaves none of it behind.
  const { incoming, failed } = paths.length ? await readPaths(paths) : { incoming: [], failed: [] };
  const report = await importFiles(p, [...files, ...incoming], opts);
  report.failed.push(...failed);
  return report;
}

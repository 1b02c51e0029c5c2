import { statSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import type { ExportedFile } from '../../shared/api/reports';
import { FieldcodeError, InputError, userMessage } from '../../shared/errors';
import { checkOutputTarget, writeFileAtomic, type OutputGuard } from '../store/files';

// Every export is rendered to bytes first and then written in one go through a
// temporary file renamed into place: a failed export never leaves a half-written
// file where the user expects a report (or clobbers yesterday's good one).

export interface Rendered {
  data: Uint8Array;
  fileName: string;
  mime: string;
  rows: number;
}

export const MIME: Record<string, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html;charset=utf-8',
  md: 'text/markdown;charset=utf-8',
  json: 'application/json',
  qdpx: 'application/zip',
  qdc: 'application/xml',
  zip: 'application/zip',
};

export function utf8(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

/**
 * Writes bytes to `path` atomically (temporary name, fsync, rename, folder fsync);
 * returns the size written. Never over a project file or its backups, and over
 * another existing file only with `guard.overwrite`.
 */
export function writeOutput(path: string, data: Uint8Array, guard: OutputGuard = {}, beforeRename?: () => void): number {
  checkOutputTarget(path, guard);
  try {
    writeFileAtomic(path, data, { replace: !!guard.overwrite, beforeRename });
  } catch (e) {
    if (e instanceof FieldcodeError) throw e;
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'the folder does not exist' : userMessage(e);
    throw new InputError(`${path}: cannot write the file (${reason})`);
  }
  return statSync(path).size;
}

/**
 * Writes to `path` when given (it must be absolute), else returns the bytes as base64.
 * `beforeRename` runs once the temporary file is complete (a cancel throws there: no file).
 */
export function deliver(r: Rendered, path?: string, guard: OutputGuard = {}, beforeRename?: () => void): ExportedFile {
  if (path) {
    if (!isAbsolute(path)) throw new InputError(`${path}: give an absolute path to write the export to`);
    const bytes = writeOutput(path, r.data, guard, beforeRename);
    return { fileName: basename(path), path, data: null, mime: r.mime, bytes, rows: r.rows };
  }
  return { fileName: r.fileName, path: null, data: Buffer.from(r.data).toString('base64'), mime: r.mime, bytes: r.data.byteLength, rows: r.rows };
}

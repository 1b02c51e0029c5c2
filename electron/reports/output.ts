import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { ExportedFile } from '../../shared/api/reports';
import { InputError, userMessage } from '../../shared/errors';

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
};

export function utf8(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

/** Writes bytes to `path` atomically; returns the size written. */
export function writeOutput(path: string, data: Uint8Array): number {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'the folder does not exist' : userMessage(e);
    throw new InputError(`${path}: cannot write the file (${reason})`);
  }
  return statSync(path).size;
}

/** Writes to `path` when given (it must be absolute), else returns the bytes as base64. */
export function deliver(r: Rendered, path?: string): ExportedFile {
  if (path) {
    if (!isAbsolute(path)) throw new InputError(`${path}: give an absolute path to write the export to`);
    const bytes = writeOutput(path, r.data);
    return { fileName: basename(path), path, data: null, mime: r.mime, bytes, rows: r.rows };
  }
  return { fileName: r.fileName, path: null, data: Buffer.from(r.data).toString('base64'), mime: r.mime, bytes: r.data.byteLength, rows: r.rows };
}

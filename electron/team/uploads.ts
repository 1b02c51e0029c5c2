import { chmodSync, closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FileError } from '../../shared/errors';
import type { UploadedCopy } from '../../shared/shell';
import { fsyncDir, renameIntoPlace } from '../store/files';

// Coder copies chosen with a file picker in browser mode: the browser cannot name a
// path, so it sends the file to the local server, which keeps it here until merged.
// Each copy gets its own private folder (0700) under the upload folder; it is written
// under a temporary name (0600), flushed, renamed into place and made read-only — a
// merge input is never written — and the folder is deleted after the merge.

/** The largest copy accepted (a project with many transcripts stays far below it). */
export const MAX_UPLOAD = 2 * 1024 ** 3;

export type { UploadedCopy };

/** The copies this process received and has not deleted yet. */
const received = new Set<string>();

/** The file's own name, with no folder or control characters; a coder copy must be a .fieldcode file. */
export function copyName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const name = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!/\.fieldcode$/i.test(name) || name.length > 255 || name.startsWith('.')) {
    throw new FileError(name || 'the file', 'a coder copy is a .fieldcode project file');
  }
  return name;
}

export class UploadTooLargeError extends FileError {}

const tooLarge = (name: string, limit: number) => new UploadTooLargeError(name, `the file is larger than ${limit} bytes, the most the local server accepts`);

/**
 * Receives one coder copy from `chunks` into a new private folder under `folder`.
 * `declared` (the request's length) is refused at once when over `limit`; the bytes
 * are counted too. A refused or broken upload leaves nothing behind.
 */
export async function receiveCopy(
  chunks: AsyncIterable<Uint8Array>,
  rawName: string,
  opts: { folder: string; limit?: number; declared?: number },
): Promise<UploadedCopy> {
  const limit = opts.limit ?? MAX_UPLOAD;
  const name = copyName(rawName);
  if (opts.declared !== undefined && opts.declared > limit) throw tooLarge(name, limit);
  const dir = mkdtempSync(join(opts.folder, 'copy-')); // 0700: only this user reads it
  const partial = join(dir, `.${name}.partial`);
  let bytes = 0;
  try {
    const fd = openSync(partial, 'wx', 0o600);
    try {
      for await (const chunk of chunks) {
        bytes += chunk.length;
        if (bytes > limit) throw tooLarge(name, limit);
        for (let at = 0; at < chunk.length;) at += writeSync(fd, chunk, at);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const path = join(dir, name);
    renameIntoPlace(partial, path);
    chmodSync(path, 0o400);
    fsyncDir(dir);
    received.add(path);
    return { path, name, bytes };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** Deletes the received copies among `paths` (a typed path of the researcher's own is never touched). */
export function discardCopies(paths: readonly string[]): void {
  for (const p of paths.map((x) => resolve(x))) {
    if (!received.delete(p)) continue;
    rmSync(dirname(p), { recursive: true, force: true });
  }
}

/** Deletes every received copy under `folder` (the server stops). */
export function discardCopiesUnder(folder: string): void {
  const root = resolve(folder);
  discardCopies([...received].filter((p) => p.startsWith(root)));
}

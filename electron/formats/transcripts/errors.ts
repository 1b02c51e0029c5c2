import { FileError } from '../../../shared/errors';

/** A transcript that cannot be imported. */
export class ImportError extends FileError {}

/** The largest transcript we read; larger files are almost always the wrong file (a video, an archive). */
export const MAX_TRANSCRIPT_BYTES = 50 * 1024 * 1024;

export function checkSize(file: string, bytes: Uint8Array): void {
  if (bytes.byteLength > MAX_TRANSCRIPT_BYTES) {
    const mb = Math.ceil(bytes.byteLength / (1024 * 1024));
    throw new ImportError(file, `the file is too large (${mb} MB; the limit is 50 MB)`);
  }
  if (bytes.byteLength === 0) throw new ImportError(file, 'the file is empty');
}

import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { RefiError } from '../formats/refi/errors';
import { InputError, userMessage } from '../../shared/errors';

/** A file to read: bytes that arrived (browser mode) or a path on disk. */
export type RefiSource = { name: string; bytes: Uint8Array } | { path: string };

/** Larger than any real project exchange file; a bigger one is almost surely the wrong file. */
const MAX_FILE_BYTES = 1024 * 1024 * 1024;

export async function readRefiSource(src: RefiSource): Promise<{ file: string; bytes: Uint8Array }> {
  if ('bytes' in src) return { file: basename(src.name), bytes: src.bytes };
  const file = basename(src.path);
  let size: number;
  try {
    const st = statSync(src.path);
    if (st.isDirectory()) throw new InputError(`${file}: is a folder, not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: no such file`);
  }
  if (size > MAX_FILE_BYTES) throw new RefiError(file, `the file is too large (${Math.ceil(size / 1048576)} MB; the limit is 1024 MB)`);
  try {
    return { file, bytes: await readFile(src.path) };
  } catch (e) {
    throw new InputError(`${file}: cannot read the file (${userMessage(e)})`);
  }
}

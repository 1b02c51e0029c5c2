import Database from 'better-sqlite3';
import { createHash, type Hash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { APPLICATION_ID, type Project } from '../../store/db';
import { InputError, ProjectFileError } from '../../../shared/errors';
import { migrate, SCHEMA_VERSION } from '../../store/migrations';
import { checkSchema } from '../../store/schema';

// Opening a coder's copy (or any other project) for a merge without ever writing
// to it. The file is read once into memory: its SHA-256 is taken from those bytes
// and SQLite reads the same bytes as an in-memory database, so neither the file
// nor its folder is touched (a read-only SQLite handle would leave -wal/-shm files
// beside it). A copy with a pending -wal journal (still open in Fieldcode, or not
// closed after a crash) is copied with its journal into a temporary folder first.

/** A refusal to merge a file: one line naming the file and the reason. */
export class MergeRefusal extends InputError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export interface CopyFile {
  path: string;
  file: string;
  sha256: string;
  bytes: Buffer;
  /** the copy's pending -wal journal, when it has one */
  wal: Buffer | null;
  /** device, inode, size and change times when read: the same identity later means the same bytes */
  identity: string | null;
}

export interface OpenCopy {
  db: Database.Database;
  close: () => void;
}

function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

function refusal(file: string, e: unknown): MergeRefusal {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new MergeRefusal(file, 'no such project file');
  if (code === 'EISDIR') return new MergeRefusal(file, 'is a folder, not a project file');
  if (code === 'EACCES' || code === 'EPERM') return new MergeRefusal(file, 'cannot be read (permission denied)');
  return new MergeRefusal(file, `cannot be read (${code ?? (e as Error).message})`);
}

const CHUNK = 4 << 20;

/** Reads a whole file and hashes it as it arrives: each chunk is hashed while the next one is read. */
async function readHashed(path: string, file: string): Promise<{ bytes: Buffer; hash: Hash }> {
  let fh: FileHandle | null = null;
  try {
    fh = await open(path, 'r');
    const size = (await fh.stat()).size;
    const bytes = Buffer.allocUnsafe(size);
    const hash = createHash('sha256');
    const readAt = (at: number) => fh!.read(bytes, at, Math.min(CHUNK, size - at), at);
    let at = 0;
    let pending = size > 0 ? readAt(0) : null;
    while (pending) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) throw new MergeRefusal(file, 'changed while it was being read; merge again');
      const chunk = bytes.subarray(at, at + bytesRead);
      at += bytesRead;
      pending = at < size ? readAt(at) : null;
      hash.update(chunk);
    }
    return { bytes, hash };
  } catch (e) {
    if (e instanceof MergeRefusal) throw e;
    throw refusal(file, e);
  } finally {
    await fh?.close();
  }
}

/** Checks the SQLite header and the Fieldcode identity and version from the raw bytes. */
function checkHeader(bytes: Buffer, file: string, hasWal: boolean): void {
  if (bytes.length === 0) throw new MergeRefusal(file, 'the file is empty, not a Fieldcode project');
  if (bytes.length < 100 || bytes.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') {
    throw new MergeRefusal(file, 'not a Fieldcode project (not an SQLite database)');
  }
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  const pages = bytes.readUInt32BE(28);
  // With a pending journal the file may be shorter than its header says (a checkpoint was cut short): SQLite judges it when opened.
  if (!hasWal && pages > 0 && bytes.length < pageSize * pages)
    throw new MergeRefusal(file, 'the project file is truncated (it is shorter than its header says)');
  if (bytes.readUInt32BE(68) !== APPLICATION_ID) throw new MergeRefusal(file, 'not a Fieldcode project (an SQLite database of another program)');
  const version = bytes.readUInt32BE(60);
  if (version > SCHEMA_VERSION) {
    throw new MergeRefusal(
      file,
      `made by a newer Fieldcode (file version ${version}, this version reads up to ${SCHEMA_VERSION}); update Fieldcode to merge it`,
    );
  }
}

/**
 * A file's identity on disk — device, inode, size, modification and change times
 * in nanoseconds — or null when it has none worth trusting (missing, not a plain
 * file, or with a pending -wal journal). As in git's index, a file whose identity
 * is unchanged has not been written since, so its recorded hash still holds.
 */
export function fileIdentity(path: string): string | null {
  try {
    const s = statSync(path, { bigint: true });
    if (!s.isFile()) return null;
    try {
      if (statSync(`${path}-wal`).size > 0) return null;
    } catch {
      // no journal: the usual case
    }
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return null;
  }
}

export function refuseMaster(master: Project, path: string): void {
  if (sameFile(path, master.path))
    throw new MergeRefusal(basename(path), 'this is the master project itself; merge coders\u2019 copies into it, not the master');
}

/** Reads and checks a file to merge; refuses the master itself and anything that is not a Fieldcode project. */
export async function readCopy(master: Project, path: string): Promise<CopyFile> {
  const file = basename(path);
  refuseMaster(master, path);
  const identity = fileIdentity(path);
  const { bytes, hash } = await readHashed(path, file);
  let wal: Buffer | null = null;
  try {
    if (statSync(`${path}-wal`).size > 0) wal = await readFile(`${path}-wal`);
  } catch {
    wal = null;
  }
  checkHeader(bytes, file, wal !== null);
  if (wal) hash.update(wal);
  return { path: resolve(path), file, sha256: hash.digest('hex'), bytes, wal, identity };
}

function damaged(file: string, e: unknown): MergeRefusal {
  const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return new MergeRefusal(file, `the project file is damaged (${msg})`);
}

/** Opens the copy's bytes as a database that only lives in memory (or in a temporary folder). */
export function openCopy(copy: CopyFile, nativeBinding?: string): OpenCopy {
  try {
    if (!copy.wal) {
      // Header bytes 18–19 say "WAL"; an in-memory database must read as a rollback-journal one.
      // (The bytes were hashed already; the file itself is never written.)
      const bytes = copy.bytes;
      bytes[18] = 1;
      bytes[19] = 1;
      const db = new Database(bytes, { nativeBinding });
      trustNothing(db, copy.file);
      migrate(db);
      db.pragma('query_only = ON');
      return { db, close: () => db.close() };
    }
    const dir = mkdtempSync(join(tmpdir(), 'fieldcode-merge-'));
    const tmp = join(dir, 'copy.fieldcode');
    copyFileSync(copy.path, tmp);
    copyFileSync(`${copy.path}-wal`, `${tmp}-wal`);
    const db = new Database(tmp, { nativeBinding });
    trustNothing(db, copy.file);
    migrate(db);
    db.pragma('query_only = ON');
    return {
      db,
      close: () => {
        db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    if (e instanceof MergeRefusal) throw e;
    throw damaged(copy.file, e);
  }
}

/** A copy's schema may hold only what Fieldcode creates; no function with side effects runs from it. */
function trustNothing(db: Database.Database, file: string): void {
  db.pragma('trusted_schema = OFF');
  try {
    checkSchema(db, file);
  } catch (e) {
    db.close();
    if (e instanceof ProjectFileError) throw new MergeRefusal(file, e.reason);
    throw e;
  }
}

/** Runs a read of the copy, turning SQLite's complaints about a damaged file into one clear line. */
export function readSafely<T>(copy: CopyFile, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof Error && /Sqlite|database|malformed|no such (table|column)/i.test(`${e.name} ${e.message}`)) throw damaged(copy.file, e);
    throw e;
  }
}

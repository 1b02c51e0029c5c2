import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../../shared/errors';

// One implementation of "never lose a file", used by every capability that writes
// one: new files are built under a temporary name, flushed, and renamed into place,
// then the folder is flushed so the rename itself survives a power cut. Leftovers of
// a killed run end in `.part` or `.partial` and are never taken for a project.

/** PRAGMA application_id of every Fieldcode project file ("FCod"). */
export const APPLICATION_ID = 0x46436f64;

/** Names a killed command leaves behind (with SQLite's -wal/-shm/-journal beside them). */
export const LEFTOVER = /\.(part|partial)(-wal|-shm|-journal)?$/i;

export const SQLITE_SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (a rename is only durable once its folder is). */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some filesystems (and Windows) cannot fsync a folder; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Removes a file and SQLite's side files; used for a command's own leftovers only. */
export function removeWithSideFiles(path: string): void {
  for (const s of ['', ...SQLITE_SIDE_FILES]) rmSync(path + s, { force: true });
}

/**
 * Puts a finished temporary file at `target`: flushed first, then moved without
 * ever replacing an existing file (unless `replace`), then the folder flushed.
 */
export function renameIntoPlace(temp: string, target: string, opts: { replace?: boolean } = {}): void {
  fsyncFile(temp);
  if (opts.replace) renameSync(temp, target);
  else {
    try {
      // link() fails if the target appeared meanwhile: no race can clobber a file.
      linkSync(temp, target);
      rmSync(temp);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new InputError(`${basename(target)}: a file with this name already exists; choose another name`);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw e;
      if (existsSync(target)) throw new InputError(`${basename(target)}: a file with this name already exists; choose another name`);
      renameSync(temp, target);
    }
  }
  fsyncDir(dirname(target));
}

/** A temporary name beside `target`, hidden, ending in `.partial`. */
export function partialName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.partial`);
}

/**
 * Writes bytes to a new temporary file, flushed, and moves it to `target`.
 * `beforeRename` may throw (a cancelled export): the temporary file is removed and `target` never appears.
 */
export function writeFileAtomic(target: string, data: Uint8Array, opts: { replace?: boolean; beforeRename?: () => void } = {}): void {
  const temp = partialName(target);
  try {
    const fd = openSync(temp, 'wx');
    try {
      let off = 0;
      while (off < data.byteLength) off += writeSync(fd, data, off, data.byteLength - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    opts.beforeRename?.();
    renameIntoPlace(temp, target, opts);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** True when the file starts like a Fieldcode project (SQLite header and our application id). */
export function looksLikeProject(path: string): boolean {
  try {
    const buf = Buffer.alloc(72);
    const fd = openSync(path, 'r');
    try {
      if (readSync(fd, buf, 0, 72, 0) < 72) return false;
    } finally {
      closeSync(fd);
    }
    return buf.toString('latin1', 0, 16) === 'SQLite format 3\u0000' && buf.readUInt32BE(68) === APPLICATION_ID;
  } catch {
    return false;
  }
}

export interface OutputGuard {
  /** replace an existing file (the CLI's --force, the app's "Replace" answer) */
  overwrite?: boolean;
  /** the open project, whose file and backups are never written over */
  project?: string;
}

/** An export's target exists and the user has not said to replace it. */
export class FileExistsError extends InputError {
  constructor(readonly path: string) {
    super(`${path}: the file already exists; choose another name or confirm replacing it (--force on the command line)`);
  }
}

/**
 * Refuses an output path that would destroy work: any Fieldcode project, the open
 * project and its backups (even with overwrite), and any existing file without it.
 */
export function checkOutputTarget(path: string, guard: OutputGuard = {}): void {
  const target = resolve(path);
  const project = guard.project ? resolve(guard.project) : null;
  const isProjectSide = project && (target === project || target.startsWith(`${project}-`) || target.startsWith(`${project}.backups`));
  if (isProjectSide || looksLikeProject(target)) {
    throw new InputError(`${path}: this is a Fieldcode project file (or its backup); an export never writes over one — choose another file name`);
  }
  if (!existsSync(target)) return;
  if (statSync(target).isDirectory()) throw new InputError(`${path}: this is a folder; give a file name`);
  if (!guard.overwrite) throw new FileExistsError(path);
}

import { closeSync, fsyncSync, linkSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename } from 'node:path';
import { InputError } from '../../shared/errors';

// One writer per project. The app (Electron window or browser-mode bridge) holds a
// lock file beside the project for as long as it has it open; a writing CLI command
// holds it for its run. The file says who holds it (host, process, since when), so
// a refusal can name them, and a lock left by a crashed process on this computer is
// recognised (its process is gone) and taken over. SQLite still serialises each
// transaction; the lock keeps a second app from rewriting what the first shows.

export interface LockHolder {
  host: string;
  pid: number;
  who: string;
  since: string;
}

/** Another program holds the project. */
export class ProjectLockedError extends InputError {
  constructor(
    readonly file: string,
    readonly holder: LockHolder | null,
  ) {
    super(
      holder
        ? `${file}: open in ${holder.who} (process ${holder.pid} on ${holder.host}, since ${holder.since}); close it there first`
        : `${file}: another program is opening this project right now; try again in a moment`,
    );
  }
}

export const lockPath = (project: string): string => `${project}.lock`;

const held = new Map<string, { count: number }>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? h : null;
  } catch {
    return null;
  }
}

/** A lock is stale when its process on this host is gone, or it was never completed. */
function stale(path: string, h: LockHolder | null): boolean {
  if (!h) {
    try {
      return Date.now() - statSync(path).mtimeMs > 5000;
    } catch {
      return true;
    }
  }
  return h.host === hostname() && h.pid !== process.pid && !alive(h.pid);
}

/** Written whole under a temporary name, then linked into place: a lock file is never seen half-written. */
function create(path: string, who: string): boolean | null {
  const temp = `${path}.${process.pid}.${Date.now()}.partial`;
  try {
    const fd = openSync(temp, 'wx');
    try {
      const h: LockHolder = { host: hostname(), pid: process.pid, who, since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(h));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    linkSync(temp, path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A read-only medium or a missing folder: no lock to take (opening will say what is wrong).
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EROFS' || code === 'EPERM') return null;
    throw e;
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Takes the project's lock for `who` (e.g. "the Fieldcode app", "fieldcode merge")
 * and returns its release. The same process may take it more than once.
 */
export function acquireLock(project: string, who: string): () => void {
  const path = lockPath(project);
  const mine = held.get(path);
  if (mine) {
    mine.count++;
    return releaser(path);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    const made = create(path, who);
    if (made === null) return () => {};
    if (made) {
      held.set(path, { count: 1 });
      return releaser(path);
    }
    const h = readHolder(path);
    if (h && h.host === hostname() && h.pid === process.pid) {
      // Left by this very process (a handle closed without release): take it again.
      held.set(path, { count: 1 });
      return releaser(path);
    }
    if (!stale(path, h)) throw new ProjectLockedError(basename(project), h);
    rmSync(path, { force: true });
  }
  throw new ProjectLockedError(basename(project), readHolder(path));
}

function releaser(path: string): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const mine = held.get(path);
    if (!mine) return;
    if (--mine.count > 0) return;
    held.delete(path);
    rmSync(path, { force: true });
  };
}

/** Who holds the project now (a stale lock counts as nobody). */
export function lockHolder(project: string): LockHolder | null {
  const path = lockPath(project);
  const h = readHolder(path);
  return h && !stale(path, h) ? h : null;
}

import { basename, resolve } from 'node:path';
import { ProjectFileError } from '../../shared/errors';
import { closeProject, openProject, projectFileFailure, type Project } from '../store/db';
import { acquireLock } from '../store/lock';

// How a command-line command holds a project: a writing command takes the
// project's lock for its run (refused, in one line naming the holder, while the
// app has the project open); a reading one opens it without writing or locking.

export interface CommandOptions {
  readonly?: boolean;
  /** e.g. "fieldcode merge": named in the refusal another program would see */
  who?: string;
  /** a command that only reads the project but needs a writable handle (coder-copy) */
  lock?: boolean;
}

export async function withProject<T>(path: string, fn: (p: Project) => T | Promise<T>, opts: CommandOptions = {}): Promise<T> {
  const unlock = (opts.lock ?? !opts.readonly) ? acquireLock(resolve(path), opts.who ?? 'a fieldcode command') : () => {};
  try {
    const p = openProject(path, { readonly: opts.readonly });
    try {
      return await fn(p);
    } catch (e) {
      // SQLite waited its busy timeout for another writer: say which file, and what to do.
      if (e instanceof Error && /database is locked|SQLITE_BUSY/i.test(e.message)) {
        throw new ProjectFileError(
          basename(path),
          'the project is busy: another program is writing to it (the Fieldcode app or a fieldcode command); try again when it has finished',
        );
      }
      // A reading command met a bad page that the open did not read: one line, not SQLite's words.
      throw projectFileFailure(path, e);
    } finally {
      closeProject(p);
    }
  } finally {
    unlock();
  }
}

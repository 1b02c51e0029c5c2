import { resolve } from 'node:path';
import { closeProject, openProject, type Project } from '../store/db';
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
    } finally {
      closeProject(p);
    }
  } finally {
    unlock();
  }
}

import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ProjectFileError } from '../../shared/errors';
import { migrate, SCHEMA_VERSION } from './migrations';

/** PRAGMA application_id of every Fieldcode project file ("FCod"). */
export const APPLICATION_ID = 0x46436f64;

export interface OpenOptions {
  readonly?: boolean;
  /** Fixed clock and ids for tests whose output is compared. */
  clock?: () => string;
  newId?: () => string;
  /** Electron loads its own ABI build of better-sqlite3 through this. */
  nativeBinding?: string;
}

/** An open project file: the handle every repository and service takes first. */
export interface Project {
  db: Database.Database;
  path: string;
  readonly: boolean;
  /** ISO time, strictly increasing within this handle so later edits win merges. */
  now: () => string;
  newId: () => string;
}

function monotonicClock(base: () => string = () => new Date().toISOString()): () => string {
  let last = '';
  return () => {
    let t = base();
    if (t <= last) t = new Date(Date.parse(last) + 1).toISOString();
    last = t;
    return t;
  };
}

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** Reads the first bytes so that a non-SQLite file is refused before SQLite touches it. */
function checkHeader(path: string, name: string): void {
  if (!existsSync(path)) throw new ProjectFileError(name, 'no such project file');
  const size = statSync(path).size;
  if (size === 0) throw new ProjectFileError(name, 'the file is empty, not a Fieldcode project');
  const buf = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buf, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (buf.toString('latin1', 0, 16) !== SQLITE_HEADER) {
    throw new ProjectFileError(name, 'not a Fieldcode project (not an SQLite database)');
  }
  const pageSize = buf.readUInt16BE(16) === 1 ? 65536 : buf.readUInt16BE(16);
  const pages = buf.readUInt32BE(28);
  if (size < 100 || (pageSize > 0 && pages > 0 && size < pageSize * pages)) {
    throw new ProjectFileError(name, 'the project file is truncated (it is shorter than its header says)');
  }
}

function sqliteFailure(name: string, e: unknown): ProjectFileError {
  const msg = e instanceof Error ? e.message : String(e);
  if (/malformed|corrupt|not a database/i.test(msg)) {
    return new ProjectFileError(name, 'the project file is damaged (SQLite reports it malformed)');
  }
  return new ProjectFileError(name, `cannot open the project file (${msg.split('\n')[0]})`);
}

/** Checks identity, version and integrity on a read-only handle: nothing is written. */
function inspect(path: string, name: string, nativeBinding?: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId !== APPLICATION_ID) {
      throw new ProjectFileError(name, 'not a Fieldcode project (an SQLite database of another program)');
    }
    if (version > SCHEMA_VERSION) {
      throw new ProjectFileError(
        name,
        `made by a newer Fieldcode (file version ${version}, this version reads up to ${SCHEMA_VERSION}); update Fieldcode to open it`,
      );
    }
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new ProjectFileError(name, `the project file is damaged (${check})`);
  } catch (e) {
    if (e instanceof ProjectFileError) throw e;
    throw sqliteFailure(name, e);
  } finally {
    db?.close();
  }
}

function configure(db: Database.Database): void {
  // Field laptops lose power: WAL with a full sync on every commit.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

function handle(db: Database.Database, path: string, readonly: boolean, opts: OpenOptions): Project {
  return { db, path, readonly, now: monotonicClock(opts.clock), newId: opts.newId ?? randomUUID };
}

/** Opens an existing project; refuses other files, damaged files and newer versions. */
export function openProject(path: string, opts: OpenOptions = {}): Project {
  const name = basename(path);
  checkHeader(path, name);
  inspect(path, name, opts.nativeBinding);
  try {
    const db = new Database(path, { readonly: !!opts.readonly, fileMustExist: true, nativeBinding: opts.nativeBinding });
    if (opts.readonly) {
      db.pragma('query_only = ON');
    } else {
      configure(db);
      migrate(db);
    }
    return handle(db, path, !!opts.readonly, opts);
  } catch (e) {
    throw sqliteFailure(name, e);
  }
}

/** Creates an empty, migrated project file. The caller seeds its rows. */
export function createProjectFile(path: string, opts: OpenOptions = {}): Project {
  const name = basename(path);
  if (existsSync(path)) throw new ProjectFileError(name, 'a file with this name already exists; choose another name');
  const db = new Database(path, { nativeBinding: opts.nativeBinding });
  configure(db);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  migrate(db);
  return handle(db, path, false, opts);
}

export function closeProject(p: Project): void {
  if (p.db.open) {
    if (!p.readonly) p.db.pragma('wal_checkpoint(TRUNCATE)');
    p.db.close();
  }
}

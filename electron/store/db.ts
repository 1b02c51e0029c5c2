import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { ProjectFileError } from '../../shared/errors';
import { APPLICATION_ID, LEFTOVER, removeWithSideFiles, renameIntoPlace } from './files';
import { migrate, SCHEMA_VERSION } from './migrations';
import { checkSchema } from './schema';

export { APPLICATION_ID };

export interface OpenOptions {
  readonly?: boolean;
  /** Fixed clock and ids for tests whose output is compared. */
  clock?: () => string;
  newId?: () => string;
  /** Electron loads its own ABI build of better-sqlite3 through this. */
  nativeBinding?: string;
  /** a file this command is building under its temporary name (coder-copy) */
  building?: boolean;
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
function checkHeader(path: string, name: string, building?: boolean): void {
  if (!building && LEFTOVER.test(path)) throw new ProjectFileError(name, 'a leftover of an interrupted Fieldcode command, not a project; it can be deleted');
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
}

/** Shorter than its header says, with no journal that could hold the rest: only then "truncated". */
function truncated(path: string): boolean {
  try {
    if (existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0) return false;
    const buf = Buffer.alloc(100);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, buf, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
    const pageSize = buf.readUInt16BE(16) === 1 ? 65536 : buf.readUInt16BE(16);
    const pages = buf.readUInt32BE(28);
    return pageSize > 0 && pages > 0 && statSync(path).size < pageSize * pages;
  } catch {
    return false;
  }
}

function sqliteFailure(name: string, e: unknown, path?: string): ProjectFileError {
  const msg = e instanceof Error ? e.message : String(e);
  if (/database is locked|SQLITE_BUSY/i.test(msg)) {
    return new ProjectFileError(
      name,
      'the project is busy: another program is writing to it (the Fieldcode app or a fieldcode command); try again when it has finished',
    );
  }
  if (/malformed|corrupt|not a database/i.test(msg)) {
    if (path && truncated(path)) return new ProjectFileError(name, 'the project file is truncated (it is shorter than its header says)');
    return new ProjectFileError(name, 'the project file is damaged (SQLite reports it malformed)');
  }
  return new ProjectFileError(name, `cannot open the project file (${msg.split('\n')[0]})`);
}

/**
 * Opens without ever creating -wal/-shm that would stay behind: a read-write handle
 * (SQLite removes its side files when the last one closes) that refuses writes;
 * a truly read-only handle only where the file or folder cannot be written.
 */
function openQuiet(path: string, nativeBinding?: string): Database.Database {
  try {
    const db = new Database(path, { fileMustExist: true, nativeBinding });
    db.pragma('query_only = ON');
    return db;
  } catch (e) {
    if (!/readonly|read-only|permission|EACCES|unable to open/i.test(String(e))) throw e;
    return new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
  }
}

/**
 * Lets SQLite judge the file: opening recovers a pending WAL, quick_check reads every
 * page. Also checks identity, version, that it has Fieldcode's tables and nothing
 * Fieldcode did not create. Nothing is written.
 */
function inspect(path: string, name: string, nativeBinding?: string): void {
  let db: Database.Database | undefined;
  try {
    db = openQuiet(path, nativeBinding);
    db.pragma('trusted_schema = OFF');
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
    if (check !== 'ok')
      throw new ProjectFileError(
        name,
        truncated(path) ? 'the project file is truncated (it is shorter than its header says)' : `the project file is damaged (${check})`,
      );
    const hasProject =
      version > 0 && db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'project'").get() && db.prepare('SELECT 1 FROM project').get();
    if (!hasProject) {
      throw new ProjectFileError(
        name,
        'an unfinished Fieldcode project (its creation was interrupted: it holds no work); delete it and create the project again',
      );
    }
    checkSchema(db, name, nativeBinding);
  } catch (e) {
    if (e instanceof ProjectFileError) throw e;
    throw sqliteFailure(name, e, path);
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
  // A project file is data: no function with side effects runs from its schema.
  db.pragma('trusted_schema = OFF');
}

function handle(db: Database.Database, path: string, readonly: boolean, opts: OpenOptions): Project {
  return { db, path, readonly, now: monotonicClock(opts.clock), newId: opts.newId ?? randomUUID };
}

/** Opens an existing project; refuses other files, damaged files and newer versions. */
export function openProject(path: string, opts: OpenOptions = {}): Project {
  const name = basename(path);
  checkHeader(path, name, opts.building);
  inspect(path, name, opts.nativeBinding);
  try {
    if (opts.readonly) {
      const db = openQuiet(path, opts.nativeBinding);
      db.pragma('trusted_schema = OFF');
      db.pragma('busy_timeout = 5000');
      return handle(db, path, true, opts);
    }
    const db = new Database(path, { fileMustExist: true, nativeBinding: opts.nativeBinding });
    configure(db);
    migrate(db);
    return handle(db, path, false, opts);
  } catch (e) {
    throw sqliteFailure(name, e, path);
  }
}

/**
 * Builds a new project at `path` all or nothing: created and seeded under
 * `path.part`, closed (WAL folded in), flushed and renamed into place, then opened.
 * A leftover `.part` from a killed run is removed first; an existing file is never replaced.
 */
export function buildProjectFile(path: string, opts: OpenOptions, seed: (p: Project) => void): Project {
  const name = basename(path);
  if (existsSync(path)) throw new ProjectFileError(name, 'a file with this name already exists; choose another name');
  if (!existsSync(dirname(path))) throw new ProjectFileError(name, `the folder ${dirname(path)} does not exist`);
  const part = `${path}.part`;
  removeWithSideFiles(part);
  let p: Project | null = null;
  try {
    const db = new Database(part, { nativeBinding: opts.nativeBinding });
    p = handle(db, part, false, opts);
    configure(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db);
    seed(p);
    closeProject(p);
    p = null;
    renameIntoPlace(part, path);
  } finally {
    if (p) closeProject(p);
    removeWithSideFiles(part);
  }
  return openProject(path, opts);
}

export function closeProject(p: Project): void {
  if (p.db.open) {
    if (!p.readonly) p.db.pragma('wal_checkpoint(TRUNCATE)');
    p.db.close();
  }
}

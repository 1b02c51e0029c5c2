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
    // The header's page count holds only where "version-valid-for" matches the change counter.
    if (buf.readUInt32BE(92) !== buf.readUInt32BE(24)) return false;
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
 * A previous writer left its journal behind (a -wal that was never folded in, or a
 * hot rollback journal): the last session ended uncleanly, or a writer has the file
 * open now. Only then may pages be half-written, so only then does a reader pay for
 * a quick_check of every page.
 */
function unclean(path: string): boolean {
  for (const side of ['-wal', '-journal']) {
    try {
      if (statSync(`${path}${side}`).size > 0) return true;
    } catch {
      // no such side file: nothing was left behind
    }
  }
  return false;
}

/**
 * Lets SQLite judge the file on an open handle: identity, version, Fieldcode's tables
 * and nothing Fieldcode did not create; `deep` also runs quick_check, which reads
 * every page (opening has already recovered a pending WAL). Nothing is written.
 */
function inspect(db: Database.Database, path: string, name: string, deep: boolean): void {
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
  // Cheap and certain without reading the pages: shorter than the header says.
  if (truncated(path)) throw new ProjectFileError(name, 'the project file is truncated (it is shorter than its header says)');
  if (deep) {
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') {
      // SQLite's report runs over lines ("*** in database main ***", then each fault): the first fault says enough.
      const fault = check.split('\n').find((l) => l.trim() && !l.startsWith('***')) ?? 'SQLite reports it malformed';
      throw new ProjectFileError(name, `the project file is damaged (${fault.trim()})`);
    }
  }
  const hasProject =
    version > 0 && db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'project'").get() && db.prepare('SELECT 1 FROM project').get();
  if (!hasProject) {
    throw new ProjectFileError(
      name,
      'an unfinished Fieldcode project (its creation was interrupted: it holds no work); delete it and create the project again',
    );
  }
  checkSchema(db, name);
}

/** Opens a quiet handle, inspects the file through it, and closes it again if the file is refused. */
function openInspected(path: string, name: string, deep: boolean, nativeBinding?: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = openQuiet(path, nativeBinding);
    inspect(db, path, name, deep);
    return db;
  } catch (e) {
    db?.close();
    throw e instanceof ProjectFileError ? e : sqliteFailure(name, e, path);
  }
}

/**
 * SQLite found a bad page while a command read the project (a reader does not read
 * every page on open): the same one line an open would have given. Other errors pass.
 */
export function projectFileFailure(path: string, e: unknown): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code) ? sqliteFailure(basename(path), e, path) : e;
}

function configure(db: Database.Database): void {
  // Field laptops lose power: WAL with a full sync on every commit.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 8 MB of page cache per connection (better-sqlite3 builds SQLite with 16 MB): memory budget, the OS caches the file too.
  db.pragma('cache_size = -8000');
  // A project file is data: no function with side effects runs from its schema.
  db.pragma('trusted_schema = OFF');
}

function handle(db: Database.Database, path: string, readonly: boolean, opts: OpenOptions): Project {
  return { db, path, readonly, now: monotonicClock(opts.clock), newId: opts.newId ?? randomUUID };
}

/**
 * Opens an existing project; refuses other files, damaged files and newer versions.
 * A writer always has SQLite read every page first (quick_check); a reader does so
 * only after an unclean shutdown, and otherwise meets a bad page when it reads it
 * (`projectFileFailure` words that in the same one line).
 */
export function openProject(path: string, opts: OpenOptions = {}): Project {
  const name = basename(path);
  checkHeader(path, name, opts.building);
  if (opts.readonly) {
    const db = openInspected(path, name, unclean(path), opts.nativeBinding);
    db.pragma('busy_timeout = 5000');
    // 8 MB of page cache per connection (better-sqlite3 builds SQLite with 16 MB): memory budget, the OS caches the file too.
    db.pragma('cache_size = -8000');
    return handle(db, path, true, opts);
  }
  // A file this command has just built with VACUUM INTO from an open project was written by SQLite itself, page by page.
  openInspected(path, name, !opts.building, opts.nativeBinding).close();
  try {
    const db = new Database(path, { fileMustExist: true, nativeBinding: opts.nativeBinding });
    configure(db);
    migrate(db);
    return handle(db, path, false, opts);
  } catch (e) {
    throw sqliteFailure(name, e, path);
  }
}

/** A new project under its temporary name: seeded, then renamed into place or abandoned. */
interface PartFile {
  p: Project;
  /** closes it (WAL folded in) and renames it into place */
  complete: () => void;
  /** closes it if still open and removes what is left of the temporary file */
  abandon: () => void;
}

function startPartFile(path: string, opts: OpenOptions): PartFile {
  const name = basename(path);
  if (existsSync(path)) throw new ProjectFileError(name, 'a file with this name already exists; choose another name');
  if (!existsSync(dirname(path))) throw new ProjectFileError(name, `the folder ${dirname(path)} does not exist`);
  const part = `${path}.part`;
  removeWithSideFiles(part);
  let p: Project | null = null;
  const abandon = () => {
    if (p) closeProject(p);
    p = null;
    removeWithSideFiles(part);
  };
  try {
    const db = new Database(part, { nativeBinding: opts.nativeBinding });
    p = handle(db, part, false, opts);
    configure(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db);
  } catch (e) {
    abandon();
    throw e;
  }
  const built = p;
  const complete = () => {
    closeProject(built);
    p = null;
    renameIntoPlace(part, path);
  };
  return { p: built, complete, abandon };
}

/**
 * Builds a new project at `path` all or nothing: created and seeded under
 * `path.part`, closed (WAL folded in), flushed and renamed into place, then opened.
 * A leftover `.part` from a killed run is removed first; an existing file is never replaced.
 */
export function buildProjectFile(path: string, opts: OpenOptions, seed: (p: Project) => void): Project {
  const part = startPartFile(path, opts);
  try {
    seed(part.p);
    part.complete();
  } finally {
    part.abandon();
  }
  return openProject(path, opts);
}

/** The same for a seed that awaits between its steps (a QDPX import that hears a cancel while it writes). */
export async function buildProjectFileInSteps(path: string, opts: OpenOptions, seed: (p: Project) => Promise<void>): Promise<Project> {
  const part = startPartFile(path, opts);
  try {
    await seed(part.p);
    part.complete();
  } finally {
    part.abandon();
  }
  return openProject(path, opts);
}

export function closeProject(p: Project): void {
  if (p.db.open) {
    if (!p.readonly) p.db.pragma('wal_checkpoint(TRUNCATE)');
    p.db.close();
  }
}

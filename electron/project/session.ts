import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { RecentProject } from '../../shared/api';
import type { Project } from '../store/db';
import { InputError } from '../../shared/errors';
import { enableHistory } from '../store/history';
import { acquireLock } from '../store/lock';
import { closeProject, openProject, projectRow } from './project';

/** The state behind one window (or one bridge): at most one open project. */
export interface Session {
  project: Project | null;
  /** where recent projects are remembered (a JSON file in the user's settings folder) */
  recentFile: string;
  /** where "open the sample project" writes its copy */
  sampleFolder: string;
  /** the folder a relative project path resolves against */
  defaultFolder: string;
  /** Electron passes its own ABI build of better-sqlite3 */
  nativeBinding?: string;
}

export interface SessionOptions {
  settingsFolder?: string;
  defaultFolder?: string;
  nativeBinding?: string;
}

export function createSession(opts: SessionOptions = {}): Session {
  const settings = opts.settingsFolder ?? join(homedir(), '.fieldcode');
  return {
    project: null,
    recentFile: join(settings, 'recent.json'),
    sampleFolder: join(settings, 'sample'),
    defaultFolder: opts.defaultFolder ?? join(homedir(), 'Fieldcode'),
    nativeBinding: opts.nativeBinding,
  };
}

/**
 * Where a project path typed by the researcher points: ".fieldcode" is added when
 * missing, and a bare name lands in the default projects folder (created on demand).
 * New projects, coder copies and imported REFI projects all go through here.
 */
export function projectFilePath(s: Session, path: string): string {
  const withExt = /\.fieldcode$/i.test(path) ? path : `${path}.fieldcode`;
  if (isAbsolute(withExt)) return withExt;
  mkdirSync(s.defaultFolder, { recursive: true });
  return join(s.defaultFolder, withExt);
}

export function requireProject(s: Session): Project {
  if (!s.project) throw new InputError('no project is open: open or create one first');
  return s.project;
}

/** The app holds its project's lock for as long as the project is open (store/lock.ts). */
const locks = new WeakMap<Project, () => void>();
export const APP_HOLDER = 'the Fieldcode app';

function release(p: Project): void {
  closeProject(p);
  locks.get(p)?.();
  locks.delete(p);
}

/** Makes a project the session's open one (closing any other), with undo recording. */
export function adopt(s: Session, p: Project): Project {
  if (!locks.has(p)) {
    try {
      locks.set(p, acquireLock(resolve(p.path), APP_HOLDER));
    } catch (e) {
      closeProject(p);
      throw e;
    }
  }
  if (s.project && s.project !== p) release(s.project);
  s.project = p;
  enableHistory(p);
  remember(s, p);
  return p;
}

/** Opens a project in the app: the lock first (a second app or a writing command is refused), then the file. */
export function openInSession(s: Session, path: string): Project {
  const unlock = acquireLock(resolve(path), APP_HOLDER);
  let p: Project;
  try {
    p = openProject(path, { nativeBinding: s.nativeBinding });
  } catch (e) {
    unlock();
    throw e;
  }
  locks.set(p, unlock);
  return adopt(s, p);
}

export function closeSession(s: Session): void {
  if (s.project) release(s.project);
  s.project = null;
}

export function readRecent(s: Session): RecentProject[] {
  try {
    const list = JSON.parse(readFileSync(s.recentFile, 'utf8')) as RecentProject[];
    return Array.isArray(list) ? list.filter((r) => typeof r.path === 'string').slice(0, 10) : [];
  } catch {
    return [];
  }
}

function remember(s: Session, p: Project): void {
  const entry: RecentProject = { path: p.path, name: projectRow(p).name, openedAt: new Date().toISOString() };
  const list = [entry, ...readRecent(s).filter((r) => r.path !== p.path)].slice(0, 10);
  try {
    mkdirSync(dirname(s.recentFile), { recursive: true });
    writeFileSync(s.recentFile, JSON.stringify(list, null, 2));
  } catch {
    // Remembering recent projects is a convenience; a read-only home must not block opening.
  }
}

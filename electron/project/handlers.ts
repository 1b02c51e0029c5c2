import { isAbsolute, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { listCoders } from '../store/coders';
import { historyState, redo, undo } from '../store/history';
import type { HandlerGroup } from './handler';
import { newProject, projectInfo, renameProject, setCurrentCoder } from './project';
import { openSampleProject } from './sample';
import { adopt, closeSession, openInSession, readRecent, requireProject, type Session } from './session';

function resolvePath(s: Session, path: string): string {
  const withExt = /\.fieldcode$/i.test(path) ? path : `${path}.fieldcode`;
  if (isAbsolute(withExt)) return withExt;
  mkdirSync(s.defaultFolder, { recursive: true });
  return join(s.defaultFolder, withExt);
}

type ProjectMethods =
  | 'app.recent'
  | 'project.create'
  | 'project.open'
  | 'project.openSample'
  | 'project.close'
  | 'project.info'
  | 'project.rename'
  | 'project.setCoder'
  | 'coders.list'
  | 'history.state'
  | 'history.undo'
  | 'history.redo';

export const projectHandlers: HandlerGroup<ProjectMethods> = {
  'app.recent': (s) => readRecent(s),
  'project.create': (s, i) => {
    const p = newProject(resolvePath(s, i.path), { name: i.name, codebook: i.codebook, coder: i.coder, nativeBinding: s.nativeBinding });
    return projectInfo(adopt(s, p));
  },
  'project.open': (s, i) => projectInfo(openInSession(s, i.path)),
  'project.openSample': async (s) => projectInfo(adopt(s, await openSampleProject(s.sampleFolder, s.nativeBinding))),
  'project.close': (s) => (closeSession(s), null),
  'project.info': (s) => (s.project ? projectInfo(s.project) : null),
  'project.rename': (s, i) => (renameProject(requireProject(s), i.name), projectInfo(requireProject(s))),
  'project.setCoder': (s, i) => (setCurrentCoder(requireProject(s), i.name), projectInfo(requireProject(s))),
  'coders.list': (s) => listCoders(requireProject(s)),
  'history.state': (s) => historyState(requireProject(s)),
  'history.undo': (s) => {
    const done = undo(requireProject(s));
    return { ...historyState(requireProject(s)), done };
  },
  'history.redo': (s) => {
    const done = redo(requireProject(s));
    return { ...historyState(requireProject(s)), done };
  },
};

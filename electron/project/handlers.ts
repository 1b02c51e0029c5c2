import { sep } from 'node:path';
import type { HandlerGroup } from './handler';
import { historyState, redo, undo } from './history';
import { listCoders, newProject, projectInfo, renameProject, setCurrentCoder } from './project';
import { openSampleProject } from './sample';
import { adopt, closeSession, openInSession, projectFilePath, readRecent, requireProject } from './session';

type ProjectMethods =
  | 'app.recent'
  | 'app.projectFolder'
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
  'app.projectFolder': (s) => ({ folder: s.defaultFolder, separator: sep }),
  'project.create': (s, i) => {
    const p = newProject(projectFilePath(s, i.path), { name: i.name, codebook: i.codebook, coder: i.coder, nativeBinding: s.nativeBinding });
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
  'history.undo': (s) => undo(requireProject(s)),
  'history.redo': (s) => redo(requireProject(s)),
};

import type { HandlerGroup } from '../project/handler';
import { requireProject } from '../project/session';
import { bindKey, keyBindings, lastPlace, rememberPlace } from './workspace';

type WorkspaceMethods = 'workspace.keys' | 'workspace.setKey' | 'workspace.place' | 'workspace.setPlace';

export const workspaceHandlers: HandlerGroup<WorkspaceMethods> = {
  'workspace.keys': (s) => keyBindings(requireProject(s)),
  'workspace.setKey': (s, i) => bindKey(requireProject(s), i.key, i.codeId),
  'workspace.place': (s) => lastPlace(requireProject(s)),
  'workspace.setPlace': (s, i) => rememberPlace(requireProject(s), i),
};

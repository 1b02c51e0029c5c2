import { z } from 'zod';
import type { Coder, ProjectInfo } from '../types';
import { empty, returns, text } from './method';

export interface RecentProject {
  path: string;
  name: string;
  openedAt: string;
}

export interface HistoryState {
  undo: string | null;
  redo: string | null;
}

export const projectApi = {
  'app.recent': returns<RecentProject[]>()(empty),
  /** Where a new project is saved when given only a name, so the welcome screen can say so. */
  'app.projectFolder': returns<{ folder: string; separator: string }>()(empty),
  'project.create': returns<ProjectInfo>()(
    z.object({ path: text(4096).min(1), name: text(200).optional(), codebook: z.enum(['nssp', 'empty']), coder: text(100).optional() }),
  ),
  'project.open': returns<ProjectInfo>()(z.object({ path: text(4096).min(1) })),
  'project.openSample': returns<ProjectInfo>()(empty),
  'project.close': returns<null>()(empty),
  'project.info': returns<ProjectInfo | null>()(empty),
  'project.rename': returns<ProjectInfo>()(z.object({ name: text(200).min(1) })),
  'project.setCoder': returns<ProjectInfo>()(z.object({ name: text(100).min(1) })),
  'coders.list': returns<Coder[]>()(empty),
  'history.state': returns<HistoryState>()(empty),
  'history.undo': returns<HistoryState & { done: string | null }>()(empty),
  'history.redo': returns<HistoryState & { done: string | null }>()(empty),
};

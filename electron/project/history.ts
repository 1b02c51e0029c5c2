import type { HistoryState } from '../../shared/api/project';
import type { Project } from '../store/db';
import * as history from '../store/history';

// Undo and redo as the app asks for them: each answer carries the new state of the
// menu items, and `done` names the step just undone or redone (null: nothing to do).

export const historyState = (p: Project): HistoryState => history.historyState(p);

export function undo(p: Project): HistoryState & { done: string | null } {
  const done = history.undo(p);
  return { ...history.historyState(p), done };
}

export function redo(p: Project): HistoryState & { done: string | null } {
  const done = history.redo(p);
  return { ...history.historyState(p), done };
}

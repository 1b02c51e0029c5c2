import type { SummaryCell } from '../../../shared/api/analysis';
import { api } from '../../api';
import { useProject } from '../../store/project';

// The Analysis views' writes: one call each through the project's write (saved at
// once, one undo step, every view refreshed).

export function saveSummary(cell: SummaryCell, body: string): Promise<unknown> {
  return useProject.getState().write(() => api['analysis.saveSummary']({ ...cell, body }));
}

export const percent = (k: number, n: number): string => (n === 0 ? '–' : `${Math.round((100 * k) / n)}%`);

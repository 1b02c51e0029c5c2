import type { Figure } from './run';
import { benchTeam } from './team';

export interface BenchContext {
  dir: string;
  /** the imported master project */
  master: string;
  report: (f: Figure) => void;
}

/** Further sections (merge, agreement, exports) join here. */
export async function runSections(ctx: BenchContext): Promise<void> {
  await benchTeam(ctx);
  await (await import('./cancel')).benchCancel(ctx);
  await (await import('./reliability')).benchReliability(ctx);
  await (await import('./reports')).benchReports(ctx);
  await (await import('./analysis')).benchAnalysis(ctx);
}

import type { Figure } from './run';

export interface BenchContext {
  dir: string;
  /** the imported master project */
  master: string;
  report: (f: Figure) => void;
}

/** Further sections (merge, agreement, exports) join here. */
export async function runSections(_ctx: BenchContext): Promise<void> {}

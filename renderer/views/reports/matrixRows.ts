import type { MatrixRow } from '../../../shared/api/reports';

/** Which codes a matrix shows as rows: every code, one branch (a code and its sub-codes), or codes ticked one by one. */
export type RowChoice = { kind: 'all' } | { kind: 'branch'; path: string } | { kind: 'list'; codeIds: string[] };

export interface RowOptions {
  choice: RowChoice;
  /** drop rows whose every cell is 0, so a wide codebook shrinks to what was coded */
  hideEmpty: boolean;
}

const inBranch = (path: string, branch: string) => path === branch || path.startsWith(`${branch}/`);

/** The rows to draw, in the matrix's (tree) order. */
export function visibleRows(rows: readonly MatrixRow[], { choice, hideEmpty }: RowOptions): MatrixRow[] {
  return rows.filter((r) => {
    if (choice.kind === 'branch' && !inBranch(r.path, choice.path)) return false;
    if (choice.kind === 'list' && !choice.codeIds.includes(r.codeId)) return false;
    return !hideEmpty || r.total !== 0 || r.cells.some((v) => v !== 0);
  });
}

import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { exportQdpx } from '../../electron/services/refi';
import { exportSegments } from '../../electron/services/reports';
import { closeProject, openProject } from '../../electron/store/db';
import { addSyntheticSegments } from '../reports/big';
import type { BenchContext } from './sections';

// Export budgets (DESIGN.md): 50,000 segments as CSV ≤ 1 s, XLSX ≤ 5 s, DOCX ≤ 10 s,
// the whole project as QDPX ≤ 5 s. Runs on a copy of the master so the other
// sections see it unchanged; the copy is topped up to 10 coders × 5,000 segments.

const TARGET = 50_000;

export async function benchReports(ctx: BenchContext): Promise<void> {
  const path = join(ctx.dir, 'reports.fieldcode');
  copyFileSync(ctx.master, path);
  const p = openProject(path);
  try {
    const have = p.db.prepare('SELECT count(*) FROM segments WHERE deleted_at IS NULL').pluck().get() as number;
    if (have < TARGET) addSyntheticSegments(p, TARGET - have);
    for (const [format, budgetMs] of [['csv', 1000], ['xlsx', 5000], ['docx', 10_000]] as const) {
      const started = performance.now();
      const r = await exportSegments(p, {}, format, join(ctx.dir, `segments.${format}`));
      ctx.report({ operation: `export ${r.rows} segments as ${format.toUpperCase()}`, ms: performance.now() - started, budgetMs, note: `${(r.bytes / 1048576).toFixed(1)} MB` });
    }
    const out = join(ctx.dir, 'project.qdpx');
    const started = performance.now();
    const r = await exportQdpx(p, out);
    ctx.report({ operation: `export project as QDPX (${r.rows} segments)`, ms: performance.now() - started, budgetMs: 5000, note: `${(statSync(out).size / 1048576).toFixed(1)} MB` });
  } finally {
    closeProject(p);
  }
}

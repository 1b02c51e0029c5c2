import { copyFileSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { importCaseSheet } from '../../electron/cases/cases';
import { exportQdpx } from '../../electron/refi/refi';
import { exportSegments } from '../../electron/reports/reports';
import { listCases } from '../../electron/store/cases';
import { closeProject, openProject, type Project } from '../../electron/store/db';
import { addSyntheticSegments } from '../reports/big';
import type { BenchContext } from './sections';

// Export budgets (DESIGN.md): 50,000 segments as CSV ≤ 1 s, XLSX ≤ 5 s, DOCX ≤ 10 s,
// the whole project as QDPX ≤ 5 s. Runs on a copy of the master so the other
// sections see it unchanged; the copy gets the NSSP case sheet (54 schools, 7
// attributes: every row carries them) and is topped up to 10 coders × 5,000 segments.
// Each export runs three times (the machine is shared): the median is the figure,
// the best is in the note, and the floor is SQLite reading the same rows with
// their text slices, best of three in the same run.

const TARGET = 50_000;
const RUNS = 3;

async function withCases(p: Project): Promise<void> {
  if (listCases(p).length > 0) return;
  const sheet = join(import.meta.dirname, '..', 'fixtures', 'cases', 'nssp-54-schools.csv');
  await importCaseSheet(p, 'nssp-54-schools.csv', readFileSync(sheet));
  const cases = listCases(p);
  p.db.transaction(() => {
    const docs = p.db.prepare('SELECT id FROM documents WHERE deleted_at IS NULL ORDER BY name').pluck().all() as string[];
    const set = p.db.prepare('UPDATE documents SET case_id = ? WHERE id = ?');
    docs.forEach((id, i) => set.run(cases[Math.floor(i / 5) % cases.length].id, id));
  })();
}

/** The floor: the segment rows and each document's text read by plain SELECTs, every segment's text sliced. */
function readFloor(p: Project): number {
  const started = performance.now();
  const rows = p.db.prepare('SELECT id, document_id, code_id, coder_id, start, end, memo FROM segments WHERE deleted_at IS NULL').raw(true).all() as [
    string,
    string,
    string,
    string,
    number,
    number,
    string,
  ][];
  const texts = new Map(p.db.prepare('SELECT id, text FROM documents WHERE deleted_at IS NULL').raw(true).all() as [string, string][]);
  let chars = 0;
  for (const r of rows) chars += texts.get(r[1])?.slice(r[4], r[5]).length ?? 0;
  if (rows.length < TARGET || chars === 0) throw new Error(`the floor read ${rows.length} segments`);
  return performance.now() - started;
}

async function timed(run: () => Promise<number>): Promise<{ median: number; best: number; cpu: number; bytes: number }> {
  const times: number[] = [];
  const cpus: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    bytes = await run();
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  return { median: times[Math.floor(RUNS / 2)], best: times[0], cpu: cpus[Math.floor(RUNS / 2)], bytes };
}

function note(t: { best: number; cpu: number; bytes: number }): string {
  return `best ${t.best.toFixed(0)} ms, CPU ${t.cpu.toFixed(0)} ms; ${(t.bytes / 1048576).toFixed(1)} MB`;
}

export async function benchReports(ctx: BenchContext): Promise<void> {
  const path = join(ctx.dir, 'reports.fieldcode');
  copyFileSync(ctx.master, path);
  const p = openProject(path);
  try {
    await withCases(p);
    const have = p.db.prepare('SELECT count(*) FROM segments WHERE deleted_at IS NULL').pluck().get() as number;
    if (have < TARGET) addSyntheticSegments(p, TARGET - have);
    const floorMs = Math.min(...Array.from({ length: RUNS }, () => readFloor(p)));
    for (const [format, budgetMs] of [
      ['csv', 1000],
      ['xlsx', 5000],
      ['docx', 10_000],
    ] as const) {
      let rows = 0;
      const out = join(ctx.dir, `segments.${format}`);
      const t = await timed(async () => {
        // Exports never replace a file unasked: each run writes afresh.
        rmSync(out, { force: true });
        const r = await exportSegments(p, {}, format, out);
        rows = r.rows;
        return r.bytes;
      });
      ctx.report({ operation: `export ${rows} segments as ${format.toUpperCase()}`, ms: t.median, floorMs, budgetMs, note: note(t) });
    }
    for (const target of ['standard', 'qualcoder'] as const) {
      let rows = 0;
      const out = join(ctx.dir, `project-${target}.qdpx`);
      const t = await timed(async () => {
        rmSync(out, { force: true });
        rows = (await exportQdpx(p, out, target)).rows;
        return statSync(out).size;
      });
      const what = target === 'standard' ? 'QDPX' : 'QDPX for QualCoder';
      ctx.report({ operation: `export project as ${what} (${rows} segments)`, ms: t.median, floorMs, budgetMs: 5000, note: note(t) });
    }
  } finally {
    closeProject(p);
  }
}

import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCaseStudies } from '../../electron/analysis/drafts';
import { frameworkMatrix } from '../../electron/analysis/matrix';
import { pairMatrix } from '../../electron/analysis/pair-matrix';
import { importPairs } from '../../electron/analysis/pairs';
import { importCaseSheet } from '../../electron/cases/cases';
import { listCases } from '../../electron/store/cases';
import { closeProject, openProject, type Project } from '../../electron/store/db';
import { addSyntheticSegments } from '../reports/big';
import type { BenchContext } from './sections';

// Analysis budgets (issue 14): case-study drafts for all 54 schools (~50,000
// segments in the project) ≤ 10 s; a framework matrix of 54 cases × 40 codes ≤ 1 s;
// the pair matrix ≤ 1 s. Floors, measured in the same run: reading every segment
// with its text (what the drafts must at least do), and the grouped count of
// segments per case and code (what both matrices must at least do).

const TARGET = 50_000;
const SHEET = join(import.meta.dirname, '..', 'fixtures', 'cases', 'nssp-54-schools.csv');

async function prepare(p: Project): Promise<void> {
  if (listCases(p).length === 0) {
    await importCaseSheet(p, 'nssp-54-schools.csv', readFileSync(SHEET));
    const cases = listCases(p);
    p.db.transaction(() => {
      const docs = p.db.prepare('SELECT id FROM documents WHERE deleted_at IS NULL ORDER BY name').pluck().all() as string[];
      const set = p.db.prepare('UPDATE documents SET case_id = ? WHERE id = ?');
      docs.forEach((id, i) => set.run(cases[Math.floor(i / 5) % cases.length].id, id));
    })();
  }
  const have = p.db.prepare('SELECT count(*) FROM segments WHERE deleted_at IS NULL').pluck().get() as number;
  if (have < TARGET) addSyntheticSegments(p, TARGET - have);
  await importPairs(p, 'nssp-54-schools.csv', readFileSync(SHEET));
}

function best(runs: number, fn: () => void): number {
  let out = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out = Math.min(out, performance.now() - t);
  }
  return out;
}

export async function benchAnalysis(ctx: BenchContext): Promise<void> {
  const path = join(ctx.dir, 'analysis.fieldcode');
  copyFileSync(ctx.master, path);
  const p = openProject(path);
  try {
    await prepare(p);
    const segments = p.db.prepare('SELECT count(*) FROM segments WHERE deleted_at IS NULL').pluck().get() as number;
    const readFloor = best(3, () => {
      const rows = p.db.prepare('SELECT document_id, start, end FROM segments WHERE deleted_at IS NULL').raw(true).all() as [string, number, number][];
      const texts = new Map(p.db.prepare('SELECT id, text FROM documents WHERE deleted_at IS NULL').raw(true).all() as [string, string][]);
      for (const r of rows) texts.get(r[0])?.slice(r[1], r[2]);
    });
    const countFloor = best(3, () =>
      p.db
        .prepare('SELECT d.case_id, s.code_id, count(*) FROM segments s JOIN documents d ON d.id = s.document_id WHERE s.deleted_at IS NULL GROUP BY 1, 2')
        .raw(true)
        .all(),
    );
    const ids = listCases(p).map((c) => c.id);
    let started = performance.now();
    const files = await writeCaseStudies(p, ids, join(ctx.dir, 'case-studies'), 'docx');
    ctx.report({
      operation: `case-study drafts, ${files.length} schools (DOCX)`,
      ms: performance.now() - started,
      floorMs: readFloor,
      budgetMs: 10_000,
      note: `${segments} segments in the project`,
    });
    started = performance.now();
    await writeCaseStudies(p, ids, join(ctx.dir, 'case-studies-md'), 'md');
    ctx.report({ operation: `case-study drafts, ${files.length} schools (Markdown)`, ms: performance.now() - started, floorMs: readFloor, budgetMs: 10_000 });
    const codeIds = p.db.prepare('SELECT id FROM codes WHERE deleted_at IS NULL ORDER BY id LIMIT 40').pluck().all() as string[];
    const matrixMs = best(3, () => frameworkMatrix(p, { rows: 'case', columns: { kind: 'list', codeIds }, groupBy: ['continent', 'phase'] }));
    ctx.report({
      operation: `framework matrix ${ids.length} cases × ${codeIds.length} codes`,
      ms: matrixMs,
      floorMs: countFloor,
      budgetMs: 1000,
      note: 'best of 3',
    });
    const pairs = pairMatrix(p, {}).pairs.length;
    const pairMs = best(3, () => pairMatrix(p, {}));
    ctx.report({ operation: `pair matrix ${pairs} pairs × all codes`, ms: pairMs, floorMs: countFloor, budgetMs: 1000, note: 'best of 3' });
  } finally {
    closeProject(p);
  }
}

// Standalone: `npx tsx tests/bench/analysis.ts` on a 60-document project with 50,000 segments.
if (process.argv[1]?.endsWith('analysis.ts')) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { buildBigProject } = await import('../reports/big');
  const dir = mkdtempSync(join(tmpdir(), 'fieldcode-bench-analysis-'));
  const master = join(dir, 'master.fieldcode');
  closeProject(await buildBigProject(master, 275));
  await benchAnalysis({
    dir,
    master,
    report: (f) =>
      console.log(`${f.operation.padEnd(44)} ${f.ms.toFixed(0).padStart(6)} ms  floor ${f.floorMs?.toFixed(0)} ms  budget ${f.budgetMs} ms  ${f.note ?? ''}`),
  });
  rmSync(dir, { recursive: true, force: true });
}

import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectTurns } from '../../shared/turns';
import { migrate } from '../../electron/store/migrations';
import { closeProject, newProject } from '../../electron/project/project';
import type { Figure } from './run';

// Whole processes, as a user runs them: `fieldcode --version` and `fieldcode info`
// against `node -e 0` (budget 2×), and `fieldcode import` of the corpus against a
// Node process doing the raw SQLite + FTS5 inserts (budget 3×). Runs interleave so
// the shared machine's load falls on both sides alike; the median is the figure.

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'build', 'fieldcode.mjs');
const RUNS = 7;

function timeProcess(args: string[]): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr.trim()}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function benchStartup(master: string, report: (f: Figure) => void): void {
  timeProcess([bin, '--version']); // builds the CLI bundle if a source changed, untimed
  const runs: Record<string, number[]> = { node: [], version: [], info: [] };
  for (let i = 0; i < RUNS; i++) {
    runs.node.push(timeProcess(['-e', '0']));
    runs.version.push(timeProcess([bin, '--version']));
    runs.info.push(timeProcess([bin, 'info', master]));
  }
  const floorMs = median(runs.node);
  report({
    operation: 'fieldcode --version (whole process)',
    ms: median(runs.version),
    floorMs,
    budgetMs: Math.round(2 * floorMs),
    note: 'floor: node -e 0; ≤ 2× wanted',
  });
  report({
    operation: 'fieldcode info (whole process)',
    ms: median(runs.info),
    floorMs,
    budgetMs: Math.round(2 * floorMs),
    note: 'floor: node -e 0; ≤ 2× wanted',
  });
}

function emptyProject(path: string): void {
  closeProject(newProject(path, { coder: 'Lead', codebook: 'empty' }));
}

export function benchWholeImport(dir: string, corpus: string, report: (f: Figure) => void): void {
  const turnsFile = join(dir, 'turns.json');
  const turns = Object.fromEntries(
    readdirSync(corpus).map((f) => [f, detectTurns(readFileSync(join(corpus, f), 'utf8')).map((t) => [t.speaker, t.start, t.end])]),
  );
  writeFileSync(turnsFile, JSON.stringify(turns));
  const floors: number[] = [];
  const imports: number[] = [];
  for (let i = 0; i < 3; i++) {
    const floor = join(dir, `floor-${i}.sqlite`);
    const db = new Database(floor);
    migrate(db);
    db.prepare("INSERT INTO coders (id, name, created_at, updated_at) VALUES ('c', 'c', '', '')").run();
    db.close();
    floors.push(timeProcess([join(import.meta.dirname, 'import-floor.mjs'), floor, corpus, turnsFile]));
    const project = join(dir, `whole-${i}.fieldcode`);
    emptyProject(project);
    imports.push(timeProcess([bin, 'import', project, corpus]));
  }
  report({
    operation: 'fieldcode import corpus (whole process)',
    ms: median(imports),
    floorMs: median(floors),
    budgetMs: Math.round(3 * median(floors)),
    note: 'floor: Node start + raw inserts of the same documents, turns, search rows; ≤ 3× wanted',
  });
}

/** A file size beside the UTF-8 size of the text it holds, with its budget (and SQLite's own floor for that text, when measured). */
export function sizeLine(what: string, bytes: number, textBytes: number, budget: number, floorBytes?: number): string {
  const ratio = bytes / textBytes;
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  const floor = floorBytes ? `  floor: the text alone in SQLite ${mb(floorBytes)} (${(floorBytes / textBytes).toFixed(2)}× text)` : '';
  return `${what.padEnd(44)} ${mb(bytes).padStart(9)}  ${`${ratio.toFixed(2)}× text (${mb(textBytes)})`.padEnd(26)} ${ratio <= budget ? `within ${budget}×` : `OVER ${budget}× budget`}${floor}`;
}

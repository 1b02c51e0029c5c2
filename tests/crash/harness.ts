import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliInProcess } from '../helpers/cli';
import { CLI, haveStrace, killAfter, killAtSyscall, profile, SYSCALLS, type Outcome, type Syscall } from './kill';
import { afterKill, FIRST_TRANSCRIPTS, reference, SCENARIOS, sha, type Reference, type Scenario } from './scenarios';

// npm run test:crash [-- --seed N --points N --jobs N]
// Kills every write command at sampled points — SIGKILL at the Nth pwrite64,
// fdatasync, fsync, write, rename or link (strace fault injection), or after a
// random delay — and checks the files after each kill (scenarios.ts). Seeded, so
// a failure is repeated by running with the seed it prints.

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seed = arg('seed', Number(process.env.CRASH_SEED ?? 20261128));
const totalPoints = arg('points', 300);
const jobs = arg('jobs', 2);

function rng(s: number): () => number {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function must(...args: string[]): Promise<void> {
  const r = await cliInProcess(...args);
  if (r.code !== 0) throw new Error(`setup: fieldcode ${args.join(' ')} failed: ${r.stderr.trim()}`);
}

/** The files every point starts from: a coded project, a coder's copy, a merged project, a .qdpx. */
async function makeBase(base: string): Promise<void> {
  mkdirSync(base);
  const P = join(base, 'P.fieldcode');
  await must('new', P, '--coder', 'Lead');
  await must('import', P, ...FIRST_TRANSCRIPTS);
  await must('autocode', P, '--code', 'Themes/Partnership', '--pattern', 'partner', '--unit', 'turn');
  await must('coder-copy', P, join(base, 'amina.fieldcode'), '--coder', 'Amina');
  await must('autocode', join(base, 'amina.fieldcode'), '--code', 'Themes/Partnership', '--pattern', 'partner', '--unit', 'turn');
  await must('autocode', join(base, 'amina.fieldcode'), '--code', 'Themes/Money', '--pattern', 'money|fund');
  cpSync(P, join(base, 'M.fieldcode'));
  await must('merge', join(base, 'M.fieldcode'), join(base, 'amina.fieldcode'));
  await must('export', P, '--format', 'qdpx', '-o', join(base, 'in.qdpx'));
}

interface Tally {
  points: number;
  killed: number;
  finished: number;
  complete: number;
  failures: string[];
}

let pointsRun = 0;
let chain: Promise<unknown> = Promise.resolve();
/** Checks run one at a time: the in-process re-run prints through this process's stdout. */
const serial = <T>(fn: () => Promise<T>): Promise<T> => {
  const next = chain.then(fn, fn);
  chain = next.catch(() => undefined);
  return next;
};

async function main(): Promise<void> {
  if (!haveStrace()) throw new Error('strace is not installed (apt-get install strace); .ci/run installs it');
  const started = Date.now();
  const root = mkdtempSync(join(tmpdir(), 'fieldcode-crash-'));
  const base = join(root, 'base');
  await makeBase(base);
  // The launcher rebuilds its bundle when sources changed: once here, not in the first killed child.
  spawnSync(process.execPath, [CLI, '--version']);
  const random = rng(seed);
  const perScenario = Math.ceil(totalPoints / SCENARIOS.length);
  const tallies = new Map<string, Tally>();
  const work: (() => Promise<void>)[] = [];
  let n = 0;
  const scratch = () => {
    const d = join(root, `p${++n}`);
    cpSync(base, d, { recursive: true });
    return d;
  };
  for (const s of SCENARIOS) {
    const prof = await profile(s.args(scratch()), root, join(root, 'strace.log'));
    const ref: Reference = await reference(s, scratch());
    const tally: Tally = { points: 0, killed: 0, finished: 0, complete: 0, failures: [] };
    tallies.set(s.name, tally);
    const weighted = SYSCALLS.filter((c) => prof.counts[c] > 0);
    for (let i = 0; i < perScenario; i++) {
      const timer = random() < 0.2 || weighted.length === 0;
      const syscall = weighted[Math.floor(random() * weighted.length)] as Syscall;
      const at = timer ? Math.floor(random() * prof.ms) : 1 + Math.floor(random() * prof.counts[syscall]);
      const label = timer ? `after ${at} ms` : `at ${syscall} #${at}`;
      work.push(() => point(s, label, tally, ref, scratch(), (d) => (timer ? killAfter(s.args(d), d, at) : killAtSyscall(s.args(d), d, syscall, at))));
    }
  }
  console.log(`crash harness, seed ${seed}: set up and profiled in ${((Date.now() - started) / 1000).toFixed(0)} s; ${work.length} points to run`);
  const queue = [...work];
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      for (let w = queue.shift(); w; w = queue.shift()) await w();
    }),
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  let failures = 0;
  console.log(`crash harness, seed ${seed}: ${[...tallies.values()].reduce((a, t) => a + t.points, 0)} points in ${seconds} s (${jobs} jobs)`);
  console.log('command        points  killed  finished  complete-before-kill  failures');
  for (const [name, t] of tallies) {
    console.log(
      `${name.padEnd(14)} ${String(t.points).padStart(6)}  ${String(t.killed).padStart(6)}  ${String(t.finished).padStart(8)}  ${String(t.complete).padStart(20)}  ${String(t.failures.length).padStart(8)}`,
    );
    for (const f of t.failures.slice(0, 5)) console.log(`  FAIL ${f}`);
    failures += t.failures.length;
  }
  rmSync(root, { recursive: true, force: true });
  if (failures > 0) {
    console.log(`${failures} failure(s); repeat with --seed ${seed}`);
    process.exitCode = 1;
  }
}

async function point(s: Scenario, label: string, tally: Tally, ref: Reference, d: string, kill: (d: string) => Promise<Outcome>): Promise<void> {
  const inputs = new Map(s.inputs.map((f) => [f, sha(join(d, f))]));
  const out = await kill(d);
  tally.points++;
  if (++pointsRun % 50 === 0) console.log(`  ${pointsRun} points…`);
  if (out.signal === 'SIGKILL') tally.killed++;
  else if (out.code === 0) tally.finished++;
  else {
    tally.failures.push(`${s.name} ${label}: exited ${out.code} ${out.signal ?? ''}: ${out.stderr.trim().split('\n')[0]}`);
    return;
  }
  await serial(async () => {
    try {
      const r = await afterKill(s, d, ref, inputs);
      if (r.done) tally.complete++;
      if (r.failure) tally.failures.push(`${s.name} ${label}: ${r.failure}`);
    } catch (e) {
      tally.failures.push(`${s.name} ${label}: ${(e as Error).message.split('\n')[0]}`);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
}

main().catch((e) => {
  console.error(`crash harness: ${(e as Error).message}`);
  process.exitCode = 1;
});

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkBackups } from '../../electron/store/backup';
import { closeProject, openProject } from '../../electron/store/db';
import { LEFTOVER } from '../../electron/store/files';
import { cliInProcess } from '../helpers/cli';

// The write commands the crash harness kills, and what must hold after each kill:
// the project opens with Fieldcode and passes integrity_check; the command's
// effect is all or nothing; inputs are untouched; no leftover passes for a
// project or a backup; and running the command again succeeds.

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const T = (f: string) => join(FIXTURES, 'transcripts', f);
export const SHEET = join(FIXTURES, 'cases', 'nssp-54-schools.csv');
export const FIRST_TRANSCRIPTS = ['headteacher-interview-england.txt', 'focus-group-kenya-utf8-bom.txt', 'student-workshop-nairobi.docx'].map(T);
const MORE_TRANSCRIPTS = ['student-workshop-lahore.txt', 'teacher-exchange-interview.srt', 'online-interview-zoom.vtt'].map(T);

/** What a project holds, compared before and after a kill. */
export type Counts = string;

/** Opens the file as the app would (migrations, checks), runs integrity_check, returns its counts. */
export function inspectProject(path: string): Counts {
  const p = openProject(path);
  try {
    const check = p.db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity_check: ${String(check)}`);
    const n = (t: string) => p.db.prepare(`SELECT count(*) FROM ${t} WHERE deleted_at IS NULL`).pluck().get() as number;
    return `documents ${n('documents')}, codes ${n('codes')}, segments ${n('segments')}, cases ${n('cases')}, coders ${n('coders')}`;
  } finally {
    closeProject(p);
  }
}

export const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

export interface Scenario {
  name: string;
  /** the project the command writes (checked after every kill) */
  project: string;
  /** a new file the command creates, if any */
  target?: string;
  /** files the command must only read */
  inputs: string[];
  args: (d: string) => string[];
  /** the command run again after the kill (in this process) */
  rerun?: (d: string) => string[];
}

export const SCENARIOS: Scenario[] = [
  { name: 'new', project: 'P.fieldcode', target: 'N.fieldcode', inputs: [], args: (d) => ['new', join(d, 'N.fieldcode'), '--coder', 'Dana'] },
  { name: 'import', project: 'P.fieldcode', inputs: [], args: (d) => ['import', join(d, 'P.fieldcode'), ...MORE_TRANSCRIPTS] },
  {
    name: 'import-qdpx',
    project: 'P.fieldcode',
    target: 'Q.fieldcode',
    inputs: ['in.qdpx'],
    args: (d) => ['import-qdpx', join(d, 'in.qdpx'), join(d, 'Q.fieldcode')],
  },
  {
    name: 'autocode',
    project: 'P.fieldcode',
    inputs: [],
    args: (d) => ['autocode', join(d, 'P.fieldcode'), '--code', 'Fresh/Branch/Leaf', '--pattern', 'school'],
  },
  { name: 'cases import', project: 'P.fieldcode', inputs: [], args: (d) => ['cases', 'import', join(d, 'P.fieldcode'), SHEET] },
  {
    name: 'coder-copy',
    project: 'P.fieldcode',
    target: 'C.fieldcode',
    inputs: ['P.fieldcode'],
    args: (d) => ['coder-copy', join(d, 'P.fieldcode'), join(d, 'C.fieldcode'), '--coder', 'Ben'],
  },
  { name: 'merge', project: 'P.fieldcode', inputs: ['amina.fieldcode'], args: (d) => ['merge', join(d, 'P.fieldcode'), join(d, 'amina.fieldcode')] },
  { name: 'consensus', project: 'M.fieldcode', inputs: [], args: (d) => ['consensus', join(d, 'M.fieldcode')] },
  {
    name: 'export',
    project: 'P.fieldcode',
    target: 'out.csv',
    inputs: ['P.fieldcode'],
    args: (d) => ['export', join(d, 'P.fieldcode'), '--format', 'csv', '-o', join(d, 'out.csv')],
    rerun: (d) => ['export', join(d, 'P.fieldcode'), '--format', 'csv', '-o', join(d, 'out.csv'), '--force'],
  },
  { name: 'backup', project: 'P.fieldcode', inputs: [], args: (d) => ['backup', join(d, 'P.fieldcode')] },
];

export interface Reference {
  before: Counts;
  after: Counts;
  /** the created file's counts (projects) or size (other files) */
  target?: string;
}

function targetState(path: string): string {
  return path.endsWith('.fieldcode') ? inspectProject(path) : `${statSync(path).size} bytes`;
}

/** Runs the command uninterrupted on a copy: what "all" looks like. */
export async function reference(s: Scenario, d: string): Promise<Reference> {
  const before = inspectProject(join(d, s.project));
  const r = await cliInProcess(...s.args(d));
  if (r.code !== 0) throw new Error(`${s.name}: the uninterrupted run failed: ${r.stderr.trim()}`);
  return { before, after: inspectProject(join(d, s.project)), target: s.target ? targetState(join(d, s.target)) : undefined };
}

/** Every leftover beside the project must be refused as a project and never listed as a backup. */
function checkLeftovers(d: string, s: Scenario): string | null {
  for (const f of readdirSync(d)) {
    if (!LEFTOVER.test(f) || (!f.endsWith('.part') && !f.endsWith('.partial'))) continue;
    try {
      closeProject(openProject(join(d, f)));
      return `the leftover ${f} opened as a project`;
    } catch (e) {
      if (!/leftover/.test((e as Error).message)) return `the leftover ${f} was refused for the wrong reason: ${(e as Error).message}`;
    }
  }
  const p = openProject(join(d, s.project));
  try {
    const bad = checkBackups(p).filter((b) => !b.good);
    if (bad.length) return `${bad.length} broken backup(s) listed: ${bad.map((b) => b.path).join(', ')}`;
    if (checkBackups(p).some((b) => LEFTOVER.test(b.path))) return 'a temporary backup was listed as a backup';
  } finally {
    closeProject(p);
  }
  return null;
}

/** The checks after one kill; returns the first failure, or null. Ends with the re-run. */
export async function afterKill(s: Scenario, d: string, ref: Reference, inputs: Map<string, string>): Promise<{ failure: string | null; done: boolean }> {
  for (const [f, hash] of inputs) {
    if (!existsSync(join(d, f)) || sha(join(d, f)) !== hash) return { failure: `the input ${f} changed`, done: false };
    if (f !== s.project && (existsSync(join(d, `${f}-wal`)) || existsSync(join(d, `${f}-shm`))))
      return { failure: `-wal/-shm were left beside the input ${f}`, done: false };
  }
  let state: Counts;
  try {
    state = inspectProject(join(d, s.project));
  } catch (e) {
    return { failure: `the project does not open: ${(e as Error).message}`, done: false };
  }
  if (state !== ref.before && state !== ref.after)
    return { failure: `neither all nor nothing: ${state} (before: ${ref.before}; after: ${ref.after})`, done: false };
  let done = state === ref.after && state !== ref.before;
  if (s.target && existsSync(join(d, s.target))) {
    let t: string;
    try {
      t = targetState(join(d, s.target));
    } catch (e) {
      return { failure: `${s.target} exists but does not open: ${(e as Error).message}`, done: false };
    }
    if (t !== ref.target) return { failure: `${s.target} is incomplete: ${t} (complete: ${ref.target})`, done: false };
    done = true;
    if (!s.rerun) for (const x of ['', '-wal', '-shm']) rmSync(join(d, s.target + x), { force: true });
  }
  const leftover = checkLeftovers(d, s);
  if (leftover) return { failure: leftover, done };
  const again = await cliInProcess(...(s.rerun ?? s.args)(d));
  if (again.code !== 0) return { failure: `the re-run failed: ${again.stderr.trim()}`, done };
  const final = inspectProject(join(d, s.project));
  if (!done && final !== ref.after) return { failure: `after the re-run: ${final}, expected ${ref.after}`, done };
  if (s.target && targetState(join(d, s.target)) !== ref.target) return { failure: `the re-run made an incomplete ${s.target}`, done };
  return { failure: null, done };
}

import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// Running one `fieldcode` command in a child process and killing it: with strace's
// fault injection (SIGKILL delivered at the Nth call of a syscall, in the thread
// making it) or after a random delay. The package's bin is run, as a user would.

const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'build', 'fieldcode.mjs');

/** The syscalls a kill can land on: SQLite's writes and syncs, our file writes, renames and links. */
export const SYSCALLS = ['pwrite64', 'fdatasync', 'fsync', 'write', 'rename', 'link'] as const;
export type Syscall = (typeof SYSCALLS)[number];

export interface Outcome {
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
  ms: number;
}

export function haveStrace(): boolean {
  return spawnSync('strace', ['-V'], { encoding: 'utf8' }).status === 0;
}

function runChild(cmd: string, args: string[], cwd: string, killAfterMs?: number): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stderr, ms: Date.now() - started });
    });
  });
}

/** Per syscall, how often the busiest thread of an uninterrupted run makes it (strace counts per thread). */
export async function profile(args: string[], cwd: string, log: string): Promise<{ counts: Record<Syscall, number>; ms: number }> {
  const r = await runChild('strace', ['-f', '-qq', '-o', log, '-e', `trace=${SYSCALLS.join(',')}`, process.execPath, CLI, ...args], cwd);
  if (r.code !== 0) throw new Error(`profiling run of "${args.join(' ')}" failed: ${r.stderr.trim()}`);
  const perThread = new Map<string, number>();
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    const m = /^(\d+)\s+(\w+)\(/.exec(line);
    if (m) perThread.set(`${m[2]} ${m[1]}`, (perThread.get(`${m[2]} ${m[1]}`) ?? 0) + 1);
  }
  rmSync(log, { force: true });
  const counts = Object.fromEntries(SYSCALLS.map((s) => [s, 0])) as Record<Syscall, number>;
  for (const [key, n] of perThread) {
    const s = key.split(' ')[0] as Syscall;
    counts[s] = Math.max(counts[s], n);
  }
  return { counts, ms: r.ms };
}

/** SIGKILL at the nth call of `syscall`. */
export function killAtSyscall(args: string[], cwd: string, syscall: Syscall, n: number): Promise<Outcome> {
  return runChild(
    'strace',
    ['-f', '-qq', '-o', '/dev/null', '-e', `trace=${syscall}`, '-e', `inject=${syscall}:signal=SIGKILL:when=${n}`, process.execPath, CLI, ...args],
    cwd,
  );
}

/** SIGKILL after a delay, wherever the command is. */
export function killAfter(args: string[], cwd: string, ms: number): Promise<Outcome> {
  return runChild(process.execPath, [CLI, ...args], cwd, ms);
}

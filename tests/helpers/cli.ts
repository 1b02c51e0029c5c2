import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `fieldcode` command (the package's bin) in a child process. */
export function fieldcode(...args: string[]): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'build', 'fieldcode.mjs'), ...args], { encoding: 'utf8', cwd: ROOT, timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function json<T = unknown>(r: CliResult): T {
  if (r.code !== 0) throw new Error(`fieldcode failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

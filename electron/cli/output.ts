import type { Project } from '../project/project';
import type { CommandOptions } from '../project/command';

/**
 * Opens a project for one command and always closes it, so the WAL is checkpointed;
 * a writing command holds the project's lock (project/command.ts) for its run.
 * SQLite is loaded here, not at start: `fieldcode --version` and `--help` never need it.
 */
export async function withProject<T>(path: string, fn: (p: Project) => T | Promise<T>, opts: CommandOptions = {}): Promise<T> {
  const { withProject: run } = await import('../project/command');
  return run(path, fn, opts);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** A plain-text table with columns padded to their widest cell. */
export function printTable(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  for (const r of cells)
    print(
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i])))
        .join('  ')
        .trimEnd(),
    );
}

/** Repeatable options: `--where a=b --where c=d`. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

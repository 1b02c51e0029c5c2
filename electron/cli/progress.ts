import { basename, resolve } from 'node:path';
import type { Progress } from '../../shared/progress';
import type { ExportedFile } from '../../shared/api/reports';
import type { Rendered } from '../reports/output';

// Long commands (import, merge, exports) show one progress line on a terminal,
// rewritten in place, and nothing when their output goes to a file or a pipe
// (scripts and tests read clean output). It goes to stderr, so stdout stays the
// command's result.

export interface ProgressLine {
  show: (done: number, total: number, what: string) => void;
  end: () => void;
}

/** On the process's own stderr, only when stdout is a terminal too (`fieldcode … > out.txt` stays quiet). */
function onTerminal(stream: NodeJS.WriteStream): boolean {
  return !!stream.isTTY && (stream !== process.stderr || !!process.stdout.isTTY);
}

export function progressLine(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressLine {
  if (!onTerminal(stream)) return { show: () => {}, end: () => {} };
  let shown = false;
  let last = 0;
  return {
    show(done, total, what) {
      const now = Date.now();
      // A terminal redrawn a few times a second is enough to see it move.
      if (done < total && now - last < 100) return;
      last = now;
      const width = Math.max(20, (stream.columns || 80) - 1);
      const line = `${label} ${done}/${total} ${basename(what)}`;
      stream.write(`\r${line.slice(0, width).padEnd(width)}`);
      shown = true;
    },
    end() {
      if (shown) stream.write(`\r${' '.repeat(Math.max(20, (stream.columns || 80) - 1))}\r`);
    },
  };
}

/** A stage name as the progress line shows it ("reading", "writing documents"). */
function what(stage: string, file: string | undefined): string {
  return file ? `${stage} ${basename(file)}` : stage;
}

/**
 * The use cases' `Progress` for a command: their events drive the progress line
 * (on a TTY only), and Ctrl+C cancels at the next check, so the project is left
 * as it was; a second Ctrl+C ends the process at once (SQLite rolls back then too).
 */
export function commandProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress & { end: () => void } {
  const line = progressLine(label, stream);
  let cancelled = false;
  const onInterrupt = () => {
    cancelled = true;
  };
  process.once('SIGINT', onInterrupt);
  return {
    report: (stage, done, total, file) => line.show(done, total, what(stage, file)),
    cancelled: () => cancelled,
    end: () => {
      process.removeListener('SIGINT', onInterrupt);
      line.end();
    },
  };
}

/** Runs a long command's work with its progress line and Ctrl+C, and always clears the line. */
export async function withProgress<T>(label: string, work: (p: Progress) => Promise<T>): Promise<T> {
  const progress = commandProgress(label);
  try {
    return await work(progress);
  } finally {
    progress.end();
  }
}

/**
 * An export written in stages (render, temporary file, rename) with the progress
 * line; Ctrl+C stops it at the next stage and no file — partial or whole — is left.
 */
export async function exportWithProgress<R extends Rendered>(
  out: string,
  render: (p: Progress) => R | Promise<R>,
  guard: { project?: string; overwrite?: boolean } = {},
  first?: string,
): Promise<{ file: ExportedFile; rendered: R }> {
  // Loaded with the first export, not with every command.
  const { exportInStages } = await import('../reports/staged');
  return withProgress('exporting', (p) => exportInStages(p, () => render(p), resolve(out), guard, first));
}

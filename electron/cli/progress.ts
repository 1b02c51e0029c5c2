import { basename } from 'node:path';

// Long commands (import, merge) show one progress line on a terminal, rewritten in
// place, and nothing when their output goes to a file or a pipe (scripts and tests
// read clean output). It goes to stderr, so stdout stays the command's result.

export interface ProgressLine {
  show: (done: number, total: number, what: string) => void;
  end: () => void;
}

export function progressLine(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressLine {
  if (!stream.isTTY) return { show: () => {}, end: () => {} };
  let shown = false;
  let last = 0;
  return {
    show(done, total, what) {
      const now = Date.now();
      // A terminal redrawn a few times a second is enough to see it move.
      if (done < total && now - last < 100) return;
      last = now;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      const line = `${label} ${done}/${total} ${basename(what)}`;
      stream.write(`\r${line.slice(0, width).padEnd(width)}`);
      shown = true;
    },
    end() {
      if (shown) stream.write(`\r${' '.repeat(Math.max(20, (stream.columns ?? 80) - 1))}\r`);
    },
  };
}

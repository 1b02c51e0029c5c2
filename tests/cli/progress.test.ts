import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { commandProgress, progressLine } from '../../electron/cli/progress';

function terminal(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      written.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY, columns: 40 });
  return { stream, written };
}

describe('the progress line of long commands', () => {
  it('rewrites one line on a terminal, ends with the last step, and clears it', () => {
    const { stream, written } = terminal(true);
    const p = progressLine('reading', stream);
    p.show(1, 3, '/data/School 01 - Interview.txt');
    p.show(2, 3, '/data/School 02 - Interview.txt'); // within 100 ms of the first: skipped
    p.show(3, 3, '/data/School 03 - Interview.txt'); // the last step always shows
    p.end();
    expect(written).toHaveLength(3);
    expect(written[0]).toBe(`\r${'reading 1/3 School 01 - Interview.txt'.padEnd(39)}`);
    expect(written[1]).toContain('reading 3/3 School 03 - Interview.txt');
    expect(written[2]).toBe(`\r${' '.repeat(39)}\r`);
    expect(written.join('')).not.toContain('\n');
  });

  it('writes nothing when the output is a file or a pipe', () => {
    const { stream, written } = terminal(false);
    const p = progressLine('merging', stream);
    p.show(1, 2, 'amina.fieldcode');
    p.end();
    expect(written).toEqual([]);
  });

  it('turns the core’s events into the line, and Ctrl+C into a cancel the core sees at its next check', () => {
    const { stream, written } = terminal(true);
    const listeners = process.listenerCount('SIGINT');
    const p = commandProgress('merging', stream);
    p.report('reading', 0, 2, '/data/amina.fieldcode');
    expect(written[0]).toBe(`\r${'merging 0/2 reading amina.fieldcode'.padEnd(39)}`);
    expect(p.cancelled()).toBe(false);
    process.emit('SIGINT', 'SIGINT');
    expect(p.cancelled()).toBe(true);
    p.end();
    // The handler is gone again: a second Ctrl+C would end the process as usual.
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newProject } from '../../electron/project/project';
import { closeProject } from '../../electron/store/db';
import { makeTranscripts, writeCorpus } from '../bench/corpus';
import { dumpOnDisk } from '../helpers/cancel';
import { cliInProcess } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

// Ctrl+C during `fieldcode import`'s write: the signal is heard between documents
// of the one (stepped) transaction, which rolls back; the project is as before.

describe('Ctrl+C while `fieldcode import` writes', () => {
  it('rolls the import back: the command says so and the project is unchanged', async () => {
    const dir = tempDir();
    const path = join(dir, 'study.fieldcode');
    closeProject(newProject(path, { coder: 'Amina' }));
    writeCorpus(join(dir, 'transcripts'), makeTranscripts().slice(0, 150));
    const before = dumpOnDisk(path);
    const listeners = process.listenerCount('SIGINT');
    const wasTTY = [process.stdout.isTTY, process.stderr.isTTY];
    // The progress line shows only on a terminal (stdout and stderr); here it tells the test that the write has begun.
    process.stdout.isTTY = true;
    process.stderr.isTTY = true;
    const lines: string[] = [];
    try {
      const running = cliInProcess('import', path, join(dir, 'transcripts'));
      const captured = process.stderr.write;
      process.stderr.write = ((s: string | Uint8Array) => {
        const line = String(s);
        if (/importing \d+\/150 writing/.test(line) && !lines.some((l) => l.includes('writing'))) {
          // Sent as a terminal sends it, on a later turn of the event loop; only while the command listens.
          setTimeout(() => process.listenerCount('SIGINT') > listeners && process.emit('SIGINT', 'SIGINT'), 0);
        }
        lines.push(line);
        return captured(s);
      }) as typeof process.stderr.write;
      const r = await running;
      expect(lines.some((l) => / writing /.test(l))).toBe(true);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('Cancelled — nothing was changed');
      expect(r.stdout).toBe('');
    } finally {
      [process.stdout.isTTY, process.stderr.isTTY] = wasTTY;
    }
    expect(process.listenerCount('SIGINT')).toBe(listeners);
    expect(dumpOnDisk(path) === before, 'the project changed').toBe(true);
  });
});

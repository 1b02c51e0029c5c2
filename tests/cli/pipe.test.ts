import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldcode } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const ROOT = join(import.meta.dirname, '..', '..');

describe('fieldcode in a pipe', () => {
  it('ends quietly when the reader closes the pipe (fieldcode segments … | head -1)', async () => {
    const dir = tempDir();
    const project = join(dir, 'pipe.fieldcode');
    // 3000 coded turns print far more than a pipe buffer holds, so the writer meets the closed pipe.
    const lines = Array.from({ length: 3000 }, (_, i) => `Speaker ${i % 7}: turn ${i} about the weather and the partnership between the two schools`);
    writeFileSync(join(dir, 'long.txt'), lines.join('\n'));
    expect(fieldcode('new', project, '--codebook', 'empty').code).toBe(0);
    expect(fieldcode('import', project, join(dir, 'long.txt')).code).toBe(0);
    expect(fieldcode('autocode', project, '--code', 'Weather', '--pattern', 'weather', '--unit', 'turn').code).toBe(0);

    const child = spawn(process.execPath, [join(ROOT, 'build', 'fieldcode.mjs'), 'segments', project, '--json'], { cwd: ROOT });
    let stderr = '';
    let received = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', (d: Buffer) => {
      received = d.length;
      child.stdout.destroy(); // what `head -1` does once it has its line
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(received).toBeGreaterThan(0);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 120_000);
});

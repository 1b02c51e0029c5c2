import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coderCopy } from '../../electron/team/coder-copy';
import { applyCodeToMany } from '../../electron/coding/coding';
import { merge } from '../../electron/team/merge/merge';
import { listCodes } from '../../electron/store/codes';
import { closeProject } from '../../electron/store/db';
import { tempDir } from '../helpers/temp';
import { codings, contentDump, docId, hashFolder, makeMaster, open, textOf } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');

describe('a merge killed half-way', () => {
  it('leaves the master as it was, and the next merge completes', async () => {
    const dir = tempDir();
    const master = await makeMaster(dir);
    const copy = join(dir, 'amina.fieldcode');
    coderCopy(master, copy, 'Amina');
    const a = open(copy);
    const leaves = listCodes(a).filter((c) => c.path.split('/').length === 3);
    for (const name of ['Focus group - Teachers', 'Interview - Headteacher', 'Student workshop A']) {
      const id = docId(a, name);
      const chars = textOf(a, id).length;
      for (const [i, code] of leaves.entries())
        applyCodeToMany(a, code.id, [{ documentId: id, start: (i * 7) % (chars - 20), end: ((i * 7) % (chars - 20)) + 15 }]);
    }
    const total = a.db.prepare('SELECT count(*) FROM segments').pluck().get() as number;
    expect(total).toBeGreaterThan(200);
    closeProject(a);
    const before = contentDump(master, true);
    closeProject(master);
    const inputs = hashFolder(dir);

    const child = spawnSync(process.execPath, ['--import', 'tsx', join('tests', 'team', 'crash-child.ts'), master.path, String(Math.floor(total / 2)), copy], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    expect(child.stdout).toBe('');
    expect(hashFolder(dir)['amina.fieldcode']).toBe(inputs['amina.fieldcode']);

    const again = open(master.path);
    expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(contentDump(again, true)).toBe(before);
    const r = await merge(again, [copy]);
    expect(r.totals.segments.new).toBe(total);
    expect(codings(again)).toHaveLength(total);
  }, 180_000);
});

import Database from 'better-sqlite3';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCode } from '../../electron/coding/coding';
import { resolveCodePath } from '../../electron/store/codes';
import { closeProject } from '../../electron/store/db';
import { coderCopy } from '../../electron/team/coder-copy';
import { tempDir } from '../helpers/temp';
import { docId, makeMaster, span } from './helpers';

// A coder copy is written by VACUUM INTO: compact, as small as the master. What the
// copy must not carry (other documents, others' codings) is gone from its bytes,
// not only from its tables.

const PLANNING = 'Teachers/Pedagogic changes/lesson planning';

function freePages(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('freelist_count', { simple: true }) as number;
  } finally {
    db.close();
  }
}

describe('a coder copy', () => {
  it('of every document is compact: no free pages, no larger than the master', async () => {
    const dir = tempDir();
    const master = await makeMaster(dir);
    const r = coderCopy(master, join(dir, 'amina.fieldcode'), 'Amina');
    closeProject(master);
    expect(freePages(r.path)).toBe(0);
    expect(statSync(r.path).size).toBeLessThanOrEqual(statSync(join(dir, 'master.fieldcode')).size);
  });

  it('of chosen documents holds no byte of the others, nor of others\u2019 codings, and no free pages', async () => {
    const dir = tempDir();
    const master = await makeMaster(dir);
    const focus = docId(master, 'Focus group - Teachers');
    const seg = applyCode(master, { ...span(master, focus, 'We plan lessons'), codeId: resolveCodePath(master, PLANNING).id });
    master.db.prepare('UPDATE segments SET memo = ? WHERE id = ?').run('Lead memo: the Leeds visit was decisive', seg.id);
    const r = coderCopy(master, join(dir, 'ben.fieldcode'), 'Ben', { documents: ['Student workshop A'] });
    const bytes = readFileSync(r.path);
    expect(bytes.includes(Buffer.from('cricket and have a big library'))).toBe(true);
    for (const gone of ['We plan lessons together', 'A teacher from Mbale visited us', 'the Leeds visit was decisive'])
      expect(bytes.includes(Buffer.from(gone)), gone).toBe(false);
    expect(freePages(r.path)).toBe(0);
  });
});

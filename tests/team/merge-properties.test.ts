import fc from 'fast-check';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coderCopy } from '../../electron/team/coder-copy';
import { merge } from '../../electron/team/merge/merge';
import { closeProject, type Project } from '../../electron/store/db';
import { tempDir } from '../helpers/temp';
import { codings, contentDump, hashFolder, makeMaster, open } from './helpers';
import { EDIT, runEdits, type Edit } from './random-edits';

// Properties of merging, on random small projects: coders get copies of a master,
// make random edits (coding, recoding, resizing, removing, inventing, renaming and
// deleting codes, memos) while the lead edits the master too; then the copies are
// merged in different orders, again, and with a crash injected half-way.

interface Coder {
  name: string;
  docs: number[];
  edits: Edit[];
}

const coderArb = fc.record({
  name: fc.constantFrom('Amina', 'Ben', 'Chidi'),
  docs: fc.subarray([0, 1, 2], { minLength: 1 }),
  edits: fc.array(EDIT, { maxLength: 12 }),
});

const DOCS = ['Focus group - Teachers', 'Interview - Headteacher', 'Student workshop A'];

function clone(master: Project, path: string): Project {
  master.db.prepare('VACUUM INTO ?').run(path);
  return open(path);
}

interface Scenario {
  master: Project;
  dir: string;
  copies: string[];
}

async function scenario(coders: Coder[], lead: Edit[]): Promise<Scenario> {
  const dir = tempDir();
  const master = await makeMaster(dir, 'empty');
  await runEdits(master, [
    { t: 'newCode', parent: -1, name: 'Teachers' },
    { t: 'newCode', parent: 0, name: 'Skills' },
    { t: 'newCode', parent: -1, name: 'Students' },
  ]);
  mkdirSync(join(dir, 'copies'));
  const copies = coders.map((c, i) => {
    const path = join(dir, 'copies', `copy-${i}-${c.name}.fieldcode`);
    coderCopy(master, path, c.name, { documents: c.docs.map((d) => DOCS[d]) });
    return path;
  });
  for (const [i, c] of coders.entries()) {
    const p = open(copies[i]);
    await runEdits(p, c.edits);
    closeProject(p);
  }
  await runEdits(master, lead);
  return { master, dir, copies };
}

/** Every segment of every copy is in the master, as the copy has it (no other file edits a coder's own segments). */
function losesNothing(master: Project, copies: string[]): void {
  const get = master.db.prepare(
    'SELECT s.start, s.end, s.memo, s.updated_at, s.deleted_at IS NULL AS live, lower(c.name) AS coder FROM segments s JOIN coders c ON c.id = s.coder_id WHERE s.id = ?',
  );
  for (const path of copies) {
    const copy = open(path);
    const rows = copy.db
      .prepare(
        'SELECT s.id, s.start, s.end, s.memo, s.updated_at, s.deleted_at IS NULL AS live, lower(c.name) AS coder FROM segments s JOIN coders c ON c.id = s.coder_id',
      )
      .all() as { id: string }[];
    for (const { id, ...row } of rows) expect(get.get(id), `segment ${id} of ${path}`).toEqual(row);
    closeProject(copy);
  }
}

describe('merge properties (random projects)', () => {
  it('is order-independent, idempotent, loses no segment, never writes its inputs, and survives a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(coderArb, { minLength: 1, maxLength: 3 }), fc.array(EDIT, { maxLength: 4 }), fc.nat(60), async (coders, lead, crashAt) => {
        const { master, dir, copies } = await scenario(coders, lead);
        const inputs = hashFolder(join(dir, 'copies'));

        // A crash half-way leaves the master exactly as it was (merge log included). The merge
        // calls onWrite before each of its `total` writes and once more before the merge log,
        // so a crash point taken modulo total + 1 is always reached: every run crashes.
        const victim = clone(master, join(dir, 'victim.fieldcode'));
        const before = contentDump(victim, true);
        let crashedAt: number | null = null;
        const crash = (_kind: string, done: number, total: number) => {
          if (done < crashAt % (total + 1)) return;
          crashedAt = done;
          throw new Error('power cut');
        };
        const outcome = await merge(victim, copies, { onWrite: crash }).then(
          (r) => r,
          (e: Error) => e,
        );
        expect(crashedAt).not.toBeNull();
        expect(outcome).toBeInstanceOf(Error);
        expect((outcome as Error).message).toBe('power cut');
        expect(contentDump(victim, true)).toBe(before);

        // Order: one file at a time forwards, backwards, and all at once.
        const forwards = clone(master, join(dir, 'forwards.fieldcode'));
        const backwards = clone(master, join(dir, 'backwards.fieldcode'));
        const together = clone(master, join(dir, 'together.fieldcode'));
        for (const c of copies) await merge(forwards, [c]);
        for (const c of [...copies].reverse()) await merge(backwards, [c]);
        await merge(together, [...copies].reverse());
        expect(codings(backwards)).toEqual(codings(forwards));
        expect(codings(together)).toEqual(codings(forwards));

        // Idempotent: again, by the log and row by row.
        const merged = contentDump(forwards);
        expect((await merge(forwards, copies)).changed).toBe(false);
        expect((await merge(forwards, [...copies].reverse(), { force: true })).changed).toBe(false);
        expect(contentDump(forwards)).toBe(merged);

        expect(hashFolder(join(dir, 'copies'))).toEqual(inputs);
        losesNothing(forwards, copies);
        losesNothing(backwards, copies);
      }),
      { numRuns: 12 },
    );
  }, 300_000);
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPairs, setPair } from '../../electron/analysis/pairs';
import { createCase } from '../../electron/cases/cases';
import { coderCopy } from '../../electron/team/coder-copy';
import { merge } from '../../electron/team/merge/merge';
import { closeProject, openProject, type Project } from '../../electron/store/db';
import { tempDir, tempProject, track } from '../helpers/temp';

// Two coders pair one school with different partners in their copies. The merge
// keeps the newer pairing only (as picking a new partner in the app would), lists
// the clash in the report, and gives the same pairs whichever copy is merged first.

const shown = (p: Project) => listPairs(p).map((x) => `${x.a.name} – ${x.b.name}`);

async function twoCopies() {
  const master = tempProject({}, 'master.fieldcode');
  const [mbale, dalmore, lahore, hill] = ['Mbale Primary', 'Dalmore Primary', 'Lahore School', 'Hillcrest Academy'].map((n) => createCase(master, n));
  const dir = tempDir();
  const files = { amina: join(dir, 'amina.fieldcode'), ben: join(dir, 'ben.fieldcode') };
  coderCopy(master, files.amina, 'Amina');
  coderCopy(master, files.ben, 'Ben');
  const edit = (file: string, fn: (p: Project) => void) => {
    const p = track(openProject(file));
    fn(p);
    closeProject(p);
  };
  edit(files.amina, (p) => setPair(p, mbale.id, dalmore.id));
  await new Promise((r) => setTimeout(r, 5)); // Ben's pairing is the newer one
  edit(files.ben, (p) => {
    setPair(p, mbale.id, lahore.id);
    setPair(p, hill.id, dalmore.id);
  });
  return { master, files };
}

describe('pairs set differently in two coder copies', () => {
  it('keep the newer pairing, list the clash and never leave a case in two pairs', async () => {
    const { master, files } = await twoCopies();
    const r = await merge(master, [files.amina, files.ben]);
    expect(shown(master)).toEqual(['Dalmore Primary – Hillcrest Academy', 'Lahore School – Mbale Primary']);
    const clashes = r.files.flatMap((f) => f.conflicts).filter((c) => c.kind === 'pairs');
    // Amina's one pairing is dissolved (reported once, against the newest pairing that displaced it)
    expect(clashes.map((c) => [c.label, c.kept, c.reason])).toEqual([
      [
        'pair Dalmore Primary – Mbale Primary',
        'copy',
        'Dalmore Primary was paired with Mbale Primary in the master and with Hillcrest Academy in the copy; the newer pairing (Dalmore Primary with Hillcrest Academy) is kept',
      ],
    ]);
    expect(r.files[1].counts.pairs).toMatchObject({ new: 2, deleted: 1, conflicts: 1 });

    const again = await merge(master, [files.amina, files.ben], { force: true });
    expect(again.changed).toBe(false);
    expect(shown(master)).toEqual(['Dalmore Primary – Hillcrest Academy', 'Lahore School – Mbale Primary']);
  }, 60_000);

  it('give the same pairs when the older copy is merged last, and say the master kept its pairing', async () => {
    const { master, files } = await twoCopies();
    const first = await merge(master, [files.ben]);
    expect(first.conflicts).toBe(0);
    const r = await merge(master, [files.amina]);
    expect(shown(master)).toEqual(['Dalmore Primary – Hillcrest Academy', 'Lahore School – Mbale Primary']);
    const clash = r.files[0].conflicts.filter((c) => c.kind === 'pairs');
    expect(clash.map((c) => [c.kept, c.fields])).toEqual([
      ['master', [{ field: 'partner of Dalmore Primary', master: 'Hillcrest Academy', copy: 'Mbale Primary' }]],
    ]);
    expect(r.files[0].counts.pairs).toMatchObject({ new: 0, conflicts: 1 });
    const live = master.db.prepare('SELECT case_a, case_b FROM pairs WHERE deleted_at IS NULL').all() as { case_a: string; case_b: string }[];
    const ends = live.flatMap((x) => [x.case_a, x.case_b]);
    expect(new Set(ends).size).toBe(ends.length);
  }, 60_000);
});

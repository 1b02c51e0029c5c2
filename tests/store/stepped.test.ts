import { describe, expect, it } from 'vitest';
import { steppedTransaction } from '../../electron/store/stepped';
import { breathe } from '../../electron/project/operations';
import { tempProject } from '../helpers/temp';

// A stepped transaction: one BEGIN IMMEDIATE … COMMIT whose body awaits between
// chunks. `db.transaction()` inside it becomes a savepoint (better-sqlite3 does that
// whenever the connection is in a transaction), so the store's own writes nest.

const names = (p: ReturnType<typeof tempProject>) => p.db.prepare('SELECT name FROM cases ORDER BY name').pluck().all() as string[];

describe('a stepped transaction', () => {
  it('commits every chunk together, nested transactions included', async () => {
    const p = tempProject();
    const add = p.db.transaction((name: string) =>
      p.db.prepare("INSERT INTO cases (id, name, updated_at, coder_id) VALUES (?, ?, '', (SELECT id FROM coders LIMIT 1))").run(name, name),
    );
    await steppedTransaction(p.db, async () => {
      add('Mbale');
      await breathe();
      expect(p.db.inTransaction).toBe(true);
      add('Leeds');
    });
    expect([names(p), p.db.inTransaction]).toEqual([['Leeds', 'Mbale'], false]);
  });

  it('rolls back every chunk on a throw after its awaits, and a failed nested transaction only undoes its own rows', async () => {
    const p = tempProject();
    const add = p.db.transaction((name: string, fail?: boolean) => {
      p.db.prepare("INSERT INTO cases (id, name, updated_at, coder_id) VALUES (?, ?, '', (SELECT id FROM coders LIMIT 1))").run(name, name);
      if (fail) throw new Error('refused');
    });
    await steppedTransaction(p.db, async () => {
      add('Kisumu');
      await breathe();
      expect(() => add('Lahore', true)).toThrow('refused');
      add('Nairobi');
    });
    expect(names(p)).toEqual(['Kisumu', 'Nairobi']);
    await expect(
      steppedTransaction(p.db, async () => {
        add('Mbale');
        await breathe();
        add('Leeds');
        await breathe();
        throw new Error('cancelled');
      }),
    ).rejects.toThrow('cancelled');
    expect([names(p), p.db.inTransaction]).toEqual([['Kisumu', 'Nairobi'], false]);
  });

  it('refuses to start inside another transaction', async () => {
    const p = tempProject();
    p.db.exec('BEGIN');
    await expect(steppedTransaction(p.db, async () => {})).rejects.toThrow('a stepped write cannot start inside another transaction');
    p.db.exec('ROLLBACK');
  });
});

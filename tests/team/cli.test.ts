import { SCHEMA_VERSION } from '../../electron/store/migrations';
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldcode, json } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { hashFolder, TEXTS } from './helpers';

function setup() {
  const dir = tempDir();
  mkdirSync(join(dir, 'transcripts'));
  for (const [name, text] of Object.entries(TEXTS)) writeFileSync(join(dir, 'transcripts', name), text);
  const master = join(dir, 'master.fieldcode');
  expect(fieldcode('new', master, '--coder', 'Lead').code).toBe(0);
  expect(fieldcode('import', master, join(dir, 'transcripts')).code).toBe(0);
  return { dir, master };
}

// Each command is a real child process (about a second each on a busy 2-core machine).
describe('fieldcode coder-copy, merge and agreement', () => {
  it('hands out copies, merges them back (dry run, real, again) and reports agreement as JSON', () => {
    const { dir, master } = setup();
    const out = fieldcode('coder-copy', master, join(dir, 'copies', '..', 'amina.fieldcode'), '--coder', 'Amina');
    expect(out, out.stderr).toMatchObject({ code: 0, stdout: 'Wrote amina.fieldcode for Amina: 3 document(s), 0 segment(s)\n' });
    const ben = fieldcode('coder-copy', master, join(dir, 'ben.fieldcode'), '--coder', 'Ben', '--docs', 'Focus group - Teachers,Interview - Headteacher');
    expect(ben.stdout).toMatch(/for Ben: 2 document\(s\)/);
    const code = 'Teachers/Pedagogic changes/lesson planning';
    expect(fieldcode('autocode', join(dir, 'amina.fieldcode'), '--code', code, '--pattern', 'plan lessons together|partnership start').code).toBe(0);
    expect(fieldcode('autocode', join(dir, 'ben.fieldcode'), '--code', code, '--pattern', 'plan lessons|teacher from Mbale', '--unit', 'turn').code).toBe(0);

    const copies = [join(dir, 'amina.fieldcode'), join(dir, 'ben.fieldcode')];
    const inputs = hashFolder(dir);
    const dry = json<{ dryRun: boolean; changed: boolean; totals: { segments: { new: number } } }>(
      fieldcode('merge', master, ...copies, '--dry-run', '--json'),
    );
    expect(dry).toMatchObject({ dryRun: true, changed: true, totals: { segments: { new: 4 } } });
    expect(json<{ segments: number }>(fieldcode('info', master, '--json')).segments).toBe(0);
    const merged = fieldcode('merge', master, ...copies);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toMatch(
      /^Merged into .*master\.fieldcode\.\nBackup before the merge: .*before-merge\.fieldcode\namina\.fieldcode \(coder copy for Amina\)\nben\.fieldcode \(coder copy for Ben\)/,
    );
    expect(merged.stdout).toMatch(/segments\s+4\s+0\s+0\s+0\s+0/);
    expect(json<{ segments: number; coders: number }>(fieldcode('info', master, '--json'))).toMatchObject({ segments: 4, coders: 3 });
    const again = fieldcode('merge', master, copies[1], copies[0]);
    expect(again.stdout).toMatch(/^Nothing to change in .*\nben\.fieldcode \(coder copy for Ben\) — already merged/);
    const after = hashFolder(dir);
    for (const f of ['amina.fieldcode', 'ben.fieldcode']) expect(after[f]).toBe(inputs[f]);

    const r = json<{ codes: Record<string, unknown>[]; pooled: Record<string, unknown> }>(fieldcode('agreement', master, '--json'));
    expect(Object.keys(r)).toEqual(['codes', 'pooled']);
    expect(r.codes).toHaveLength(1);
    // the keys of before, first and with their meaning, then the coefficients of issue 13
    const keys = ['code', 'units', 'percentAgreement', 'kappa', 'alpha', 'ac1', 'bp', 'uAlpha', 'binaryUAlpha'];
    expect(Object.keys(r.codes[0])).toEqual(keys);
    expect(Object.keys(r.pooled)).toEqual([...keys, 'uAlpha2016', 'cuAlpha', 'CuAlpha']);
    expect(r.codes[0]).toMatchObject({ code, kappa: expect.any(Number), alpha: expect.any(Number) });
    // Ben was handed two documents, Amina three: only the two both coded are compared.
    const chars = TEXTS['Focus group - Teachers.txt'].length + TEXTS['Interview - Headteacher.txt'].length;
    expect(r.codes[0].units).toBe(chars);
    const turns = json<{ codes: { units: number; percentAgreement: number }[] }>(
      fieldcode('agreement', master, '--unit', 'turn', '--coders', 'amina,Ben', '--json'),
    );
    expect(turns.codes[0].units).toBe(7);
    // turns coded: Amina the question and the plan, Ben the plan and the visit: 5 of 7 turns agree
    expect(turns.codes[0].percentAgreement).toBeCloseTo(5 / 7, 12);
    const table = fieldcode('agreement', master);
    expect(table.stdout).toMatch(
      /^Agreement of Amina, Ben on 2 document\(s\) coded by two or more of them; unit: characters\ncode\s+units\s+% agreement\s+kappa\s+alpha\s+AC1\s+BP\s+uAlpha\n/,
    );
    expect(table.stdout).toMatch(/\(pooled\)\s+\d+\s+\d+\.\d%(\s+-?\d\.\d{3}){5}\nUnitizing, all codes/);
  }, 180_000);

  it('refuses bad files with one line naming the file, and changes nothing', () => {
    const { dir, master } = setup();
    const before = json(fieldcode('info', master, '--json'));
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'not a project');
    const other = join(dir, 'other.fieldcode');
    expect(fieldcode('new', other, '--codebook', 'empty').code).toBe(0);
    const newer = join(dir, 'newer.fieldcode');
    copyFileSync(master, newer);
    const db = new Database(newer);
    db.pragma('user_version = 99');
    db.close();
    const cases: [string[], string][] = [
      [[notes], 'fieldcode: notes.txt: not a Fieldcode project (not an SQLite database)\n'],
      [[master], 'fieldcode: master.fieldcode: this is the master project itself; merge coders\u2019 copies into it, not the master\n'],
      [
        [other],
        'fieldcode: other.fieldcode: built on a different codebook ("empty"; the master uses "nssp"); only projects with the same codebook can be merged\n',
      ],
      [
        [newer],
        `fieldcode: newer.fieldcode: made by a newer Fieldcode (file version 99, this version reads up to ${SCHEMA_VERSION}); update Fieldcode to merge it\n`,
      ],
      [[join(dir, 'missing.fieldcode')], 'fieldcode: missing.fieldcode: no such project file\n'],
    ];
    for (const [args, stderr] of cases) expect(fieldcode('merge', master, ...args)).toMatchObject({ code: 1, stdout: '', stderr });
    expect(fieldcode('agreement', master, '--unit', 'word')).toMatchObject({ code: 1, stderr: 'fieldcode: --unit must be char or turn, not "word"\n' });
    expect(fieldcode('agreement', master)).toMatchObject({
      code: 1,
      stderr: 'fieldcode: agreement compares two or more coders, and nobody has coded in this project\n',
    });
    expect(fieldcode('coder-copy', master, join(dir, 'x.fieldcode')).code).toBe(2); // --coder is required
    expect(json(fieldcode('info', master, '--json'))).toEqual(before);
    expect(json<unknown[]>(fieldcode('docs', master, '--json'))).toHaveLength(3);
  }, 180_000);
});

import { SCHEMA_VERSION } from '../../electron/store/migrations';
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coderCopy } from '../../electron/team/coder-copy';
import { applyCode } from '../../electron/coding/coding';
import { merge } from '../../electron/team/merge/merge';
import { newProject } from '../../electron/project/project';
import { resolveCodePath } from '../../electron/store/codes';
import { closeProject, openProject } from '../../electron/store/db';
import { InputError } from '../../shared/errors';
import { listBackups } from '../../electron/store/backup';
import { tempDir, track } from '../helpers/temp';
import { contentDump, docId, hashFolder, makeMaster, open, span } from './helpers';

const PLANNING = 'Teachers/Pedagogic changes/lesson planning';

describe('merge refuses bad files, naming the file, and changes nothing', () => {
  it('for non-projects, damaged and hostile files, newer versions, other codebooks and the master itself', async () => {
    const dir = tempDir();
    const master = await makeMaster(dir);
    const good = join(dir, 'amina.fieldcode');
    coderCopy(master, good, 'Amina');
    const f = (name: string) => join(dir, name);
    writeFileSync(f('empty.fieldcode'), '');
    writeFileSync(f('notes.fieldcode'), 'Interviewer: hello\n');
    writeFileSync(f('binary.fieldcode'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 255, 254]));
    const bytes = readFileSync(good);
    writeFileSync(f('truncated.fieldcode'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const garbled = Buffer.from(bytes);
    for (let i = 4096; i < garbled.length; i += 7) garbled[i] ^= 0x5a;
    writeFileSync(f('garbled.fieldcode'), garbled);
    const foreign = new Database(f('foreign.sqlite'));
    foreign.exec('CREATE TABLE project (id TEXT)');
    foreign.close();
    copyFileSync(good, f('newer.fieldcode'));
    const newer = new Database(f('newer.fieldcode'));
    newer.pragma('user_version = 70');
    newer.close();
    closeProject(track(newProject(f('other.fieldcode'), { codebook: 'empty' })));
    mkdirSync(f('folder.fieldcode'));
    symlinkSync(master.path, f('link.fieldcode'));

    const cases: [string, RegExp][] = [
      ['empty.fieldcode', /^empty\.fieldcode: the file is empty, not a Fieldcode project$/],
      ['notes.fieldcode', /^notes\.fieldcode: not a Fieldcode project \(not an SQLite database\)$/],
      ['binary.fieldcode', /^binary\.fieldcode: not a Fieldcode project \(not an SQLite database\)$/],
      ['truncated.fieldcode', /^truncated\.fieldcode: the project file is truncated/],
      ['garbled.fieldcode', /^garbled\.fieldcode: the project file is damaged/],
      ['foreign.sqlite', /^foreign\.sqlite: not a Fieldcode project \(an SQLite database of another program\)$/],
      [
        'newer.fieldcode',
        new RegExp(
          `^newer\\.fieldcode: made by a newer Fieldcode \\(file version 70, this version reads up to ${SCHEMA_VERSION}\\); update Fieldcode to merge it$`,
        ),
      ],
      ['other.fieldcode', /^other\.fieldcode: built on a different codebook \("empty"; the master uses "nssp"\)/],
      ['master.fieldcode', /^master\.fieldcode: this is the master project itself/],
      ['link.fieldcode', /^link\.fieldcode: this is the master project itself/],
      ['folder.fieldcode', /^folder\.fieldcode: is a folder, not a project file$/],
      ['missing.fieldcode', /^missing\.fieldcode: no such project file$/],
    ];
    const before = contentDump(master, true);
    const files = hashFolder(dir);
    for (const [name, message] of cases) {
      // A good file listed first changes nothing either: the batch is one transaction.
      const error = await merge(master, [good, f(name)]).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(InputError);
      expect((error as Error).message, name).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
    expect(contentDump(master, true)).toBe(before);
    expect(listBackups(master)).toEqual([]);
    expect(hashFolder(dir)).toEqual(files);
    await expect(merge(master, [])).rejects.toThrow(/at least one project file/);
    const readonly = track(openProject(master.path, { readonly: true }));
    await expect(merge(readonly, [good])).rejects.toThrow(/open read-only/);
  });

  it('reads a copy still open in Fieldcode (pending -wal journal) without writing it', async () => {
    const dir = tempDir();
    const master = await makeMaster(dir);
    mkdirSync(join(dir, 'usb'));
    const path = join(dir, 'usb', 'ben.fieldcode');
    coderCopy(master, path, 'Ben');
    const ben = openProject(path); // left open: its latest coding is only in the -wal file
    applyCode(ben, { ...span(ben, docId(ben, 'Focus group - Teachers'), 'We plan lessons'), codeId: resolveCodePath(ben, PLANNING).id });
    const usb = hashFolder(join(dir, 'usb'));
    expect(Object.keys(usb).sort()).toEqual(['ben.fieldcode', 'ben.fieldcode-shm', 'ben.fieldcode-wal']);
    const r = await merge(master, [path]);
    expect(r.totals.segments.new).toBe(1);
    expect(hashFolder(join(dir, 'usb'))).toEqual(usb);
    closeProject(ben);
    // The same file, now checkpointed, is different bytes: merged again, it changes nothing.
    const again = await merge(open(master.path), [path]);
    expect(again.changed).toBe(false);
  });
});

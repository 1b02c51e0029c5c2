import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { Zip, ZipDeflate, zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { newProject } from '../../electron/project/project';
import { closeProject, openProject } from '../../electron/store/db';
import { APPLICATION_ID } from '../../electron/store/files';
import { coderCopy } from '../../electron/team/coder-copy';
import { merge } from '../../electron/team/merge/merge';
import { renderSegments } from '../../electron/reports/reports';
import { cliInProcess } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const ROOT = join(import.meta.dirname, '..', '..');
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function project(dir: string, name = 'P.fieldcode'): string {
  const path = join(dir, name);
  closeProject(newProject(path, { codebook: 'nssp' }));
  return path;
}

/** A command in a fresh process, with its peak memory. */
function measured(...args: string[]): { code: number; maxRssMB: number; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join('tests', 'safety', 'rss-child.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000,
  });
  const last = r.stdout.trim().split('\n').at(-1) ?? '{}';
  return { ...(JSON.parse(last) as { code: number; maxRssMB: number }), stderr: r.stderr };
}

/** A docx whose document.xml inflates to `mb` megabytes, streamed so the test never holds it. */
function zipBomb(mb: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  const rels = new ZipDeflate('_rels/.rels');
  zip.add(rels);
  rels.push(strToU8('<Relationships/>'), true);
  const doc = new ZipDeflate('word/document.xml', { level: 9 });
  zip.add(doc);
  doc.push(strToU8(`<w:document xmlns:w="${W}"><w:body>`));
  const para = strToU8(`<w:p><w:r><w:t>${'all work and no play '.repeat(5000)}</w:t></w:r></w:p>`.repeat(10));
  for (let sent = 0; sent < mb * 1024 * 1024; sent += para.length) doc.push(para);
  doc.push(strToU8('</w:body></w:document>'), true);
  zip.end();
  return Buffer.concat(chunks);
}

describe('hostile files', () => {
  it('refuses a docx zip bomb from its declared sizes, under 200 MB of memory, the project unchanged', () => {
    const dir = tempDir();
    const P = project(dir);
    const bomb = join(dir, 'bomb.docx');
    writeFileSync(bomb, zipBomb(200));
    expect(readFileSync(bomb).length).toBeLessThan(5 * 1024 * 1024);
    const before = readFileSync(P);
    const r = measured('import', P, bomb);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bomb\.docx: not a valid Word document \(word\/document\.xml would unpack to more than 100 MB: a zip bomb\?\)/);
    expect(r.maxRssMB).toBeLessThan(200);
    expect(readFileSync(P).equals(before)).toBe(true);
  }, 240_000);

  it('refuses a 300 MB .txt by its size, without reading it', () => {
    const dir = tempDir();
    const P = project(dir);
    const big = join(dir, 'huge.txt');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 300 * 1024 * 1024); // sparse: costs no disk
    closeSync(fd);
    const r = measured('import', P, big);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/huge\.txt: the file is too large \(300 MB; the limit is 50 MB\)/);
    expect(r.maxRssMB).toBeLessThan(200);
  }, 240_000);

  it('refuses a .qdpx with more codes than any project holds, with the count', async () => {
    const dir = tempDir();
    const codes = Array.from(
      { length: 100_001 },
      (_, i) => `<Code guid="${String(i).padStart(8, '0')}-0000-4000-8000-000000000000" name="c" isCodable="true"/>`,
    ).join('');
    const qde = `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="big" origin="x"><CodeBook><Codes>${codes}</Codes></CodeBook></Project>`;
    const file = join(dir, 'big.qdpx');
    writeFileSync(file, zipSync({ 'project.qde': strToU8(qde) }));
    const r = await cliInProcess('import-qdpx', file, join(dir, 'big.fieldcode'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('fieldcode: big.qdpx: holds 100,001 codes; Fieldcode imports at most 100,000\n');
    expect(existsSync(join(dir, 'big.fieldcode'))).toBe(false);
  }, 240_000);

  it('refuses a project with a planted trigger or view, as a project and as a copy to merge', async () => {
    const dir = tempDir();
    const P = project(dir);
    const copy = project(dir, 'copy.fieldcode');
    const raw = new Database(copy);
    raw.exec("CREATE TRIGGER evil AFTER UPDATE ON codes BEGIN UPDATE project SET name = 'pwned'; END; CREATE VIEW peek AS SELECT * FROM codes;");
    raw.close();
    expect(() => openProject(copy)).toThrow(/^copy\.fieldcode: refused: the file holds trigger "evil", view "peek" that Fieldcode did not create/);
    const master = openProject(P);
    try {
      await expect(merge(master, [copy])).rejects.toThrow(/^copy\.fieldcode: refused: the file holds trigger "evil"/);
      expect(master.db.pragma('trusted_schema', { simple: true })).toBe(0);
    } finally {
      closeProject(master);
    }
  });

  it('refuses to merge a colour that is really CSS, and reports write only #rrggbb', async () => {
    const dir = tempDir();
    const P = project(dir);
    const master = openProject(P);
    try {
      coderCopy(master, join(dir, 'ben.fieldcode'), 'Ben');
      const raw = new Database(join(dir, 'ben.fieldcode'));
      raw.prepare('UPDATE codes SET colour = ? WHERE rowid = 1').run('red;background-image:url(http://evil.example/x)');
      raw.close();
      await expect(merge(master, [join(dir, 'ben.fieldcode')])).rejects.toThrow(
        /^ben\.fieldcode: refused: code "[^"]+" \([^)]+\) has colour "red;background-image:url\(http:\/\/evil\.example\/x\)", which Fieldcode does not accept/,
      );
      // Even a colour that reached the file some other way is never written into a report's style.
      master.db.prepare('UPDATE codes SET colour = ? WHERE rowid = 1').run('red;background-image:url(http://evil.example/x)');
      const html = new TextDecoder().decode((await renderSegments(master, {}, 'html')).data);
      expect(html).not.toContain('evil.example');
    } finally {
      closeProject(master);
    }
  });

  it('a file with our application id but no tables: one clear line, never migrated by a command', async () => {
    const dir = tempDir();
    const bare = join(dir, 'bare.fieldcode');
    const raw = new Database(bare);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.close();
    const before = readFileSync(bare);
    const r = await cliInProcess('autocode', bare, '--code', 'X', '--pattern', 'x');
    expect(r.stderr).toBe(
      'fieldcode: bare.fieldcode: an unfinished Fieldcode project (its creation was interrupted: it holds no work); delete it and create the project again\n',
    );
    expect(readFileSync(bare).equals(before)).toBe(true);
  });

  it('a leftover of a killed command is never taken for a project, and the next run clears it', async () => {
    const dir = tempDir();
    const P = project(dir);
    writeFileSync(join(dir, 'C.fieldcode.part'), readFileSync(P));
    const r = await cliInProcess('info', join(dir, 'C.fieldcode.part'));
    expect(r.stderr).toBe('fieldcode: C.fieldcode.part: a leftover of an interrupted Fieldcode command, not a project; it can be deleted\n');
    expect((await cliInProcess('coder-copy', P, join(dir, 'C.fieldcode'), '--coder', 'Ben')).code).toBe(0);
    expect(existsSync(join(dir, 'C.fieldcode.part'))).toBe(false);
  });

  it('read-only commands leave no -wal or -shm beside the project', async () => {
    const dir = tempDir();
    const P = project(dir);
    for (const args of [
      ['info', P],
      ['codes', P],
      ['export', P, '--format', 'csv', '-o', join(dir, 'out.csv')],
      ['backups', P],
    ]) {
      expect((await cliInProcess(...args)).code).toBe(0);
      expect([existsSync(`${P}-wal`), existsSync(`${P}-shm`)]).toEqual([false, false]);
    }
  });
});

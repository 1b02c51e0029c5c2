import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportProjectQdpx, importCodebookQdc, importProjectQdpx } from '../../electron/refi/refi';
import { InputError } from '../../shared/errors';
import { listCodes } from '../../electron/store/codes';
import { tempDir, tempProject } from '../helpers/temp';
import { buildStudy } from '../reports/fixture';
import { declareSize, filesIn, QDE_HEAD, zipOf } from './helpers';

// Hostile and broken files are refused with one line naming the file, and the
// import leaves nothing behind: no project file, no -wal/-shm, nothing written
// from the zip anywhere (the importer never writes zip entries to disk at all).

const SRC = '33333333-3333-4333-8333-333333333333';
const QDE = `${QDE_HEAD} name="x"><Sources><TextSource guid="${SRC}" name="a" plainTextPath="internal://${SRC}.txt"/></Sources></Project>`;
const enc = new TextEncoder();

/** Renames an entry by patching its name bytes (same length) in the local and central headers. */
function rename(zip: Uint8Array, from: string, to: string): Uint8Array {
  expect(to.length).toBe(from.length);
  const out = Buffer.from(zip);
  const a = Buffer.from(from, 'latin1');
  for (let at = out.indexOf(a); at >= 0; at = out.indexOf(a, at + 1)) out.write(to, at, 'latin1');
  return out;
}

async function refused(name: string, bytes: Uint8Array, reason: RegExp): Promise<void> {
  const dir = tempDir();
  const target = join(dir, 'new.fieldcode');
  const error = await importProjectQdpx({ name, bytes }, target).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  const message = (error as Error).message;
  expect(message.startsWith(`${name}: `)).toBe(true);
  expect(message).toMatch(reason);
  expect(message).not.toContain('\n');
  expect(filesIn(dir)).toEqual([]);
}

const valid = () => zipOf({ 'project.qde': QDE, [`sources/${SRC}.txt`]: 'Some text.' });

describe('hostile and broken QDPX files', () => {
  it('a zip entry with ../ (zip slip)', async () => {
    const slip = '../../../tmp/evil.txt';
    await refused(
      'slip.qdpx',
      rename(zipOf({ 'project.qde': QDE, [`sources/${SRC}.txt`]: 'x', [slip.replace(/[^/]/g, 'a')]: 'evil' }), slip.replace(/[^/]/g, 'a'), slip),
      /"\.\.\/" path/,
    );
    await refused(
      'slip2.qdpx',
      rename(zipOf({ 'project.qde': QDE, 'sources/aaaaaaaa.txt': 'evil' }), 'sources/aaaaaaaa.txt', 'sources/..\\..\\ev.txt'),
      /"\.\.\/" path/,
    );
  });

  it('a zip entry with an absolute path or a drive letter', async () => {
    await refused('abs.qdpx', rename(zipOf({ 'project.qde': QDE, aaaaaaaaaaaaa: 'evil' }), 'aaaaaaaaaaaaa', '/etc/evil.txt'), /absolute path/);
    await refused('drive.qdpx', rename(zipOf({ 'project.qde': QDE, aaaaaaaaaaaaa: 'evil' }), 'aaaaaaaaaaaaa', 'C:\\Windows\\xx'), /drive letter/);
  });

  it('XML with a DOCTYPE and external or expanding entities, bare or zipped, project or codebook', async () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>`;
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><Project name="&lol2;"/>`;
    await refused('xxe.qde', enc.encode(xxe), /project\.qde declares a DOCTYPE, which REFI-QDA files never need; refused for safety/);
    await refused('lol.qdpx', zipOf({ 'project.qde': laughs }), /declares a DOCTYPE/);
    await refused('entity.qdpx', zipOf({ 'project.qde': `<Project name="x"><!ENTITY a "b"></Project>` }), /declares an ENTITY/);
    const p = tempProject({ codebook: 'empty' });
    await expect(importCodebookQdc(p, { name: 'xxe.qdc', bytes: enc.encode(xxe.replace(/Project/g, 'CodeBook')) })).rejects.toThrow(
      /^xxe\.qdc: the codebook declares a DOCTYPE/,
    );
    expect(listCodes(p)).toEqual([]);
  });

  it('"<!DOCTYPE" inside a comment or CDATA is only text', async () => {
    const xml = `${QDE_HEAD} name="x"><!-- <!DOCTYPE x> --><Description><![CDATA[<!DOCTYPE html> & more]]></Description></Project>`;
    const { project } = await importProjectQdpx({ name: 'ok.qde', bytes: enc.encode(xml) }, join(tempDir(), 'ok.fieldcode'));
    project.db.close();
  });

  it('a source the project names but the zip lacks', async () => {
    await refused('missing.qdpx', zipOf({ 'project.qde': QDE }), new RegExp(`the text of source "a" \\(internal://${SRC}\\.txt\\) is missing from the file`));
  });

  it('a truncated zip, non-zip bytes, an empty file, a zip without project.qde', async () => {
    const whole = exportProjectQdpx((await buildStudy()).p).data;
    await refused('cut.qdpx', whole.subarray(0, Math.floor(whole.length / 2)), /damaged or truncated/);
    await refused('cut-end.qdpx', whole.subarray(0, whole.length - 30), /damaged or truncated/);
    await refused(
      'photo.qdpx',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array(200).fill(7)]),
      /not a QDPX file \(it is not a zip archive\)/,
    );
    await refused('empty.qdpx', new Uint8Array(0), /the file is empty/);
    await refused('docs.qdpx', zipOf({ 'word/document.xml': '<w/>' }), /no project\.qde inside/);
  });

  it('malformed XML and XML that is not a project', async () => {
    await refused('bad.qde', enc.encode('<Project name="x"><Users></Project>'), /not well-formed XML \(line 1: /);
    await refused('page.qde', enc.encode('<html><body/></html>'), /not a REFI-QDA project \(project\.qde starts with <html>/);
    await refused('deep.qde', enc.encode(`<Project name="x">${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</Project>`), /nested too deeply/);
    await refused('binary.qde', Uint8Array.from([0x3c, 0xff, 0xfe, 0xfd, 0x80, 0x81]), /not UTF-8 text/);
  });

  it('an entry declaring a huge size, and one that unpacks to more than it declares', async () => {
    await refused(
      'huge.qdpx',
      declareSize(valid(), `sources/${SRC}.txt`, 0x7fffffff),
      /refused: "sources\/.*\.txt" would unpack to 2048 MB \(the limit is 256 MB\)/,
    );
    const bomb = declareSize(zipOf({ 'project.qde': QDE, [`sources/${SRC}.txt`]: new Uint8Array(8 * 1024 * 1024) }), `sources/${SRC}.txt`, 100);
    await refused('bomb.qdpx', bomb, /unpacks to more than its header says/);
  });

  it('never overwrites: an existing target is refused and left as it was', async () => {
    const dir = tempDir();
    const target = join(dir, 'mine.fieldcode');
    writeFileSync(target, 'precious');
    await expect(importProjectQdpx({ name: 'x.qdpx', bytes: valid() }, target)).rejects.toThrow(/^mine\.fieldcode: a file with this name already exists/);
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(filesIn(dir)).toEqual(['mine.fieldcode']);
  });

  it('a missing input file, a folder, and a target folder that does not exist', async () => {
    const dir = tempDir();
    await expect(importProjectQdpx({ path: join(dir, 'nope.qdpx') }, join(dir, 'a.fieldcode'))).rejects.toThrow(/^nope\.qdpx: no such file$/);
    mkdirSync(join(dir, 'folder.qdpx'));
    await expect(importProjectQdpx({ path: join(dir, 'folder.qdpx') }, join(dir, 'b.fieldcode'))).rejects.toThrow(/^folder\.qdpx: is a folder/);
    await expect(importProjectQdpx({ name: 'x.qdpx', bytes: valid() }, join(dir, 'no', 'c.fieldcode'))).rejects.toThrow(
      /^c\.fieldcode: the folder .* does not exist$/,
    );
    expect(filesIn(dir)).toEqual(['folder.qdpx']);
  });

  it('a failure while writing the new project removes the half-made file', async () => {
    const dir = tempDir();
    let calls = 0;
    // The project id is the first id; the next (the coder a file without users needs) fails.
    const newId = () => {
      if (++calls > 1) throw new Error('disk full');
      return '00000000-0000-4000-8000-000000000001';
    };
    await expect(importProjectQdpx({ name: 'x.qdpx', bytes: valid() }, join(dir, 'half.fieldcode'), { newId })).rejects.toThrow(
      /^x\.qdpx: cannot be imported \(disk full\)$/,
    );
    expect(filesIn(dir)).toEqual([]);
  });
});

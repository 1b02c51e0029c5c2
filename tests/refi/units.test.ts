import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { companionGuid, deriveGuid, readGuid } from '../../electron/formats/refi/guid';
import { dialectFor, fromPositions, STANDARD, toCodePoints } from '../../electron/formats/refi/positions';
import { decodeEntities } from '../../electron/formats/refi/xml-read';
import { escapeAttr, escapeText } from '../../electron/formats/refi/xml-write';
import { openQdpx } from '../../electron/formats/refi/qdpx';
import { unsafeEntryName, writeZip, ZipReader } from '../../electron/formats/refi/zip';
import { InputError } from '../../shared/errors';
import { declareSize, zipOf } from './helpers';

// The pure parts on their own: position conversion both ways (property-based over
// text with emoji, combining marks, RTL and line endings), zip limits, escaping.

const pieces = ['a', 'é', 'e\u0301', '🌍', '👩🏽‍🏫', 'ہم', '\n', '\r\n', '\r', ' ', 'x̄'];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join(''));

/** Offsets at character boundaries of LF-only text (Fieldcode never splits a surrogate pair). */
function boundaries(t: string): number[] {
  const out = [0];
  for (let i = 0; i < t.length;) {
    i += t.codePointAt(i)! > 0xffff ? 2 : 1;
    out.push(i);
  }
  return out;
}

describe('positions', () => {
  it('code points out and back in give the same UTF-16 offsets', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const t = raw.replace(/\r\n?/g, '\n');
        const offsets = boundaries(t);
        const points = toCodePoints(t, offsets);
        expect(Array.from(points)).toEqual(offsets.map((o) => [...t.slice(0, o)].length));
        expect(Array.from(fromPositions(t, points, STANDARD).offsets)).toEqual(offsets);
      }),
    );
  });

  it('each dialect maps its own counting of a CRLF text onto the LF text', () => {
    const dialects = {
      'NVivo 12': (s: string) => s.length,
      'ATLAS.ti 9': (s: string) => [...s.replace(/\r\n/g, '\n')].length,
      MAXQDA: (s: string) => [...s].length,
    };
    fc.assert(
      fc.property(text, fc.constantFrom(...(Object.keys(dialects) as (keyof typeof dialects)[])), (raw, origin) => {
        const lf = raw.replace(/\r\n?/g, '\n');
        // Character boundaries of the raw text that are not inside a CRLF.
        const cuts: number[] = [0];
        for (let i = 0; i < raw.length;) {
          i += raw.startsWith('\r\n', i) ? 2 : raw.codePointAt(i)! > 0xffff ? 2 : 1;
          cuts.push(i);
        }
        const m = fromPositions(
          raw,
          cuts.map((c) => dialects[origin](raw.slice(0, c))),
          dialectFor(origin),
        );
        expect(m.text).toBe(lf);
        expect(Array.from(m.offsets)).toEqual(cuts.map((c) => raw.slice(0, c).replace(/\r\n?/g, '\n').length));
      }),
    );
  });

  it('marks positions beyond the text, negative or not whole numbers as -1', () => {
    expect(Array.from(fromPositions('ab🌍', [0, 3, 4, -1, NaN, 1.5], STANDARD).offsets)).toEqual([0, 4, -1, -1, -1, -1]);
    expect(Array.from(fromPositions('abc', [3, 4], STANDARD).offsets)).toEqual([3, -1]);
  });
});

describe('zip reading limits', () => {
  const zeros = (n: number) => new Uint8Array(n);

  it('stops an entry that unpacks to more than declared, or past the limit, while inflating', () => {
    const MiB = 1024 * 1024;
    const lying = declareSize(zipOf({ 'big.txt': zeros(3 * MiB) }), 'big.txt', MiB);
    const r = new ZipReader('bomb.qdpx', lying, { entryBytes: 4 * MiB, totalBytes: 4 * MiB, entries: 10 });
    expect(() => r.read(r.find('big.txt')!)).toThrow(/^bomb\.qdpx: refused: "big\.txt" unpacks to more than its header says/);
    const two = declareSize(zipOf({ 'a.txt': zeros(2 * MiB), 'b.txt': zeros(3 * MiB) }), 'b.txt', 2 * MiB);
    const t = new ZipReader('bomb.qdpx', two, { entryBytes: 4 * MiB, totalBytes: 4 * MiB, entries: 10 });
    expect(t.read(t.find('a.txt')!).byteLength).toBe(2 * MiB);
    expect(() => t.read(t.find('b.txt')!)).toThrow(/unpacks to more than 2 MB \(a zip bomb\?\)/);
  });

  it('refuses by declared sizes, by the total unpacked and by the number of entries', () => {
    const z = zipOf({ 'a.txt': zeros(600_000), 'b.txt': zeros(600_000) });
    expect(() => new ZipReader('z.qdpx', z, { entryBytes: 500_000, totalBytes: 10_000_000, entries: 10 })).toThrow(
      /^z\.qdpx: refused: "a\.txt" would unpack to 1 MB/,
    );
    expect(() => new ZipReader('z.qdpx', z, { entryBytes: 1_000_000, totalBytes: 1_000_000, entries: 10 })).toThrow(/its files would unpack to 2 MB/);
    expect(() => new ZipReader('z.qdpx', z, { entryBytes: 1_000_000, totalBytes: 10_000_000, entries: 1 })).toThrow(/holds 2 files/);
  });

  it('finds entries ignoring case and reads what fflate and our writer wrote', () => {
    const r = new ZipReader('ok.qdpx', writeZip({ 'Sources/ABC.TXT': new TextEncoder().encode('hé 🌍'), 'project.qde': deflateSync(zeros(10)) }));
    expect(new TextDecoder().decode(r.read(r.find('sources/abc.txt')!))).toBe('hé 🌍');
    expect(r.find('sources/other.txt')).toBeUndefined();
  });

  it('names unsafe entry names', () => {
    expect(unsafeEntryName('sources/a.txt')).toBeNull();
    expect(unsafeEntryName('a..b.txt')).toBeNull();
    expect(unsafeEntryName('sources/../../x')).toMatch(/climbs/);
    expect(unsafeEntryName('/x')).toMatch(/absolute/);
    expect(unsafeEntryName('c:/x')).toMatch(/drive/);
    expect(unsafeEntryName('a\0b')).toMatch(/NUL/);
  });

  it('caps a bare project.qde like an unpacked entry', () => {
    const qde = new TextEncoder().encode(`<Project name="x">${' '.repeat(2000)}</Project>`);
    expect(() => openQdpx('big.qde', qde, { entryBytes: 1000, totalBytes: 1000, entries: 1 })).toThrow(
      /^big\.qde: refused: the XML is 1 MB \(the limit is 1 MB\)$/,
    );
    expect(openQdpx('ok.qde', qde).project.name).toBe('x');
  });

  it('is an InputError naming the file', () => {
    expect(() => new ZipReader('junk.qdpx', new Uint8Array(10))).toThrow(InputError);
  });
});

describe('XML text and GUIDs', () => {
  it('escapes what XML needs and decodes it back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        // eslint-disable-next-line no-control-regex -- the characters XML cannot hold
        const clean = s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');
        expect(decodeEntities(escapeAttr(s))).toBe(clean);
        expect(decodeEntities(escapeText(s))).toBe(clean);
      }),
    );
    expect(decodeEntities('&#x1F30D; &#127757; &amp;lt; &unknown; &#0;')).toBe('🌍 🌍 &lt; &unknown; \uFFFD');
  });

  it('reads GUIDs in one spelling and derives stable, distinct ones', () => {
    expect(readGuid(' {ABCDEF01-2345-4789-8ABC-DEF012345678} ')).toBe('abcdef01-2345-4789-8abc-def012345678');
    expect(deriveGuid('a', 'b')).toBe(deriveGuid('a', 'b'));
    expect(deriveGuid('a', 'b')).not.toBe(deriveGuid('ab'));
    expect(deriveGuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const id = '00000000-0000-4000-8000-000000000001';
    expect(companionGuid(id)).toBe('c0d1c0d1-0000-4000-8000-000000000001');
    expect(companionGuid(companionGuid(id))).toBe(id);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../electron/documents/import';
import { searchText } from '../../electron/documents/search';
import { tempProject } from '../helpers/temp';

// Search folds case and accents and finds a term from a word's beginning. ASCII
// documents take a one-pass path and mixed ones fold each character once; both
// must find exactly what folding every character on its own finds, at the same
// offsets of the original text — and the index must never hide a document that
// holds a hit (another document holding the term as a whole word included).

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The reference: fold each UTF-16 unit alone, search the folded text, map back. */
function reference(text: string, term: string): [number, number][] {
  const chars: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++)
    for (const ch of fold(text[i]!)) {
      chars.push(ch);
      origin.push(i);
    }
  const hay = chars.join('');
  const needle = fold(term);
  const out: [number, number, number][] = [];
  const word = /[\p{L}\p{N}]/u;
  for (let at = hay.indexOf(needle); needle && at >= 0; at = hay.indexOf(needle, at + 1)) {
    if (word.test(needle[0]!) && at > 0 && word.test(hay[at - 1]!)) continue;
    if (out.length && at < out[out.length - 1]![2]) continue;
    out.push([origin[at]!, origin[at + needle.length - 1]! + 1, at + needle.length]);
  }
  return out.map(([s, e]) => [s, e] as [number, number]);
}

const pieces = ['a', 'B', 'c', ' ', 'é', 'É', 'ß', 'İ', 'ﬁ', 'ö', 'n\u0303', 'Ω', '😊', 'ہ', '.', 'AB', 'ab'];

describe('search folding', () => {
  it('finds what per-character folding finds, in ASCII and mixed texts alike', async () => {
    const p = tempProject({ codebook: 'empty' });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 40 }),
        fc.array(fc.constantFrom('a', 'b', 'e', 'ab', 'ó'), { minLength: 1, maxLength: 2 }),
        async (parts, termParts) => {
          const text = parts.join('');
          const term = termParts.join('');
          const name = `doc ${n++}.txt`;
          const r = await importFiles(p, [{ name, bytes: new TextEncoder().encode(`Speaker: ${text}\n`) }]);
          if (!r.imported[0]) return; // the same text drawn twice: already checked
          const doc = p.db.prepare('SELECT id, text FROM documents WHERE id = ?').get(r.imported[0].documentId) as { id: string; text: string };
          const got = searchText(p, term, { documentIds: [doc.id], limit: 100000 })
            .filter((h) => h.documentId === doc.id)
            .map((h) => [h.start, h.end]);
          expect(got).toEqual(reference(doc.text, term));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("finds a word's beginning in every document, whether or not another holds the word alone", async () => {
    const p = tempProject({ codebook: 'empty' });
    await importFiles(p, [
      { name: 'a.txt', bytes: new TextEncoder().encode('Head: We teach.\n') },
      { name: 'b.txt', bytes: new TextEncoder().encode('Head: Our teachers plan; the explanation was clear.\n') },
    ]);
    expect(
      searchText(p, 'teach')
        .map((h) => `${h.document}: ${h.match}`)
        .sort(),
    ).toEqual(['a: teach', 'b: teach']);
    expect(searchText(p, 'plan').map((h) => h.match)).toEqual(['plan']);
  });

  it('an ASCII document is found by its accented spelling and the other way round', async () => {
    const p = tempProject();
    await importFiles(p, [
      { name: 'plain.txt', bytes: new TextEncoder().encode('Head: The Cafe opened.\n') },
      { name: 'accented.txt', bytes: new TextEncoder().encode('Head: The CAFÉ opened.\n') },
    ]);
    const hits = searchText(p, 'café').map((h) => `${h.document}: ${h.match}`);
    expect(hits.sort()).toEqual(['accented: CAFÉ', 'plain: Cafe']);
  });
});

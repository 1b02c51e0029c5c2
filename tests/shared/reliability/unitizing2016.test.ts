import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDocument, codingAlpha, emptyCoincidences, unitizedAlpha, type CodedSpan } from '../../../shared/reliability/unitizing2016';
import { naiveCoincidences } from './naive';

/** The margins the coefficients use, read off the naive matrix: l_c·, Σ_{k≠gap} l_ck, l_cc. */
function naiveMargins(pairs: Map<string, number>): Map<string, { total: number; coded: number; same: number }> {
  const out = new Map<string, { total: number; coded: number; same: number }>();
  for (const [key, v] of pairs) {
    const [c, k] = key.split('|');
    const m = out.get(c) ?? { total: 0, coded: 0, same: 0 };
    m.total += v;
    if (c !== '' && k !== '') m.coded += v;
    if (c === k) m.same += v;
    out.set(c, m);
  }
  return out;
}

// Krippendorff, Mathet, Bouvry & Widlöcher (2016): coincidences of intersecting
// sections, divided by m − 1; checked against a character-by-character count.

const span = (length: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 1, max: length }), fc.integer({ min: 0, max: 2 }))
    .map(([s, l, label]): CodedSpan => ({ start: s, end: Math.min(length, s + l), label }));
const study = fc
  .integer({ min: 4, max: 60 })
  .chain((length) => fc.tuple(fc.constant(length), fc.array(fc.array(span(length), { maxLength: 5 }), { minLength: 2, maxLength: 4 })));

describe('2016 unitizing coincidences', () => {
  it('margins equal those of a naive character-by-character count, overlapping codes and more than two coders included', () => {
    fc.assert(
      fc.property(study, ([length, coders]) => {
        const c = emptyCoincidences();
        addDocument(c, length, coders);
        const naive = naiveMargins(naiveCoincidences(length, coders));
        expect([...c.values.keys()].sort()).toEqual([...naive.keys()].sort());
        for (const [k, v] of naive) {
          const got = c.values.get(k)!;
          expect(got.total).toBeCloseTo(v.total, 9);
          expect(got.coded).toBeCloseTo(v.coded, 9);
          expect(got.same).toBeCloseTo(v.same, 9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('total m·L, as the m − 1 correction makes every coder count once per character', () => {
    fc.assert(
      fc.property(study, ([length, coders]) => {
        const c = emptyCoincidences();
        addDocument(c, length, coders);
        const total = [...c.values.values()].reduce((s, x) => s + x.total, 0);
        expect(total).toBeCloseTo(coders.length * length, 9);
      }),
    );
  });

  it('identical coders give 1 for uα, |uα and cuα where defined; swapping coders changes nothing', () => {
    fc.assert(
      fc.property(study, ([length, coders]) => {
        const same = emptyCoincidences();
        addDocument(same, length, [coders[0], coders[0]]);
        for (const v of [unitizedAlpha(same), codingAlpha(same)]) if (v !== null) expect(v).toBeCloseTo(1, 9);
        const ab = emptyCoincidences();
        const ba = emptyCoincidences();
        addDocument(ab, length, coders);
        addDocument(ba, length, [...coders].reverse());
        for (const f of [unitizedAlpha, codingAlpha]) {
          const x = f(ab);
          if (x === null) expect(f(ba)).toBeNull();
          else expect(f(ba)).toBeCloseTo(x, 9);
        }
      }),
    );
  });
});

describe('cuα: intersections of coded sections are indivisible', () => {
  it('one stretch both coders coded, with different codes, is one unit in disagreement: cuα = 0 (per-character alpha would say −0.9)', () => {
    const c = emptyCoincidences();
    addDocument(c, 30, [[{ start: 0, end: 10, label: 1 }], [{ start: 0, end: 10, label: 2 }]]);
    // l_12 = l_21 = 10; I_1 = I_2 = 10² → e_11 = e_22 = (100 − 100) / (20 − 200/20) = 0
    expect(c.values.get('1')!.intersections).toBe(100);
    expect(codingAlpha(c)).toBe(0);
  });

  it('counts only the part of a section the other coder coded too', () => {
    const c = emptyCoincidences();
    addDocument(c, 30, [[{ start: 0, end: 20, label: 1 }], [{ start: 5, end: 10, label: 1 }]]);
    // coder 1's 20 characters meet 5 coded by coder 2, and coder 2's 5 meet 5: I_1 = 5² + 5²
    expect(c.values.get('1')!.intersections).toBe(50);
    expect(c.values.get('1')!.coded).toBe(10);
  });

  it('is undefined where every coded stretch carries the same code (no variation to agree on), however the stretches differ', () => {
    const c = emptyCoincidences();
    addDocument(c, 60, [[{ start: 2, end: 22, label: 2 }], [], [{ start: 0, end: 22, label: 2 }]]);
    expect(codingAlpha(c)).toBeNull();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pooledUnitizingAlpha, sectionDistance, unitizingAlpha, unitizingDisagreement, unitizingPart, type Units } from '../../../shared/reliability/unitizing';
import { naiveUnitizing } from './naive';

// Krippendorff (2004), "Measuring the reliability of qualitative text analysis data",
// Quality & Quantity 38, appendix (also Content Analysis, 2nd ed., p. 254): two coders
// i and j on a continuum from 150 to 450 (300 characters), categories c and k.
const B = 150;
const at = (units: [number, number][]): Units => units.map(([b, l]) => [b - B, b - B + l] as const);
const EXAMPLE = {
  c: {
    i: at([
      [225, 70],
      [370, 30],
    ]),
    j: at([
      [220, 80],
      [355, 20],
      [400, 20],
    ]),
  },
  k: {
    i: at([
      [180, 60],
      [300, 50],
    ]),
    j: at([
      [180, 60],
      [300, 50],
    ]),
  },
};

describe("Krippendorff's (2004) unitizing alpha against the worked example", () => {
  it('gives the appendix distances between sections', () => {
    expect(sectionDistance(225, 70, true, 220, 80, true)).toBe(50);
    expect(sectionDistance(370, 30, true, 355, 20, true)).toBe(850);
    // j's unit 400–420 lies inside i's gap 400–450
    expect(sectionDistance(400, 50, false, 400, 20, true)).toBe(400);
  });

  it('reproduces cuDo, cuDe and cuα of category c, kuα of category k and αU of both', () => {
    const c = [unitizingPart(300, [EXAMPLE.c.i, EXAMPLE.c.j])];
    const k = [unitizingPart(300, [EXAMPLE.k.i, EXAMPLE.k.j])];
    const dc = unitizingDisagreement(c)!;
    expect(dc.observed).toBeCloseTo(0.0144, 4);
    expect(dc.expected).toBeCloseTo(0.0532, 4);
    expect(unitizingAlpha(c)).toBeCloseTo(0.729, 3);
    expect(unitizingDisagreement(k)!.observed).toBe(0);
    expect(unitizingDisagreement(k)!.expected).toBeCloseTo(0.049, 3);
    expect(unitizingAlpha(k)).toBe(1);
    expect(pooledUnitizingAlpha([c, k])).toBeCloseTo(0.859, 3);
  });

  it('is undefined where no coder identified a unit', () => {
    expect(unitizingAlpha([unitizingPart(100, [[], []])])).toBeNull();
    expect(unitizingAlpha([])).toBeNull();
  });
});

/** Random non-overlapping units on [0, length). */
const unitsOn = (length: number) =>
  fc.array(fc.tuple(fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 1, max: Math.max(1, length >> 2) })), { maxLength: 6 }).map((raw) => {
    const out: [number, number][] = [];
    let at = 0;
    for (const [gap, len] of raw.sort((a, b) => a[0] - b[0])) {
      const s = Math.max(at, gap);
      const e = Math.min(length, s + len);
      if (e > s) out.push([s, e]);
      at = e + 1;
      if (at >= length) break;
    }
    return out as Units;
  });

const documents = fc.array(
  fc.integer({ min: 5, max: 80 }).chain((length) => fc.tuple(fc.constant(length), fc.array(unitsOn(length), { minLength: 2, maxLength: 4 }))),
  { minLength: 1, maxLength: 3 },
);

describe('the sweep agrees with a deliberately naive implementation', () => {
  it('on random continua, two to four coders, several documents', () => {
    fc.assert(
      fc.property(documents, (docs) => {
        const equalCoders = docs
          .map(([length, coders]) => [length, coders.slice(0, docs[0][1].length)] as const)
          .filter(([, c]) => c.length === docs[0][1].length);
        const parts = equalCoders.map(([length, coders]) => unitizingPart(length, coders));
        const fast = unitizingDisagreement(parts)!;
        const slow = naiveUnitizing(equalCoders.map(([length, coders]) => ({ length, coders })));
        expect(fast.observed).toBeCloseTo(slow.observed, 10);
        expect(fast.expected).toBeCloseTo(slow.expected, 10);
      }),
      { numRuns: 300 },
    );
  });

  it('identical coders give 1 wherever αU is defined; swapping coders changes nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 120 }).chain((l) => fc.tuple(fc.constant(l), unitsOn(l), unitsOn(l))),
        ([length, a, b]) => {
          const same = unitizingAlpha([unitizingPart(length, [a, a])]);
          if (same !== null) expect(same).toBeCloseTo(1, 12);
          const ab = unitizingAlpha([unitizingPart(length, [a, b])]);
          const ba = unitizingAlpha([unitizingPart(length, [b, a])]);
          if (ab === null) expect(ba).toBeNull();
          else expect(ba).toBeCloseTo(ab, 12);
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapInterval, resampleCounts, seededRandom } from '../../../shared/reliability/bootstrap';
import { formatCoefficient, formatInterval, formatShare } from '../../../shared/reliability/format';

// Documents as (observed disagreement, size); alpha from a fixed expected disagreement.
const documents = fc.array(fc.tuple(fc.double({ min: 0, max: 50, noNaN: true }), fc.integer({ min: 1, max: 500 })), { minLength: 8, maxLength: 40 });

function alphaOf(docs: [number, number][], expected: number): number {
  const d = docs.reduce((s, x) => s + x[0], 0);
  const w = docs.reduce((s, x) => s + x[1], 0);
  return 1 - d / w / expected;
}

describe("Krippendorff's bootstrap over documents", () => {
  it('the same seed gives the same interval, another seed another draw', () => {
    expect([...resampleCounts(30, 50, 7)]).toEqual([...resampleCounts(30, 50, 7)]);
    expect([...resampleCounts(30, 50, 7)]).not.toEqual([...resampleCounts(30, 50, 8)]);
    const random = seededRandom(42);
    expect(random()).toBe(seededRandom(42)());
  });

  it('each draw takes as many documents as there are', () => {
    const counts = resampleCounts(12, 20, 3);
    for (let r = 0; r < 20; r++) expect(counts.subarray(r * 12, r * 12 + 12).reduce((s, x) => s + x, 0)).toBe(12);
  });

  it('the 95 % interval contains the point estimate; the probabilities below the thresholds are ordered', () => {
    fc.assert(
      fc.property(documents, fc.integer({ min: 0, max: 1000 }), (docs, seed) => {
        const alpha = alphaOf(docs, 0.5);
        const counts = resampleCounts(docs.length, 1000, seed);
        const r = bootstrapInterval(
          alpha,
          docs.map((x) => x[0]),
          docs.map((x) => x[1]),
          counts,
          1000,
        )!;
        expect(r.ci[0]).toBeLessThanOrEqual(alpha + 1e-12);
        expect(r.ci[1]).toBeGreaterThanOrEqual(alpha - 1e-12);
        expect(r.pBelow['0.667']).toBeLessThanOrEqual(r.pBelow['0.8']);
        const again = bootstrapInterval(
          alpha,
          docs.map((x) => x[0]),
          docs.map((x) => x[1]),
          resampleCounts(docs.length, 1000, seed),
          1000,
        )!;
        expect(again).toEqual(r);
      }),
      { numRuns: 60 },
    );
  });

  it('is undefined where alpha is', () => {
    expect(bootstrapInterval(null, [1], [1], resampleCounts(1, 10, 1), 10)).toBeNull();
  });
});

describe('one formatting of agreement values', () => {
  it('three decimals, "—" for undefined, never "-0.000"', () => {
    expect(formatCoefficient(0.74321)).toBe('0.743');
    expect(formatCoefficient(-0.0001)).toBe('0.000');
    expect(formatCoefficient(null)).toBe('—');
    expect(formatCoefficient(Number.NaN)).toBe('—');
    expect(formatShare(0.5)).toBe('50.0%');
    expect(formatInterval([0.61, 0.8])).toBe('[0.610, 0.800]');
    expect(formatInterval(null)).toBe('—');
  });
});

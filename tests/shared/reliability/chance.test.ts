import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPair, cohenKappa, emptyTally, krippendorffAlpha, percentAgreement, tallyAlpha, tallyKappa } from '../../../shared/agreement';
import { brennanPrediger, gwetAC1, tallyAC1, tallyBP } from '../../../shared/reliability/chance';

/** Two coders' values from a table of (a, b, count) rows. */
function fromCounts(rows: [number, number, number][]): [number[], number[]] {
  const a: number[] = [];
  const b: number[] = [];
  for (const [x, y, n] of rows) {
    for (let i = 0; i < n; i++) {
      a.push(x);
      b.push(y);
    }
  }
  return [a, b];
}

// Cohen (1960), Educational and Psychological Measurement 20, p. 45: 200 units, three categories.
const COHEN_1960 = fromCounts([
  [1, 1, 88],
  [1, 2, 14],
  [1, 3, 18],
  [2, 1, 10],
  [2, 2, 40],
  [2, 3, 10],
  [3, 1, 2],
  [3, 2, 6],
  [3, 3, 12],
]);
// Brennan & Prediger (1981), Educational and Psychological Measurement 41, p. 689: proportions × 100.
const BRENNAN_PREDIGER_1981 = fromCounts([
  [1, 1, 50],
  [2, 1, 10],
  [2, 2, 10],
  [2, 3, 10],
  [3, 1, 20],
]);

describe('published examples', () => {
  it("Cohen's kappa: Cohen (1960) p. 45 gives κ = .492", () => {
    const [a, b] = COHEN_1960.map((x) => x.map(String));
    expect(cohenKappa(a, b)).toBeCloseTo(0.492, 3);
  });

  it('Brennan–Prediger (1981) example 1: po = .60, κ = .27, and their coefficient (1/Q chance) = .40', () => {
    const [a, b] = BRENNAN_PREDIGER_1981.map((x) => x.map(String));
    expect(percentAgreement(a, b)).toBeCloseTo(0.6, 3);
    expect(cohenKappa(a, b)).toBeCloseTo(0.273, 3);
    expect(brennanPrediger(BRENNAN_PREDIGER_1981)).toBeCloseTo(0.4, 3);
  });

  // Gwet (2008), BJMSP 61, eq. (6)–(7) on Cohen's (1960) published data: pa = .70,
  // pe = Σπ(1 − π)/(Q − 1) = .2925, AC1 = .576 — the figure DKPro Statistics'
  // independent implementation (Gwet2008Test) reports for the same table.
  it("Gwet's AC1 on Cohen's (1960) data: .576", () => {
    expect(gwetAC1(COHEN_1960)).toBeCloseTo(0.576, 3);
  });

  // Gwet's worked example for raw ratings with missing data: the dataset cac.raw4raters
  // of his R package irrCAC (12 subjects, 4 raters, categories 1–5, no rater rating every
  // subject), as printed in the package's README and vignette (Gwet, irrCAC 1.0, CRAN
  // 2019; github.com/kgwet/irrCAC): gwet.ac1.raw gives pa = 0.8181818, pe = 0.1903212,
  // AC1 = 0.77544; bp.coeff.raw gives pe = 0.2, BP = 0.77273; krippen.alpha.raw 0.74342.
  // Subject 12 is rated once: it counts in π (pe) but not in pa.
  it("Gwet's AC1 and Brennan–Prediger on irrCAC's cac.raw4raters: .775 and .773 (printed 0.77544, 0.77273)", () => {
    const N = null;
    const subjects = [
      [1, 1, N, 1],
      [2, 2, 3, 2],
      [3, 3, 3, 3],
      [3, 3, 3, 3],
      [2, 2, 2, 2],
      [1, 2, 3, 4],
      [4, 4, 4, 4],
      [1, 1, 2, 1],
      [2, 2, 2, 2],
      [N, 5, 5, 5],
      [N, N, 1, 1],
      [N, N, 3, N],
    ];
    const raters = [0, 1, 2, 3].map((r) => subjects.map((s) => s[r]));
    // pe = (pa − AC1)/(1 − AC1) recovers the printed chance agreement 0.1903212
    const ac1 = gwetAC1(raters)!;
    expect(ac1).toBeCloseTo(0.77544, 5);
    expect((0.8181818 - ac1) / (1 - ac1)).toBeCloseTo(0.1903212, 5);
    expect(brennanPrediger(raters)).toBeCloseTo(0.77273, 5);
    expect(krippendorffAlpha(raters, 'nominal')).toBeCloseTo(0.74342, 5);
  });
});

const binaryTable = fc.record({ both: fc.nat(50), onlyA: fc.nat(50), onlyB: fc.nat(50), neither: fc.nat(50) });

function arrays(t: { both: number; onlyA: number; onlyB: number; neither: number }): [number[], number[]] {
  return fromCounts([
    [1, 1, t.both],
    [1, 0, t.onlyA],
    [0, 1, t.onlyB],
    [0, 0, t.neither],
  ]);
}

describe('the binary tallies equal the array formulas', () => {
  it('AC1 and Brennan–Prediger with two categories', () => {
    fc.assert(
      fc.property(binaryTable, (table) => {
        const t = emptyTally(true);
        addPair(t, table);
        const data = arrays(table);
        const ac1 = gwetAC1(data, 2);
        const bp = brennanPrediger(data, 2);
        if (ac1 === null) expect(tallyAC1(t)).toBeNull();
        else expect(tallyAC1(t)).toBeCloseTo(ac1, 10);
        if (bp === null) expect(tallyBP(t)).toBeNull();
        else expect(tallyBP(t)).toBeCloseTo(bp, 10);
      }),
    );
  });
});

describe('properties', () => {
  it('identical coders give 1 for every coefficient where it is defined', () => {
    fc.assert(
      fc.property(binaryTable, ({ both, neither }) => {
        const t = emptyTally(true);
        addPair(t, { both, onlyA: 0, onlyB: 0, neither });
        for (const v of [tallyAlpha(t), tallyKappa(t), tallyAC1(t), tallyBP(t)]) if (v !== null) expect(v).toBeCloseTo(1, 12);
      }),
    );
  });

  it('swapping the coders changes nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 40 }), (pairs) => {
        const a = pairs.map((p) => p[0]);
        const b = pairs.map((p) => p[1]);
        for (const f of [gwetAC1, brennanPrediger]) {
          const x = f([a, b]);
          if (x === null) expect(f([b, a])).toBeNull();
          else expect(f([b, a])).toBeCloseTo(x, 12);
        }
        const k = cohenKappa(a.map(String), b.map(String));
        if (k !== null) expect(cohenKappa(b.map(String), a.map(String))).toBeCloseTo(k, 12);
        const al = krippendorffAlpha([a, b], 'nominal');
        if (al !== null) expect(krippendorffAlpha([b, a], 'nominal')).toBeCloseTo(al, 12);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addPair,
  addTally,
  addUnits,
  cohenKappa,
  emptyTally,
  kappaFromTable,
  krippendorffAlpha,
  percentAgreement,
  tallyAlpha,
  tallyKappa,
  tallyPercentAgreement,
  tallyUnits,
} from '../../shared/agreement';

const _ = null;

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
// four observers, twelve units, values 1–5, missing data.
const KRIPPENDORFF_C = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

// Section A: two observers, ten units, binary data, no missing values: α = 0.095.
const KRIPPENDORFF_A = [
  [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
  [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
];

/** Two coders' yes/no judgements from a 2×2 table, as arrays. */
function fromTable(yy: number, yn: number, ny: number, nn: number): [string[], string[]] {
  const a = [...Array(yy + yn).fill('yes'), ...Array(ny + nn).fill('no')];
  const b = [...Array(yy).fill('yes'), ...Array(yn).fill('no'), ...Array(ny).fill('yes'), ...Array(nn).fill('no')];
  return [a, b];
}

describe("Krippendorff's alpha against the published worked examples", () => {
  it('reproduces the four-coder example with missing data at every level', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_C, 'nominal')).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(KRIPPENDORFF_C, 'ordinal')).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(KRIPPENDORFF_C, 'interval')).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(KRIPPENDORFF_C, 'ratio')).toBeCloseTo(0.797, 3);
  });

  it('reproduces the two-coder binary example', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_A, 'nominal')).toBeCloseTo(0.095, 3);
  });

  it('treats values as categories at the nominal level and numbers elsewhere', () => {
    const asText = KRIPPENDORFF_C.map((row) => row.map((v) => (v === null ? null : String(v))));
    expect(krippendorffAlpha(asText, 'nominal')).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(asText, 'interval')).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(asText, 'ordinal')).toBeCloseTo(0.815, 3);
    // natural order for ordinal labels: "10" ranks after "9"
    expect(
      krippendorffAlpha(
        [
          ['9', '10', '9'],
          ['9', '10', '10'],
        ],
        'ordinal',
      ),
    ).not.toBeNull();
  });

  it('is 1 for perfect agreement and null where undefined', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 2, 3],
          [1, 2, 3],
        ],
        'nominal',
      ),
    ).toBe(1);
    expect(
      krippendorffAlpha(
        [
          [1, 1, 1],
          [1, 1, 1],
        ],
        'nominal',
      ),
    ).toBeNull(); // no variation
    expect(
      krippendorffAlpha(
        [
          [1, _, 2],
          [_, 3, _],
        ],
        'nominal',
      ),
    ).toBeNull(); // nothing pairable
    expect(krippendorffAlpha([], 'interval')).toBeNull();
    expect(krippendorffAlpha([[1, 2]], 'nominal')).toBeNull(); // one coder
  });

  it('refuses ragged data, unknown levels and non-numbers at the interval level', () => {
    expect(() => krippendorffAlpha([[1, 2], [1]], 'nominal')).toThrow(RangeError);
    expect(() =>
      krippendorffAlpha(
        [
          ['a', 'b'],
          ['a', 'a'],
        ],
        'interval',
      ),
    ).toThrow(/not a number/);
    expect(() =>
      krippendorffAlpha(
        [
          [1, 2],
          [1, 2],
        ],
        'bogus' as 'nominal',
      ),
    ).toThrow(/unknown level/);
  });

  it('does not depend on the order of coders or units', () => {
    const swapped = [KRIPPENDORFF_C[3], KRIPPENDORFF_C[1], KRIPPENDORFF_C[0], KRIPPENDORFF_C[2]].map((r) => [...r].reverse());
    expect(krippendorffAlpha(swapped, 'ordinal')).toBeCloseTo(krippendorffAlpha(KRIPPENDORFF_C, 'ordinal')!, 12);
  });
});

describe("Cohen's kappa against textbook examples", () => {
  it('gives 0.4 for the 50-item example (20 yes/yes, 15 no/no, 5 yes/no, 10 no/yes)', () => {
    const [a, b] = fromTable(20, 5, 10, 15);
    expect(percentAgreement(a, b)).toBeCloseTo(0.7, 12);
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 12);
    expect(kappaFromTable({ both: 20, onlyA: 5, onlyB: 10, neither: 15 })).toBeCloseTo(0.4, 12);
  });

  it('separates tables with the same percent agreement (0.1304 and 0.2593)', () => {
    const [a1, b1] = fromTable(45, 15, 25, 15);
    const [a2, b2] = fromTable(25, 35, 5, 35);
    expect(percentAgreement(a1, b1)).toBeCloseTo(0.6, 12);
    expect(percentAgreement(a2, b2)).toBeCloseTo(0.6, 12);
    expect(cohenKappa(a1, b1)).toBeCloseTo(0.1304, 4);
    expect(cohenKappa(a2, b2)).toBeCloseTo(0.2593, 4);
  });

  it('handles more than two categories and leaves out units with a missing value', () => {
    // 3 categories; one unit missing on each side.
    const a = ['x', 'x', 'y', 'z', 'z', 'y', null, 'x'];
    const b = ['x', 'y', 'y', 'z', 'x', 'y', 'z', null];
    // pairs: (x,x)(x,y)(y,y)(z,z)(z,x)(y,y) → po = 4/6; a: x2 y2 z2; b: x2 y3 z1; pe = (4+6+2)/36
    expect(percentAgreement(a, b)).toBeCloseTo(4 / 6, 12);
    expect(cohenKappa(a, b)).toBeCloseTo((4 / 6 - 12 / 36) / (1 - 12 / 36), 12);
  });

  it('is null, not 1 or 0, where it is undefined', () => {
    expect(cohenKappa([], [])).toBeNull();
    expect(cohenKappa(['a', 'a'], ['a', 'a'])).toBeNull(); // pe = 1
    expect(cohenKappa([null, 'a'], ['b', null])).toBeNull();
    expect(kappaFromTable({ both: 0, onlyA: 0, onlyB: 0, neither: 9 })).toBeNull();
    expect(percentAgreement([], [])).toBeNaN();
    expect(percentAgreement(['a'], [null])).toBeNaN();
  });

  it('refuses coders with different numbers of units', () => {
    expect(() => cohenKappa(['a'], ['a', 'b'])).toThrow(RangeError);
    expect(() => percentAgreement(['a'], [])).toThrow(RangeError);
  });
});

describe('binary tallies give the same figures as the array functions', () => {
  const judgement = fc.array(fc.array(fc.constantFrom<0 | 1 | null>(0, 1, null), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 40 });

  it('for any number of coders with missing values (alpha, percent agreement)', () => {
    fc.assert(
      fc.property(judgement, (rows) => {
        const k = Math.max(...rows.map((r) => r.length));
        const units = rows.map((r) => [...r, ...Array(k - r.length).fill(null)] as (0 | 1 | null)[]);
        const t = emptyTally(false);
        let pairsAgree = 0;
        let pairsAll = 0;
        for (const u of units) {
          const present = u.filter((v) => v !== null) as number[];
          if (present.length < 2) continue;
          const m = present.filter((v) => v === 1).length;
          addUnits(t, present.length, m, 1);
          for (let i = 0; i < present.length; i++) {
            for (let j = i + 1; j < present.length; j++) {
              pairsAll++;
              if (present[i] === present[j]) pairsAgree++;
            }
          }
        }
        const data = Array.from({ length: k }, (_, c) => units.map((u) => u[c]));
        const alpha = krippendorffAlpha(data, 'nominal');
        const fromTally = tallyAlpha(t);
        if (alpha === null) expect(fromTally).toBeNull();
        else expect(fromTally).toBeCloseTo(alpha, 9);
        expect(tallyPercentAgreement(t)).toBe(pairsAll === 0 ? null : pairsAgree / pairsAll);
        expect(tallyKappa(t)).toBeNull();
      }),
    );
  });

  it('for two coders (kappa from the table, pooled by summing tables)', () => {
    const table = fc.record({ both: fc.nat(20), onlyA: fc.nat(20), onlyB: fc.nat(20), neither: fc.nat(20) });
    fc.assert(
      fc.property(table, table, (x, y) => {
        const t = emptyTally(true);
        addPair(t, x);
        const u = emptyTally(true);
        addPair(u, y);
        addTally(t, u);
        const sum = { both: x.both + y.both, onlyA: x.onlyA + y.onlyA, onlyB: x.onlyB + y.onlyB, neither: x.neither + y.neither };
        const [a, b] = fromTable(sum.both, sum.onlyA, sum.onlyB, sum.neither);
        const kappa = cohenKappa(a, b);
        if (kappa === null) expect(tallyKappa(t)).toBeNull();
        else expect(tallyKappa(t)).toBeCloseTo(kappa, 9);
        expect(tallyUnits(t)).toBe(a.length);
        const pa = percentAgreement(a, b);
        if (Number.isNaN(pa)) expect(tallyPercentAgreement(t)).toBeNull();
        else expect(tallyPercentAgreement(t)).toBeCloseTo(pa, 12);
        const alpha = krippendorffAlpha([a, b], 'nominal');
        if (alpha === null) expect(tallyAlpha(t)).toBeNull();
        else expect(tallyAlpha(t)).toBeCloseTo(alpha, 9);
      }),
    );
  });

  it('drops kappa as soon as units of more than two coders are added, and refuses impossible counts', () => {
    const t = emptyTally(true);
    addPair(t, { both: 3, onlyA: 1, onlyB: 0, neither: 5 });
    expect(tallyKappa(t)).not.toBeNull();
    addUnits(t, 3, 1, 2);
    expect(tallyKappa(t)).toBeNull();
    expect(() => addUnits(t, 1, 0, 1)).toThrow(RangeError);
    expect(() => addUnits(t, 2, 3, 1)).toThrow(RangeError);
    expect(tallyAlpha(emptyTally(false))).toBeNull();
    expect(tallyPercentAgreement(emptyTally(false))).toBeNull();
  });
});

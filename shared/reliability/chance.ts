import type { BinaryTally } from '../agreement-binary';

// Prevalence-robust chance-corrected agreement for nominal data, beside Cohen's
// kappa and Krippendorff's alpha: when one value dominates (a code applied to 3 %
// of the text), kappa and alpha can be low although coders nearly always agree;
// Gwet's AC1 and Brennan–Prediger estimate chance agreement differently.
//
// - Gwet, K. L. (2008). Computing inter-rater reliability and its variance in the
//   presence of high agreement. British Journal of Mathematical and Statistical
//   Psychology 61, 29–48. pe = Σ_q π_q(1 − π_q) / (Q − 1).
// - Brennan, R. L. & Prediger, D. J. (1981). Coefficient kappa: some uses, misuses,
//   and alternatives. Educational and Psychological Measurement 41, 687–699.
//   pe = 1 / Q.
// Both take pa as the share of agreeing coder pairs per unit, averaged over the
// units two or more coders judged (Gwet's multi-rater form; for two coders the
// ordinary percent agreement). AC1's π_q, with missing ratings, averages over
// every unit at least one coder judged the share of its coders choosing q — Gwet's
// general formula (Handbook of Inter-Rater Reliability; irrCAC's gwet.ac1.raw).
// Null where undefined.

type Value = string | number;

interface Counted {
  /** per pairable unit: value → how many coders gave it */
  units: Map<string, number>[];
  /** per unit any coder judged (pairable or not): value → how many coders gave it */
  rated: Map<string, number>[];
  categories: Set<string>;
}

function count(data: readonly (readonly (Value | null)[])[]): Counted {
  const n = data.length === 0 ? 0 : data[0].length;
  for (const row of data) if (row.length !== n) throw new RangeError('every coder needs one value (or null) per unit');
  const units: Map<string, number>[] = [];
  const rated: Map<string, number>[] = [];
  const categories = new Set<string>();
  for (let u = 0; u < n; u++) {
    const m = new Map<string, number>();
    let r = 0;
    for (const row of data) {
      const v = row[u];
      if (v === null || v === undefined) continue;
      const key = String(v);
      m.set(key, (m.get(key) ?? 0) + 1);
      categories.add(key);
      r++;
    }
    if (r >= 1) rated.push(m);
    if (r >= 2) units.push(m);
  }
  return { units, rated, categories };
}

function observed(units: Map<string, number>[]): number {
  let sum = 0;
  for (const m of units) {
    let r = 0;
    let agree = 0;
    for (const k of m.values()) {
      r += k;
      agree += k * (k - 1);
    }
    sum += agree / (r * (r - 1));
  }
  return sum / units.length;
}

/**
 * Gwet's AC1 for any number of coders (coders × units, null = missing). `categories`
 * is Q, the number of possible values; by default the values that occur.
 */
export function gwetAC1(data: readonly (readonly (Value | null)[])[], categories?: number): number | null {
  const { units, rated, categories: seen } = count(data);
  const q = categories ?? seen.size;
  if (units.length === 0 || q < 2) return null;
  const pa = observed(units);
  // π_q: the average, over every unit at least one coder judged, of the share of its coders choosing q
  const pi = new Map<string, number>();
  for (const m of rated) {
    let r = 0;
    for (const k of m.values()) r += k;
    for (const [c, k] of m) pi.set(c, (pi.get(c) ?? 0) + k / r / rated.length);
  }
  let pe = 0;
  for (const p of pi.values()) pe += p * (1 - p);
  pe /= q - 1;
  return pe === 1 ? null : (pa - pe) / (1 - pe);
}

/** Brennan and Prediger's coefficient (Bennett's S for two coders): chance agreement 1/Q. */
export function brennanPrediger(data: readonly (readonly (Value | null)[])[], categories?: number): number | null {
  const { units, categories: seen } = count(data);
  const q = categories ?? seen.size;
  if (units.length === 0 || q < 2) return null;
  return (observed(units) - 1 / q) / (1 - 1 / q);
}

/** Gwet's pa and π(coded) of a binary tally (coded / not coded). */
function tallyShares(t: BinaryTally): { pa: number; pi: number } | null {
  let units = 0;
  let agree = 0;
  let coded = 0;
  t.byCoders.forEach((row, k) =>
    row?.forEach((n, m) => {
      units += n;
      agree += (n * (m * (m - 1) + (k - m) * (k - m - 1))) / (k * (k - 1));
      coded += (n * m) / k;
    }),
  );
  return units === 0 ? null : { pa: agree / units, pi: coded / units };
}

/** Gwet's AC1 of the binary judgement "this unit carries the code" (Q = 2). */
export function tallyAC1(t: BinaryTally): number | null {
  const s = tallyShares(t);
  if (!s) return null;
  const pe = 2 * s.pi * (1 - s.pi);
  return (s.pa - pe) / (1 - pe);
}

/** Brennan–Prediger of the binary judgement (Q = 2): 2·pa − 1. */
export function tallyBP(t: BinaryTally): number | null {
  const s = tallyShares(t);
  return s ? 2 * s.pa - 1 : null;
}

// Inter-coder agreement statistics. Pure functions, no I/O.
//
// Conventions shared by every function here:
// - `null` in the data is a missing value (the coder did not judge that unit);
//   a unit is only compared where the coders being compared all have a value.
// - A statistic that is undefined for the data (no pairable units, no variation)
//   is `null` (or NaN for `percentAgreement`, whose published signature is `number`),
//   never a made-up 0 or 1.
//
// References:
// - Cohen, J. (1960). A coefficient of agreement for nominal scales.
// - Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability.
//   https://repository.upenn.edu/asc_papers/43 — the worked examples in the tests.
// - De Vries, H. et al. (2008). Using pooled kappa to summarize interrater agreement
//   across many items. Field Methods 20(3) — pooled kappa over summed 2×2 tables.

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';
type Value = string | number;

function checkPair(a: readonly unknown[], b: readonly unknown[]): void {
  if (a.length !== b.length) throw new RangeError(`the two coders judged different numbers of units (${a.length} and ${b.length})`);
}

/**
 * Share of units on which two coders give the same value, over the units both
 * coded (a null on either side leaves the unit out). NaN when no unit is coded
 * by both — the share is undefined then.
 */
export function percentAgreement(a: readonly (string | null)[], b: readonly (string | null)[]): number {
  checkPair(a, b);
  let n = 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === null || b[i] === null) continue;
    n++;
    if (a[i] === b[i]) same++;
  }
  return n === 0 ? Number.NaN : same / n;
}

/**
 * Cohen's kappa for two coders and nominal categories: (po − pe) / (1 − pe), with
 * pe from each coder's own category frequencies. Units with a null on either side
 * are left out. Null when no unit is coded by both, or when pe = 1 (both coders
 * used one and the same category throughout, so chance agreement is certain).
 */
export function cohenKappa(a: readonly (string | null)[], b: readonly (string | null)[]): number | null {
  checkPair(a, b);
  const fa = new Map<string, number>();
  const fb = new Map<string, number>();
  let n = 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === null || y === null) continue;
    n++;
    if (x === y) same++;
    fa.set(x, (fa.get(x) ?? 0) + 1);
    fb.set(y, (fb.get(y) ?? 0) + 1);
  }
  if (n === 0) return null;
  let chance = 0; // Σ_c a_c·b_c, so that pe = chance / n²
  for (const [c, k] of fa) chance += k * (fb.get(c) ?? 0);
  const denominator = n * n - chance;
  if (denominator === 0) return null;
  return (n * same - chance) / denominator;
}

function numeric(v: Value, level: AlphaLevel): number {
  const x = typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v);
  if (!Number.isFinite(x)) throw new RangeError(`"${v}" is not a number, so it cannot be compared at the ${level} level`);
  return x;
}

/** Distinct values in the order the level needs (any order for nominal). */
function distinctValues(values: Value[], level: AlphaLevel): { keys: string[]; order: Map<string, number>; numbers: number[] } {
  const byKey = new Map<string, Value>();
  for (const v of values) byKey.set(String(v), v);
  let keys = [...byKey.keys()];
  let numbers: number[] = [];
  if (level === 'interval' || level === 'ratio') {
    numbers = keys.map((k) => numeric(byKey.get(k)!, level));
  } else if (level === 'ordinal') {
    const allNumeric = keys.every((k) => {
      const v = byKey.get(k)!;
      return typeof v === 'number' || (v.trim() !== '' && Number.isFinite(Number(v)));
    });
    keys = allNumeric ? keys.sort((x, y) => Number(x) - Number(y)) : keys.sort((x, y) => x.localeCompare(y, undefined, { numeric: true }));
  }
  return { keys, order: new Map(keys.map((k, i) => [k, i])), numbers };
}

/**
 * Krippendorff's alpha for any number of coders, any number of units, missing
 * values and four levels of measurement. `data` is coders × units (one row per
 * coder, one column per unit, null = missing). Units with fewer than two values
 * are not pairable and are left out, as Krippendorff prescribes.
 *
 * - nominal: values are categories (compared as strings, so 1 and "1" are one category);
 * - ordinal: ranks of the distinct values (numbers ascending; other strings in
 *   natural order, "2" before "10"), with Krippendorff's rank-frequency metric;
 * - interval: squared difference of the numbers;
 * - ratio: ((c − k) / (c + k))².
 *
 * α = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck over the coincidence matrix.
 * Null when fewer than two pairable values exist or all pairable values are equal
 * (expected disagreement 0). Throws RangeError for ragged data or, at the interval
 * and ratio levels, values that are not numbers.
 */
export function krippendorffAlpha(data: readonly (readonly (Value | null)[])[], level: AlphaLevel): number | null {
  if (!['nominal', 'ordinal', 'interval', 'ratio'].includes(level)) throw new RangeError(`unknown level of measurement "${level}"`);
  const units = data.length === 0 ? 0 : data[0].length;
  for (const row of data) if (row.length !== units) throw new RangeError('every coder needs one value (or null) per unit');
  const pairable: Value[][] = [];
  for (let u = 0; u < units; u++) {
    const values: Value[] = [];
    for (const row of data) if (row[u] !== null && row[u] !== undefined) values.push(row[u] as Value);
    if (values.length >= 2) pairable.push(values);
  }
  const { keys, order, numbers } = distinctValues(pairable.flat(), level);
  const V = keys.length;
  if (V < 2) return null;
  // Coincidence matrix o[c][k]: each unit's ordered value pairs weighted 1 / (m_u − 1).
  const o = Array.from({ length: V }, () => new Array<number>(V).fill(0));
  for (const values of pairable) {
    const counts = new Map<number, number>();
    for (const v of values) {
      const i = order.get(String(v))!;
      counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const w = 1 / (values.length - 1);
    for (const [c, nc] of counts) for (const [k, nk] of counts) o[c][k] += (c === k ? nc * (nc - 1) : nc * nk) * w;
  }
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);
  const delta = metric(level, nc, numbers);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < V; c++) {
    for (let k = 0; k < V; k++) {
      const d = delta(c, k);
      observed += o[c][k] * d;
      expected += nc[c] * nc[k] * d;
    }
  }
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

function metric(level: AlphaLevel, nc: number[], numbers: number[]): (c: number, k: number) => number {
  switch (level) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'ordinal': {
      const cumulative = [0];
      for (const x of nc) cumulative.push(cumulative[cumulative.length - 1] + x);
      return (c, k) => {
        if (c === k) return 0;
        const [lo, hi] = c < k ? [c, k] : [k, c];
        const d = cumulative[hi + 1] - cumulative[lo] - (nc[lo] + nc[hi]) / 2;
        return d * d;
      };
    }
    case 'interval':
      return (c, k) => (numbers[c] - numbers[k]) ** 2;
    case 'ratio':
      return (c, k) => {
        const sum = numbers[c] + numbers[k];
        return sum === 0 ? 0 : ((numbers[c] - numbers[k]) / sum) ** 2;
      };
  }
}

export * from './agreement-binary';

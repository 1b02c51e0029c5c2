// Agreement on a binary judgement — "this unit carries the code" or not — from
// counts instead of per-unit arrays, so a project's millions of characters are
// tallied by interval sweeps and never expanded one by one. Each function gives
// the same number as the array functions in agreement.ts would on the expanded
// data (the tests check this).

/** Cohen's kappa from a two-coder 2×2 table of a binary judgement (coded / not coded). */
export function kappaFromTable(t: PairTable): number | null {
  const n = t.both + t.onlyA + t.onlyB + t.neither;
  if (n === 0) return null;
  const a1 = t.both + t.onlyA;
  const b1 = t.both + t.onlyB;
  const chance = a1 * b1 + (n - a1) * (n - b1);
  const denominator = n * n - chance;
  if (denominator === 0) return null;
  return (n * (t.both + t.neither) - chance) / denominator;
}

/** Two coders' binary judgements of the same units, counted. */
export interface PairTable {
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
}

/** Units counted by how many coders judged them (k ≥ 2) and how many of those applied the code (m). */
export interface BinaryTally {
  /** byCoders[k][m]: units judged by k coders, m of whom applied the code */
  byCoders: number[][];
  /** the 2×2 table when exactly two coders judged every unit, else null */
  pair: PairTable | null;
}

export function emptyTally(twoCoders: boolean): BinaryTally {
  return { byCoders: [], pair: twoCoders ? { both: 0, onlyA: 0, onlyB: 0, neither: 0 } : null };
}

function bump(t: BinaryTally, k: number, m: number, count: number): void {
  if (count === 0) return;
  if (!Number.isInteger(k) || k < 2 || m < 0 || m > k) throw new RangeError(`a unit judged by ${k} coders cannot carry ${m} codings`);
  const row = (t.byCoders[k] ??= new Array<number>(k + 1).fill(0));
  row[m] += count;
}

/** Adds `count` units judged by k coders, m of whom applied the code (the coders are not kept apart, so no kappa). */
export function addUnits(t: BinaryTally, k: number, m: number, count: number): void {
  bump(t, k, m, count);
  if (count !== 0) t.pair = null;
}

/** Adds a two-coder table (keeping the coders apart, which kappa needs). */
export function addPair(t: BinaryTally, table: PairTable): void {
  bump(t, 2, 0, table.neither);
  bump(t, 2, 1, table.onlyA + table.onlyB);
  bump(t, 2, 2, table.both);
  if (t.pair) {
    t.pair.both += table.both;
    t.pair.onlyA += table.onlyA;
    t.pair.onlyB += table.onlyB;
    t.pair.neither += table.neither;
  }
}

/** Sums tallies (the pooled figure over many codes: each unit × code is one judgement). */
export function addTally(into: BinaryTally, from: BinaryTally): void {
  from.byCoders.forEach((row, k) => row?.forEach((count, m) => ((into.byCoders[k] ??= new Array<number>(k + 1).fill(0))[m] += count)));
  if (into.pair && from.pair) {
    into.pair.both += from.pair.both;
    into.pair.onlyA += from.pair.onlyA;
    into.pair.onlyB += from.pair.onlyB;
    into.pair.neither += from.pair.neither;
  } else into.pair = null;
}

export function tallyUnits(t: BinaryTally): number {
  let n = 0;
  t.byCoders.forEach((row) => row?.forEach((count) => (n += count)));
  return n;
}

const pairs = (x: number) => (x * (x - 1)) / 2;

/** Share of agreeing coder pairs over all coder pairs of all units; null without pairs. */
export function tallyPercentAgreement(t: BinaryTally): number | null {
  let agree = 0;
  let all = 0;
  t.byCoders.forEach((row, k) =>
    row?.forEach((count, m) => {
      agree += count * (pairs(m) + pairs(k - m));
      all += count * pairs(k);
    }),
  );
  return all === 0 ? null : agree / all;
}

/** Krippendorff's nominal alpha of the binary judgement; null when undefined. */
export function tallyAlpha(t: BinaryTally): number | null {
  let o11 = 0;
  let o00 = 0;
  let o01 = 0;
  t.byCoders.forEach((row, k) =>
    row?.forEach((count, m) => {
      o11 += (count * m * (m - 1)) / (k - 1);
      o00 += (count * (k - m) * (k - m - 1)) / (k - 1);
      o01 += (count * m * (k - m)) / (k - 1);
    }),
  );
  const n1 = o11 + o01;
  const n0 = o00 + o01;
  const n = n0 + n1;
  if (n < 2 || n0 * n1 === 0) return null;
  return 1 - ((n - 1) * 2 * o01) / (2 * n0 * n1);
}

/** Cohen's kappa when exactly two coders judged every unit, else null. */
export function tallyKappa(t: BinaryTally): number | null {
  return t.pair ? kappaFromTable(t.pair) : null;
}

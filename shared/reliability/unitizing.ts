// Krippendorff's unitizing alpha of one category on a textual continuum.
//
// Krippendorff, K. (2004). Measuring the reliability of qualitative text analysis
// data. Quality & Quantity 38, 787–800 (and Content Analysis, 2nd ed., 2004, ch. 11).
// Each coder divides the continuum into sections: units of the category and the
// gaps between them (gaps are units too). Disagreement between two overlapping
// sections of two coders:
//   both units:           (b_i − b_j)² + (e_i − e_j)²  (squared begin and end differences)
//   a unit inside a gap:  l²                          (the unit's squared length)
//   otherwise:            0
// cuDo = Σ_{i≠j} Σ δ² / (m(m − 1)L²)
// cuDe = (2/L) Σ_units [ (N − 1)(2l³ − 3l² + l)/3 + l² Σ_{gaps g ≥ l} (g − l + 1) ]
//        / (mL(mL − 1) − Σ_units l(l − 1))
// αU = 1 − cuDo / cuDe; over several categories 1 − ΣDo / ΣDe.
//
// Several documents are one continuum whose document boundaries also end a gap (a
// unit cannot straddle two documents); the parts of each document are kept apart
// so a document's part can be added, resampled or shown on its own.

/** A coder's units of the category in one document: sorted, non-overlapping [start, end). */
export type Units = readonly (readonly [number, number])[];

/** One document's share of a category's unitizing alpha. */
export interface UnitizingPart {
  /** the document's length */
  length: number;
  /** coders compared in it */
  coders: number;
  /** Σ_{i≠j} Σ δ² / (m(m − 1)) */
  observed: number;
  /** every coder's unit lengths */
  units: number[];
  /** every coder's gap lengths */
  gaps: number[];
  /** each gap counted this many times (default 1): documents where nobody coded the category are one gap per coder */
  gapCopies?: number;
}

/** δ² of two overlapping sections (b, l, isUnit) of two coders. */
export function sectionDistance(b1: number, l1: number, u1: boolean, b2: number, l2: number, u2: boolean): number {
  const db = b1 - b2;
  if (u1 && u2) {
    if (-l1 < db && db < l2) {
      const de = db + l1 - l2;
      return db * db + de * de;
    }
    return 0;
  }
  if (u1 && !u2) return db >= 0 && b1 + l1 <= b2 + l2 ? l1 * l1 : 0;
  if (!u1 && u2) return db <= 0 && b2 + l2 <= b1 + l1 ? l2 * l2 : 0;
  return 0;
}

// A coder's sections are read straight off their units: section s of n units is,
// for even s, the gap before unit s/2 (after the last unit when s = 2n) and, for
// odd s, unit (s − 1)/2; empty gaps are skipped. No section lists are built.
const sectionStart = (u: Units, s: number) => (s & 1 ? u[s >> 1][0] : s === 0 ? 0 : u[(s >> 1) - 1][1]);
const sectionEnd = (u: Units, s: number, length: number) => (s & 1 ? u[s >> 1][1] : s >> 1 < u.length ? u[s >> 1][0] : length);

/** Σ δ² over the overlapping section pairs of two coders (each overlapping pair met once in a merge sweep). */
function pairDisagreement(a: Units, b: Units, length: number): number {
  const na = 2 * a.length + 1;
  const nb = 2 * b.length + 1;
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < na && j < nb) {
    const as = sectionStart(a, i);
    const ae = sectionEnd(a, i, length);
    if (ae <= as) {
      i++;
      continue;
    }
    const bs = sectionStart(b, j);
    const be = sectionEnd(b, j, length);
    if (be <= bs) {
      j++;
      continue;
    }
    sum += sectionDistance(as, ae - as, (i & 1) === 1, bs, be - bs, (j & 1) === 1);
    if (ae < be) i++;
    else if (be < ae) j++;
    else {
      i++;
      j++;
    }
  }
  return sum;
}

/** One document's part for one category: each coder's units there (sorted, non-overlapping, within [0, length)). */
export function unitizingPart(length: number, coders: readonly Units[]): UnitizingPart {
  const m = coders.length;
  let observed = 0;
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) observed += 2 * pairDisagreement(coders[i], coders[j], length);
  const units: number[] = [];
  const gaps: number[] = [];
  for (const u of coders) {
    let at = 0;
    for (const [s, e] of u) {
      if (s > at) gaps.push(s - at);
      units.push(e - s);
      at = e;
    }
    if (at < length) gaps.push(length - at);
  }
  return { length, coders: m, observed: m < 2 ? 0 : observed / (m * (m - 1)), units, gaps };
}

const COPIES = 65536;

/** Observed and expected disagreement of one category over the parts (documents) given. */
export function unitizingDisagreement(parts: readonly UnitizingPart[]): { observed: number; expected: number } | null {
  let L = 0;
  let mL = 0;
  let observed = 0;
  const units: number[] = [];
  let gapCount = 0;
  for (const p of parts) {
    if (p.coders < 2 || p.length <= 0) continue;
    L += p.length;
    mL += p.coders * p.length;
    observed += p.observed;
    for (const u of p.units) units.push(u);
    gapCount += p.gaps.length;
  }
  if (L === 0) return null;
  // Gaps sorted with suffix sums: Σ_{g ≥ l} (g − l + 1) = G(l) − (l − 1)·C(l). A gap and
  // its copies are packed as length·2¹⁶ + copies so that one native sort orders them.
  const packed = new Float64Array(gapCount);
  let k = 0;
  for (const p of parts) {
    if (p.coders < 2 || p.length <= 0) continue;
    const copies = p.gapCopies ?? 1;
    if (!(copies >= 1 && copies < COPIES)) throw new RangeError('a gap is counted 1 to 65,535 times');
    for (const g of p.gaps) packed[k++] = g * COPIES + copies;
  }
  packed.sort();
  const gaps = new Float64Array(gapCount);
  const count = new Float64Array(gapCount + 1);
  const suffix = new Float64Array(gapCount + 1);
  for (let i = 0; i < gapCount; i++) gaps[i] = Math.floor(packed[i] / COPIES);
  for (let i = gapCount - 1; i >= 0; i--) {
    const copies = packed[i] - gaps[i] * COPIES;
    count[i] = count[i + 1] + copies;
    suffix[i] = suffix[i + 1] + copies * gaps[i];
  }
  const N = units.length;
  let numerator = 0;
  let squares = 0;
  for (const l of units) {
    let lo = 0;
    let hi = gapCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (gaps[mid] < l) lo = mid + 1;
      else hi = mid;
    }
    const placements = suffix[lo] - (l - 1) * count[lo];
    numerator += ((N - 1) * (2 * l * l * l - 3 * l * l + l)) / 3 + l * l * placements;
    squares += l * (l - 1);
  }
  const denominator = mL * (mL - 1) - squares;
  return { observed: observed / (L * L), expected: denominator === 0 ? 0 : ((2 / L) * numerator) / denominator };
}

/** αU of one category (null when undefined: no units anywhere, or no continuum). */
export function unitizingAlpha(parts: readonly UnitizingPart[]): number | null {
  const d = unitizingDisagreement(parts);
  return d && d.expected > 0 ? 1 - d.observed / d.expected : null;
}

/** αU over several categories: 1 − ΣDo / ΣDe (Krippendorff 2004's coefficient for all categories). */
export function pooledUnitizingAlpha(byCategory: readonly (readonly UnitizingPart[])[]): number | null {
  let observed = 0;
  let expected = 0;
  for (const parts of byCategory) {
    const d = unitizingDisagreement(parts);
    if (!d) continue;
    observed += d.observed;
    expected += d.expected;
  }
  return expected > 0 ? 1 - observed / expected : null;
}

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

/** Sections of a continuum [0, length): alternating gaps and units, as flat [start, end, isUnit] triples. */
function sections(units: Units, length: number): { starts: Float64Array; ends: Float64Array; unit: Uint8Array } {
  const n = units.length * 2 + 1;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const unit = new Uint8Array(n);
  let k = 0;
  let at = 0;
  for (const [s, e] of units) {
    if (s > at) {
      starts[k] = at;
      ends[k] = s;
      k++;
    }
    starts[k] = s;
    ends[k] = e;
    unit[k] = 1;
    k++;
    at = e;
  }
  if (at < length) {
    starts[k] = at;
    ends[k] = length;
    k++;
  }
  return { starts: starts.subarray(0, k), ends: ends.subarray(0, k), unit: unit.subarray(0, k) };
}

/** Σ δ² over the overlapping section pairs of two coders (each overlapping pair met once in a merge sweep). */
function pairDisagreement(a: ReturnType<typeof sections>, b: ReturnType<typeof sections>): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.starts.length && j < b.starts.length) {
    sum += sectionDistance(a.starts[i], a.ends[i] - a.starts[i], a.unit[i] === 1, b.starts[j], b.ends[j] - b.starts[j], b.unit[j] === 1);
    if (a.ends[i] < b.ends[j]) i++;
    else if (b.ends[j] < a.ends[i]) j++;
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
  const secs = coders.map((u) => sections(u, length));
  let observed = 0;
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) observed += 2 * pairDisagreement(secs[i], secs[j]);
  const units: number[] = [];
  const gaps: number[] = [];
  for (const s of secs) for (let k = 0; k < s.starts.length; k++) (s.unit[k] ? units : gaps).push(s.ends[k] - s.starts[k]);
  return { length, coders: m, observed: m < 2 ? 0 : observed / (m * (m - 1)), units, gaps };
}

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
  // Gaps sorted descending with suffix sums: Σ_{g ≥ l} (g − l + 1) = G(l) − (l − 1)·C(l).
  const gaps = new Float64Array(gapCount);
  let k = 0;
  for (const p of parts) if (p.coders >= 2 && p.length > 0) for (const g of p.gaps) gaps[k++] = g;
  gaps.sort();
  const suffix = new Float64Array(gapCount + 1);
  for (let i = gapCount - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + gaps[i];
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
    const placements = suffix[lo] - (l - 1) * (gapCount - lo);
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

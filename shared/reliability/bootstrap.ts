// Confidence intervals for alpha and unitizing alpha by Krippendorff's bootstrap
// (Hayes & Krippendorff 2007, "Answering the call for a standard reliability
// measure for coding data", Communication Methods and Measures 1, 77–89):
// expected disagreement stays fixed, observed disagreement is resampled, and the
// distribution of α* gives the 95 % interval and the probability that α lies below
// a threshold (0.667 for tentative conclusions, 0.800 for reliable data).
//
// Fieldcode resamples documents, not characters: the characters (or turns) of one
// document are not independent judgements — neighbouring characters nearly always
// share their coding — so resampling characters would give intervals far too
// narrow. Each draw takes as many documents as were compared, with replacement,
// and scales observed disagreement by the drawn documents' disagreement per unit:
//   α* = 1 − (1 − α) · (Σ_draw d / Σ_draw w) / (Σ d / Σ w)
// where d is a document's observed disagreement and w its size.

/** A seeded generator (mulberry32): the same seed gives the same draws on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How often each document is drawn in each of `draws` resamples (draws × documents, row by row). */
export function resampleCounts(documents: number, draws: number, seed: number): Uint16Array {
  const random = seededRandom(seed);
  const counts = new Uint16Array(draws * documents);
  for (let r = 0; r < draws; r++) {
    const row = r * documents;
    for (let k = 0; k < documents; k++) counts[row + Math.floor(random() * documents)]++;
  }
  return counts;
}

export const THRESHOLDS = [0.667, 0.8] as const;

export interface Interval {
  /** the 95 % interval (2.5th and 97.5th percentile of α*) */
  ci: [number, number];
  /** share of α* below 0.667 and below 0.800 */
  pBelow: { '0.667': number; '0.8': number };
}

/** Per draw, the sum over the drawn documents (with their multiplicity) of a per-document weight. */
export function drawTotals(w: ArrayLike<number>, counts: Uint16Array, draws: number): Float64Array {
  const n = w.length;
  const out = new Float64Array(draws);
  for (let r = 0; r < draws; r++) {
    const row = r * n;
    let t = 0;
    for (let k = 0; k < n; k++) t += counts[row + k] * w[k];
    out[r] = t;
  }
  return out;
}

/**
 * Bootstrap interval of a coefficient `alpha` whose observed disagreement is Σd / Σw
 * over documents. d is sparse — only the documents listed in `at` carry any (for a
 * code, those where it was applied) — while w, the documents' sizes, is the same
 * for every code, so its per-draw totals are computed once (drawTotals). Null when
 * alpha is undefined or no document carries any weight.
 */
export function bootstrapSparse(
  alpha: number | null,
  at: ArrayLike<number>,
  d: ArrayLike<number>,
  totalW: number,
  drawW: Float64Array,
  counts: Uint16Array,
  documents: number,
): Interval | null {
  if (alpha === null || totalW === 0) return null;
  const draws = drawW.length;
  let sd = 0;
  for (let i = 0; i < d.length; i++) sd += d[i];
  const rate = sd / totalW;
  const values = new Float64Array(draws);
  for (let r = 0; r < draws; r++) {
    const row = r * documents;
    let dd = 0;
    for (let i = 0; i < at.length; i++) dd += counts[row + at[i]] * d[i];
    const ww = drawW[r];
    // a draw of documents with nothing to compare keeps the point estimate
    values[r] = ww === 0 || rate === 0 ? alpha : 1 - ((1 - alpha) * (dd / ww)) / rate;
  }
  values.sort();
  const q = (x: number) => values[Math.min(draws - 1, Math.max(0, Math.round(x * (draws - 1))))];
  let below667 = 0;
  let below8 = 0;
  for (const v of values) {
    if (v < 0.667) below667++;
    if (v < 0.8) below8++;
  }
  return { ci: [q(0.025), q(0.975)], pBelow: { '0.667': below667 / draws, '0.8': below8 / draws } };
}

/** The same over dense per-document arrays (every document listed). */
export function bootstrapInterval(alpha: number | null, d: ArrayLike<number>, w: ArrayLike<number>, counts: Uint16Array, draws: number): Interval | null {
  const n = d.length;
  let totalW = 0;
  for (let k = 0; k < n; k++) totalW += w[k];
  const at = Int32Array.from({ length: n }, (_, k) => k);
  return bootstrapSparse(alpha, at, d, totalW, drawTotals(w, counts, draws), counts, n);
}

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

/**
 * Bootstrap interval of a coefficient `alpha` whose observed disagreement is Σd / Σw
 * over documents (d, w: one entry per document). Null when alpha is undefined or
 * no document carries any weight.
 */
export function bootstrapInterval(alpha: number | null, d: ArrayLike<number>, w: ArrayLike<number>, counts: Uint16Array, draws: number): Interval | null {
  if (alpha === null) return null;
  const n = d.length;
  let sd = 0;
  let sw = 0;
  for (let k = 0; k < n; k++) {
    sd += d[k];
    sw += w[k];
  }
  if (sw === 0) return null;
  const rate = sd / sw;
  const values = new Float64Array(draws);
  for (let r = 0; r < draws; r++) {
    const row = r * n;
    let dd = 0;
    let ww = 0;
    for (let k = 0; k < n; k++) {
      const c = counts[row + k];
      if (c === 0) continue;
      dd += c * d[k];
      ww += c * w[k];
    }
    // a draw of documents with nothing to compare keeps the point estimate
    values[r] = ww === 0 || rate === 0 ? alpha : 1 - ((1 - alpha) * (dd / ww)) / rate;
  }
  values.sort();
  const at = (q: number) => values[Math.min(draws - 1, Math.max(0, Math.round(q * (draws - 1))))];
  let below667 = 0;
  let below8 = 0;
  for (const v of values) {
    if (v < 0.667) below667++;
    if (v < 0.8) below8++;
  }
  return { ci: [at(0.025), at(0.975)], pBelow: { '0.667': below667 / draws, '0.8': below8 / draws } };
}

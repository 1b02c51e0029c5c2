import type { BinaryTally } from '../agreement-binary';

/**
 * Observed disagreement of a binary tally as Krippendorff's coincidences: d = o₀₁
 * (pairs of differing values, each unit's pairs weighted 1/(m_u − 1)) and w = n
 * (pairable values). Alpha's Do is d / w, which documents add up to — what the
 * bootstrap resamples.
 */
export function tallyDisagreement(t: BinaryTally): { d: number; w: number } {
  let d = 0;
  let w = 0;
  t.byCoders.forEach((row, k) =>
    row?.forEach((count, m) => {
      d += (count * m * (k - m)) / (k - 1);
      w += count * k;
    }),
  );
  return { d, w };
}

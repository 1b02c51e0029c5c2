// A colour-blind-safe scale for agreement coefficients: one hue (blue) from pale at 0 to
// deep at 1, and orange below 0 (worse than chance). The number is always printed too.

export interface CellStyle {
  background?: string;
  color?: string;
}

export function scaleStyle(v: number | null): CellStyle {
  if (v === null || Number.isNaN(v)) return {};
  if (v < 0) {
    // orange, deeper the further below chance (a hair below 0 stays pale)
    const light = Math.round(96 - Math.min(1, -v * 2) * 30);
    return { background: `hsl(28 90% ${light}%)`, color: '#5c2c00' };
  }
  const t = Math.min(1, v);
  const light = Math.round(97 - t * 55);
  return { background: `hsl(220 68% ${light}%)`, color: light < 62 ? '#ffffff' : '#1d2330' };
}

/** Landis & Koch's words for a kappa or alpha, for the cell's title. */
export function strength(v: number | null): string {
  if (v === null || Number.isNaN(v)) return 'undefined: no unit was judged by two coders, or nobody used the code';
  if (v < 0) return 'worse than chance';
  if (v < 0.21) return 'slight';
  if (v < 0.41) return 'fair';
  if (v < 0.61) return 'moderate';
  if (v < 0.81) return 'substantial';
  return 'almost perfect';
}

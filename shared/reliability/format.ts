// One way to print an agreement value everywhere (views, CLI, exports, methods
// paragraph): three decimals, and "—" for a statistic that is undefined for the data.
// A tiny negative value prints as 0.000, never "-0.000".

export const UNDEFINED_MARK = '—';

export function formatCoefficient(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return UNDEFINED_MARK;
  return (Math.abs(v) < 0.0005 ? 0 : v).toFixed(3);
}

/** A share as a percentage with one decimal ("—" when undefined). */
export function formatShare(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return UNDEFINED_MARK;
  return `${(v * 100).toFixed(1)}%`;
}

/** A 95 % interval as "[0.712, 0.845]" ("—" when undefined). */
export function formatInterval(ci: readonly [number, number] | null | undefined): string {
  if (!ci) return UNDEFINED_MARK;
  return `[${formatCoefficient(ci[0])}, ${formatCoefficient(ci[1])}]`;
}

import type { CSSProperties } from 'react';

/** A cell's shade: its value against the table's largest, as the CSS variable --heat (0–1). */
export function heat(value: number, max: number): CSSProperties {
  const level = max > 0 && value > 0 ? Math.min(1, value / max) : 0;
  return { ['--heat' as string]: level.toFixed(3) } as CSSProperties;
}

export function largest(rows: number[][]): number {
  let max = 0;
  for (const r of rows) for (const v of r) if (v > max) max = v;
  return max;
}

/** English plural of the last word of an attribute name ("country" → "countries"). */
export function pluralOf(word: string, n: number): string {
  if (n === 1) return word;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

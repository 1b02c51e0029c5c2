import type { Units } from '../../../shared/reliability/unitizing';

// A deliberately naive second implementation of Krippendorff's (2004) αU parts,
// written from the paper's formulas without the production code's shortcuts: every
// section of every coder against every section of every other coder (no sweep),
// and every unit against every gap by a plain loop (no sorting, no suffix sums).

interface Section {
  b: number;
  l: number;
  unit: boolean;
}

function sectionsOf(units: Units, length: number): Section[] {
  const out: Section[] = [];
  let at = 0;
  for (const [s, e] of units) {
    if (s > at) out.push({ b: at, l: s - at, unit: false });
    out.push({ b: s, l: e - s, unit: true });
    at = e;
  }
  if (at < length) out.push({ b: at, l: length - at, unit: false });
  return out;
}

function delta(g: Section, h: Section): number {
  if (g.unit && h.unit && -g.l < g.b - h.b && g.b - h.b < h.l) return (g.b - h.b) ** 2 + (g.b + g.l - h.b - h.l) ** 2;
  if (g.unit && !h.unit && h.l - g.l >= g.b - h.b && g.b - h.b >= 0) return g.l ** 2;
  if (!g.unit && h.unit && g.l - h.l >= h.b - g.b && h.b - g.b >= 0) return h.l ** 2;
  return 0;
}

/** Documents with the same number of coders, as one continuum whose document ends close gaps. */
export function naiveUnitizing(docs: { length: number; coders: readonly Units[] }[]): { observed: number; expected: number } {
  const m = docs[0].coders.length;
  let L = 0;
  let sum = 0;
  const all: Section[] = [];
  for (const d of docs) {
    L += d.length;
    const secs = d.coders.map((u) => sectionsOf(u, d.length));
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) for (const g of secs[i]) for (const h of secs[j]) sum += delta(g, h);
    for (const s of secs) all.push(...s);
  }
  const units = all.filter((s) => s.unit);
  const gaps = all.filter((s) => !s.unit);
  const N = units.length;
  let numerator = 0;
  for (const u of units) {
    let placements = 0;
    for (const g of gaps) if (g.l >= u.l) placements += g.l - u.l + 1;
    numerator += ((N - 1) * (2 * u.l ** 3 - 3 * u.l ** 2 + u.l)) / 3 + u.l ** 2 * placements;
  }
  const squares = units.reduce((s, u) => s + u.l * (u.l - 1), 0);
  return { observed: sum / (m * (m - 1) * L * L), expected: ((2 / L) * numerator) / (m * L * (m * L - 1) - squares) };
}

/**
 * The 2016 coincidences the naive way: character by character, each coder's value
 * there (the set of labels, "" for none), every ordered pair of different coders.
 */
export function naiveCoincidences(length: number, coders: { start: number; end: number; label: number }[][]): Map<string, number> {
  const m = coders.length;
  const out = new Map<string, number>();
  for (let x = 0; x < length; x++) {
    const values = coders.map((spans) => [...new Set(spans.filter((s) => s.start <= x && x < s.end).map((s) => s.label))].sort((a, b) => a - b).join(','));
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) if (i !== j) out.set(`${values[i]}|${values[j]}`, (out.get(`${values[i]}|${values[j]}`) ?? 0) + 1 / (m - 1));
  }
  return out;
}

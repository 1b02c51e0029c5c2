// The unitizing alphas of Krippendorff, Mathet, Bouvry & Widlöcher (2016), "On the
// reliability of unitizing textual continua: further developments", Quality &
// Quantity 50, 2347–2364. Coincidences are the lengths by which two coders'
// sections intersect, summed over ordered pairs of different coders and divided by
// m − 1 (the paper's correction that makes the coefficient right for more than two
// coders, as Krippendorff's alpha divides each unit's pairs by m_u − 1):
//   l_ck = 1/(m − 1) Σ_{i≠j} Σ_{g of i valued c} Σ_{h of j valued k} |g ∩ h|
// Expected coincidences treat a unit as indivisible and a gap as divisible:
//   e_ck = l·· (l_c· l_·k − [c = k] S_c) / (l··² − Σ S),  S_c = Σ l² (units), Σ l (gaps)
// Coefficients (nominal):
//   uα   every value, gaps included: 1 − Σ_{c≠k} l_ck / Σ_{c≠k} e_ck
//   |uα  relevant (any code) against irrelevant (gap): the same on two values
//   cuα  coding of the relevant matter: alpha of the coincidences between codes only
//   Cuα  cuα with codes collapsed to coarser categories C (in Fieldcode: the code's
//        top-level family), so a lead sees whether coders agree on the family when
//        they part on the sub-code
// Where a coder applied several codes to the same characters, the value there is
// the set of codes (one section per run of the same set), so the sections of each
// coder still divide the continuum, as the coefficients require. Documents add
// their coincidences; m is each document's number of coders.

export interface CodedSpan {
  start: number;
  end: number;
  /** the code (or category) as a small integer */
  label: number;
}

/** Coincidences and squared section lengths, accumulated over documents. */
export interface Coincidences {
  /** "c|k" → l_ck; category keys are the sorted labels joined by "," ("" is the gap) */
  pairs: Map<string, number>;
  /** category → S_c */
  squares: Map<string, number>;
}

export function emptyCoincidences(): Coincidences {
  return { pairs: new Map(), squares: new Map() };
}

interface Section {
  start: number;
  end: number;
  key: string;
}

/** A coder's sections: runs of the same set of labels, gaps ("") included. */
function coderSections(spans: readonly CodedSpan[], length: number, relabel: (label: number) => number, collapse: boolean): Section[] {
  const events: [number, number, number][] = [];
  for (const s of spans) {
    const a = Math.max(0, s.start);
    const b = Math.min(length, s.end);
    if (b > a) events.push([a, 1, relabel(s.label)], [b, -1, relabel(s.label)]);
  }
  events.sort((x, y) => x[0] - y[0]);
  const active = new Map<number, number>();
  const keyOf = () => (active.size === 0 ? '' : collapse ? '*' : [...active.keys()].sort((x, y) => x - y).join(','));
  const out: Section[] = [];
  let at = 0;
  let i = 0;
  while (i <= events.length) {
    const pos = i < events.length ? events[i][0] : length;
    if (pos > at) {
      const key = keyOf();
      const last = out[out.length - 1];
      if (last && last.key === key) last.end = pos;
      else out.push({ start: at, end: pos, key });
      at = pos;
    }
    if (i === events.length) break;
    for (; i < events.length && events[i][0] === pos; i++) {
      const [, d, label] = events[i];
      const n = (active.get(label) ?? 0) + d;
      if (n === 0) active.delete(label);
      else active.set(label, n);
    }
  }
  return out;
}

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/**
 * Adds one document: each coder's coded spans there (overlaps allowed). `relabel`
 * maps a label to its category (identity, or a code to its family); `collapse`
 * makes every non-empty set one value (for |uα).
 */
export function addDocument(
  into: Coincidences,
  length: number,
  coders: readonly (readonly CodedSpan[])[],
  relabel: (label: number) => number = (l) => l,
  collapse = false,
): void {
  const m = coders.length;
  if (m < 2 || length <= 0) return;
  const secs = coders.map((s) => coderSections(s, length, relabel, collapse));
  for (const list of secs) for (const s of list) add(into.squares, s.key, s.key === '' ? s.end - s.start : (s.end - s.start) ** 2);
  const w = 1 / (m - 1);
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      const x = secs[a];
      const y = secs[b];
      let i = 0;
      let j = 0;
      while (i < x.length && j < y.length) {
        const overlap = Math.min(x[i].end, y[j].end) - Math.max(x[i].start, y[j].start);
        if (overlap > 0) {
          add(into.pairs, `${x[i].key}|${y[j].key}`, overlap * w);
          add(into.pairs, `${y[j].key}|${x[i].key}`, overlap * w);
        }
        if (x[i].end < y[j].end) i++;
        else if (y[j].end < x[i].end) j++;
        else {
          i++;
          j++;
        }
      }
    }
  }
}

function margins(pairs: Map<string, number>, keep: (key: string) => boolean): { rows: Map<string, number>; total: number; diagonal: number } {
  const rows = new Map<string, number>();
  let total = 0;
  let diagonal = 0;
  for (const [k, v] of pairs) {
    const [c, d] = k.split('|');
    if (!keep(c) || !keep(d)) continue;
    add(rows, c, v);
    total += v;
    if (c === d) diagonal += v;
  }
  return { rows, total, diagonal };
}

/** uα (or |uα when the coincidences were collapsed): every value, gaps included, units indivisible. */
export function unitizedAlpha(c: Coincidences): number | null {
  const { rows, total, diagonal } = margins(c.pairs, () => true);
  let S = 0;
  for (const v of c.squares.values()) S += v;
  const denominator = total * total - S;
  if (total === 0 || denominator <= 0) return null;
  let expectedDiagonal = 0;
  for (const [k, r] of rows) expectedDiagonal += (total * (r * r - (c.squares.get(k) ?? 0))) / denominator;
  const observed = total - diagonal;
  const expected = total - expectedDiagonal;
  return expected <= 0 ? null : 1 - observed / expected;
}

/** cuα (or Cuα on relabelled coincidences): alpha of the coincidences between codes, gaps left out. */
export function codingAlpha(c: Coincidences): number | null {
  const { rows, total, diagonal } = margins(c.pairs, (k) => k !== '');
  let squares = 0;
  for (const r of rows.values()) squares += r * r;
  const expected = total * total - squares;
  if (total <= 1 || expected <= 0) return null;
  return 1 - ((total - 1) * (total - diagonal)) / expected;
}

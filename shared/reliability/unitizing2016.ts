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
//   cuα  coding of the relevant matter: alpha of the coincidences between codes only,
//        where two coders' coded sections intersect (unitizing disagreement ignored);
//        an intersection is indivisible, so expected coincidences subtract its
//        squared length I as uα's subtract a unit's (codingAlpha below)
//   Cuα  not a member of the 2016 family (uα, |uα, cuα, (k)uα): Fieldcode's name for
//        cuα with codes collapsed to their top-level family, so a lead sees whether
//        coders agree on the family when they part on the sub-code
// Where a coder applied several codes to the same characters, the value there is
// the set of codes (one section per run of the same set), so the sections of each
// coder still divide the continuum, as the coefficients require. Documents add
// their coincidences; m is each document's number of coders.
//
// Nominal alphas need only margins of the coincidence matrix — l_c·, the part of
// it with coded matter (Σ_{k≠gap} l_ck), and the diagonal l_cc — so those are what
// is kept, and they come from counts: where n_c of the m coders hold value c over
// a stretch of length len, l_c· gains n_c·len, l_cc gains n_c(n_c − 1)·len/(m − 1).
// One sweep over all coders' section ends gives them without visiting coder pairs.

export interface CodedSpan {
  start: number;
  end: number;
  /** the code (or category) as a small integer */
  label: number;
}

/** One value's margins of the coincidence matrix, summed over documents. */
export interface ValueSums {
  /** l_c· = Σ_k l_ck */
  total: number;
  /** Σ_{k ≠ gap} l_ck: the value's coincidences with coded matter (0 for the gap) */
  coded: number;
  /** l_cc */
  same: number;
  /** S_c: Σ l² over the sections valued c (units), Σ l for the gap */
  squares: number;
  /** cuα's indivisible matter: 1/(m − 1) Σ_{i≠j} Σ_{g of i valued c} |g ∩ coded matter of j|² (0 for the gap) */
  intersections: number;
}

/** Coincidence margins per value, accumulated over documents. Keys: the sorted labels joined by "," ("" is the gap). */
export interface Coincidences {
  values: Map<string, ValueSums>;
}

export function emptyCoincidences(): Coincidences {
  return { values: new Map() };
}

export function addValue(into: Coincidences, key: string, total: number, coded: number, same: number, squares: number, intersections = 0): void {
  const v = into.values.get(key);
  if (v) {
    v.total += total;
    v.coded += coded;
    v.same += same;
    v.squares += squares;
    v.intersections += intersections;
  } else into.values.set(key, { total, coded, same, squares, intersections });
}

export function mergeCoincidences(into: Coincidences, from: Coincidences): void {
  for (const [k, v] of from.values) addValue(into, k, v.total, v.coded, v.same, v.squares, v.intersections);
}

/** Value ids of one document: 0 is the gap; others are interned by key (a single label without building its key). */
class ValueIds {
  keys: string[] = [''];
  private byKey = new Map<string, number>([['', 0]]);
  private byLabel: number[] = [];
  id(key: string): number {
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keys.push(key);
      this.byKey.set(key, id);
    }
    return id;
  }
  single(label: number): number {
    return (this.byLabel[label] ??= this.id(String(label)));
  }
}

/** Boundaries of a coder's spans as position·2²¹ + index, so that one native sort orders them by position. */
const INDEX = 2 ** 21;

/**
 * Appends a coder's sections to `ends` and `ids`: runs of the same set of labels, gaps
 * (id 0) included, the last ending at `length`; adjacent runs of the same value merged.
 */
function coderSections(
  spans: readonly CodedSpan[],
  length: number,
  relabel: (label: number) => number,
  collapse: boolean,
  ids: ValueIds,
  ends: number[],
  out: number[],
): void {
  const labels: number[] = [];
  const boundaries: number[] = [];
  for (const s of spans) {
    const a = Math.max(0, s.start);
    const b = Math.min(length, s.end);
    if (b <= a) continue;
    const i = labels.length;
    labels.push(collapse ? 0 : relabel(s.label));
    boundaries.push(a * INDEX + 2 * i, b * INDEX + 2 * i + 1);
  }
  if (boundaries.length >= INDEX) throw new RangeError('too many spans in one document');
  const sorted = Float64Array.from(boundaries).sort();
  const active = new Map<number, number>();
  const valueId = () => {
    if (active.size === 0) return 0;
    if (active.size === 1) return collapse ? ids.id('*') : ids.single(active.keys().next().value!);
    return ids.id([...active.keys()].sort((x, y) => x - y).join(','));
  };
  const first = out.length;
  let at = 0;
  let k = 0;
  while (k <= sorted.length) {
    const p = k < sorted.length ? Math.floor(sorted[k] / INDEX) : length;
    if (p > at) {
      const id = valueId();
      if (out.length > first && out[out.length - 1] === id) ends[ends.length - 1] = p;
      else {
        ends.push(p);
        out.push(id);
      }
      at = p;
    }
    if (k === sorted.length) break;
    for (; k < sorted.length && Math.floor(sorted[k] / INDEX) === p; k++) {
      const e = sorted[k] - p * INDEX;
      const label = labels[e >> 1];
      const n = (active.get(label) ?? 0) + (e & 1 ? -1 : 1);
      if (n === 0) active.delete(label);
      else active.set(label, n);
    }
  }
}

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
  const ids = new ValueIds();
  // every coder's sections in two flat lists; coder i's are [first[i], first[i + 1])
  const endList: number[] = [];
  const idList: number[] = [];
  const first = new Int32Array(m + 1);
  coders.forEach((spans, i) => {
    coderSections(spans, length, relabel, collapse, ids, endList, idList);
    first[i + 1] = endList.length;
  });
  const ends = Float64Array.from(endList);
  const valueOf = Int32Array.from(idList);
  const n = ids.keys.length;
  // integer sums per value id; the 1/(m − 1) is applied once at the end
  const total = new Float64Array(n);
  const coded = new Float64Array(n);
  const same = new Float64Array(n);
  const squares = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    let start = 0;
    for (let k = first[i]; k < first[i + 1]; k++) {
      const l = ends[k] - start;
      total[valueOf[k]] += l;
      squares[valueOf[k]] += valueOf[k] === 0 ? l : l * l;
      start = ends[k];
    }
  }
  // k-way sweep: between consecutive section ends of any coder every coder's value is constant.
  // meet[i·m + j]: how much of coder i's current coded section coder j has coded too.
  const at = first.slice(0, m);
  const count = new Int32Array(n);
  const intersections = new Float64Array(n);
  const meet = new Float64Array(m * m);
  const codedNow = new Int32Array(m);
  let from = 0;
  while (from < length) {
    let to = length;
    for (let i = 0; i < m; i++) if (ends[at[i]] < to) to = ends[at[i]];
    const len = to - from;
    let k = 0;
    for (let i = 0; i < m; i++) {
      count[valueOf[at[i]]]++;
      if (valueOf[at[i]] !== 0) codedNow[k++] = i;
    }
    const others = m - 1 - count[0];
    for (let i = 0; i < m; i++) {
      const id = valueOf[at[i]];
      same[id] += len * (count[id] - 1);
      if (id !== 0) coded[id] += len * others;
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) if (a !== b) meet[codedNow[a] * m + codedNow[b]] += len;
    for (let i = 0; i < m; i++) {
      const id = valueOf[at[i]];
      count[id] = 0;
      if (ends[at[i]] !== to) continue;
      // coder i's section ends here: its intersections with each other coder's coded matter are complete
      if (id !== 0) {
        for (let j = 0; j < m; j++) {
          intersections[id] += meet[i * m + j] * meet[i * m + j];
          meet[i * m + j] = 0;
        }
      }
      at[i]++;
    }
    from = to;
  }
  const w = 1 / (m - 1);
  for (let id = 0; id < n; id++) {
    if (total[id] > 0) addValue(into, ids.keys[id], total[id], coded[id] * w, same[id] * w, squares[id], intersections[id] * w);
  }
}

/** uα (or |uα when the coincidences were collapsed): every value, gaps included, units indivisible. */
export function unitizedAlpha(c: Coincidences): number | null {
  let total = 0;
  let diagonal = 0;
  let S = 0;
  for (const v of c.values.values()) {
    total += v.total;
    diagonal += v.same;
    S += v.squares;
  }
  const denominator = total * total - S;
  if (total === 0 || denominator <= 0) return null;
  // Σ_{c≠k} e_ck = l·· (l··² − Σ l_c·²) / (l··² − Σ S): the off-diagonal sum, exactly 0 with one value
  let rowSquares = 0;
  for (const v of c.values.values()) rowSquares += v.total * v.total;
  const expected = (total * (total * total - rowSquares)) / denominator;
  const observed = total - diagonal;
  return expected <= 0 ? null : 1 - observed / expected;
}

/**
 * cuα (or Cuα on relabelled coincidences): alpha of the coincidences between codes,
 * gaps left out, the intersections of coded sections indivisible (the 2016 paper's
 * expected coincidences for cuα, as uα's treat units):
 *   e_cc = (l_c·² − I_c) / (l·· − Σ I / l··),  cuα = 1 − (l·· − Σ l_cc) / (l·· − Σ e_cc)
 * with l over the coded values only and I_c their squared intersections.
 */
export function codingAlpha(c: Coincidences): number | null {
  let total = 0;
  let diagonal = 0;
  let I = 0;
  for (const [k, v] of c.values) {
    if (k === '') continue;
    total += v.coded;
    diagonal += v.same;
    I += v.intersections;
  }
  if (total <= 0) return null;
  const denominator = total - I / total;
  if (denominator <= 0) return null;
  // Σ_{c≠k} e_ck = (l··² − Σ l_c·²) / (l·· − Σ I / l··): the off-diagonal sum, exactly 0 with one code
  let rowSquares = 0;
  for (const [k, v] of c.values) if (k !== '') rowSquares += v.coded * v.coded;
  const expected = (total * total - rowSquares) / denominator;
  return expected <= 0 ? null : 1 - (total - diagonal) / expected;
}

import { addPair, addUnits, type BinaryTally } from '../../shared/agreement';
import { turnsTouched, union, type AgreementData, type ComparedDocument, type Span } from './agreement-data';

// One document's units for one code, tallied as binary judgements (coded / not
// coded) from interval sweeps (shared/agreement-binary.ts), never expanded one by one.

/** Units judged in one document: characters, or speaker turns. */
export function unitCount(d: ComparedDocument, unit: AgreementData['unit']): number {
  return unit === 'char' ? d.chars : d.turns.length;
}

/** Adds one document's units for one code to the tally; `covered` is each coder's union of spans there. */
export function tallyDocument(
  t: BinaryTally,
  d: ComparedDocument,
  covered: [number, number][][] | null,
  unit: AgreementData['unit'],
  charHistogram?: number[],
): void {
  const n = unitCount(d, unit);
  const k = d.coders.length;
  if (n === 0) return;
  if (!covered) {
    // Nobody applied the code in this document: every unit agrees on "not coded".
    if (k === 2) return addPair(t, { both: 0, onlyA: 0, onlyB: 0, neither: n });
    return addUnits(t, k, 0, n);
  }
  if (unit === 'turn') {
    const marked = covered.map((spans) => turnsTouched(d.turns, spans));
    if (k === 2) {
      const both = [...marked[0]].filter((i) => marked[1].has(i)).length;
      return addPair(t, { both, onlyA: marked[0].size - both, onlyB: marked[1].size - both, neither: n - marked[0].size - marked[1].size + both });
    }
    const m = new Map<number, number>();
    for (const set of marked) for (const i of set) m.set(i, (m.get(i) ?? 0) + 1);
    const hist = new Array<number>(k + 1).fill(0);
    for (const count of m.values()) hist[count]++;
    hist[0] = n - m.size;
    hist.forEach((count, j) => addUnits(t, k, j, count));
    return;
  }
  const hist = charHistogram ?? coverageHistogram(covered, d.chars);
  if (k === 2) {
    const a = covered[0].reduce((s, [x, y]) => s + y - x, 0);
    const b = covered[1].reduce((s, [x, y]) => s + y - x, 0);
    return addPair(t, { both: hist[2], onlyA: a - hist[2], onlyB: b - hist[2], neither: hist[0] });
  }
  hist.forEach((count, j) => addUnits(t, k, j, count));
}

/**
 * Characters of a document by how many coders coded them: hist[j] characters were
 * coded by exactly j of the coders (`covered`: each coder's union of spans). One
 * sweep over the coverage boundaries; between two boundaries the count is constant.
 */
export function coverageHistogram(covered: [number, number][][], chars: number): number[] {
  const k = covered.length;
  const hist = new Array<number>(k + 1).fill(0);
  // starts and ends apart, each sorted: a merge of the two is the sweep (ends first at a tie)
  const starts: number[] = [];
  const ends: number[] = [];
  for (const spans of covered) {
    for (const [s, e] of spans) {
      starts.push(s);
      ends.push(e);
    }
  }
  starts.sort((a, b) => a - b);
  ends.sort((a, b) => a - b);
  let active = 0;
  let at = 0;
  let i = 0;
  let j = 0;
  while (i < starts.length || j < ends.length) {
    const isEnd = j < ends.length && (i >= starts.length || ends[j] <= starts[i]);
    const pos = isEnd ? ends[j] : starts[i];
    if (pos > at && active > 0) hist[active] += pos - at;
    at = pos;
    if (isEnd) {
      active--;
      j++;
    } else {
      active++;
      i++;
    }
  }
  let coded = 0;
  for (let c = 1; c <= k; c++) coded += hist[c];
  hist[0] = chars - coded;
  return hist;
}

/** Each compared coder's union of spans in the document (empty for a coder who did not apply the code). */
export function coverage(d: ComparedDocument, byCoder: Map<string, Span[]>): [number, number][][] {
  return d.coders.map((c) => union(byCoder.get(c) ?? [], d.chars));
}

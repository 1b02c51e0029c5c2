import { addTally, emptyTally, tallyAlpha, tallyKappa, tallyPercentAgreement, type BinaryTally } from '../../shared/agreement';
import type { AgreementRow, PooledAgreementRow } from '../../shared/api/team';
import { tallyDisagreement } from '../../shared/reliability/binary';
import { tallyAC1, tallyBP } from '../../shared/reliability/chance';
import { unitizingDisagreement, unitizingPart, type UnitizingPart } from '../../shared/reliability/unitizing';
import {
  addDocument,
  addValue,
  codingAlpha,
  emptyCoincidences,
  mergeCoincidences,
  unitizedAlpha,
  type CodedSpan,
  type Coincidences,
} from '../../shared/reliability/unitizing2016';
import type { AgreementData, ComparedDocument, Span } from './agreement-data';
import { coverage, coverageHistogram, tallyDocument } from './agreement-tally';

// What one code contributes in one document where it was applied ("cell"), what
// it contributes where nobody applied it (added up without a cell per document:
// most codes are absent from most documents), and the rows built from them.

export interface Cell {
  tally: BinaryTally;
  /** Krippendorff (2004): the document's part of the code's αU */
  part: UnitizingPart;
  /** Krippendorff et al. (2016): code against gap, for |uα */
  binary: Coincidences;
}

/**
 * |uα's coincidences of one code in one document (code against gap), from the
 * characters by how many coders coded them: over hist[h] characters h coders hold
 * the code and m − h the gap (ValueSums in shared/reliability/unitizing2016.ts).
 */
function binaryCoincidences(covered: [number, number][][], hist: number[], chars: number): Coincidences {
  const m = covered.length;
  let coded = 0;
  let codedSame = 0;
  let gapSame = 0;
  hist.forEach((len, h) => {
    coded += h * len;
    codedSame += len * h * (h - 1);
    gapSame += len * (m - h) * (m - h - 1);
  });
  let squares = 0;
  for (const spans of covered) for (const [s, e] of spans) squares += (e - s) * (e - s);
  const binary = emptyCoincidences();
  if (m < 2 || chars <= 0) return binary;
  if (coded > 0) addValue(binary, '*', coded, codedSame / (m - 1), codedSame / (m - 1), squares);
  if (m * chars - coded > 0) addValue(binary, '', m * chars - coded, 0, gapSame / (m - 1), m * chars - coded);
  return binary;
}

/** A code in a document where one or more compared coders applied it. */
export function cell(d: ComparedDocument, byCoder: Map<string, Span[]>, data: AgreementData): Cell {
  const tally = emptyTally(data.coders.length === 2);
  const covered = coverage(d, byCoder);
  const hist = coverageHistogram(covered, d.chars);
  tallyDocument(tally, d, covered, data.unit, hist);
  return { tally, part: unitizingPart(d.chars, covered), binary: binaryCoincidences(covered, hist, d.chars) };
}

/** One code over the documents: its cells where applied, the rest added up as "not coded". */
export interface CodeWork {
  /** document index → cell, for the documents where the code was applied */
  cells: Map<number, Cell>;
  tally: BinaryTally;
  binary: Coincidences;
  /** Do and De of the code's αU (null where undefined) */
  unitizing: { observed: number; expected: number } | null;
}

export function codeWork(docs: ComparedDocument[], byDoc: Map<string, Map<string, Span[]>>, data: AgreementData): CodeWork {
  const cells = new Map<number, Cell>();
  const tally = emptyTally(data.coders.length === 2);
  const binary = emptyCoincidences();
  const parts: UnitizingPart[] = [];
  // the documents where nobody applied the code: only gaps, one per coder and document —
  // one part per number of coders, each document's length a gap counted m times
  const rest = new Map<number, UnitizingPart>();
  docs.forEach((d, k) => {
    const spans = byDoc.get(d.id);
    if (spans) {
      const c = cell(d, spans, data);
      cells.set(k, c);
      addTally(tally, c.tally);
      mergeCoincidences(binary, c.binary);
      parts.push(c.part);
      return;
    }
    tallyDocument(tally, d, null, data.unit);
    const m = d.coders.length;
    if (d.chars > 0) addValue(binary, '', m * d.chars, 0, m * d.chars, m * d.chars);
    let part = rest.get(m);
    if (!part) rest.set(m, (part = { length: 0, coders: m, observed: 0, units: [], gaps: [], gapCopies: m }));
    part.length += d.chars;
    part.gaps.push(d.chars);
  });
  for (const part of rest.values()) if (part.length > 0) parts.push(part);
  return { cells, tally, binary, unitizing: unitizingDisagreement(parts) };
}

const alphaOf = (d: { observed: number; expected: number } | null) => (d && d.expected > 0 ? 1 - d.observed / d.expected : null);

function coefficients(tally: BinaryTally) {
  return { percentAgreement: tallyPercentAgreement(tally), kappa: tallyKappa(tally), alpha: tallyAlpha(tally), ac1: tallyAC1(tally), bp: tallyBP(tally) };
}

export function codeRow(
  code: string | null,
  codeId: string | null,
  w: { tally: BinaryTally; binary: Coincidences; unitizing: { observed: number; expected: number } | null },
): AgreementRow {
  let units = 0;
  w.tally.byCoders.forEach((row) => row?.forEach((x) => (units += x)));
  return { code, codeId, units, ...coefficients(w.tally), uAlpha: alphaOf(w.unitizing), binaryUAlpha: unitizedAlpha(w.binary) };
}

/** The documents' 2016 coincidences over all codes. */
export interface PooledCoincidences {
  /** every code as its own value, gaps included */
  all: Coincidences;
  /** any code against none */
  any: Coincidences;
  /** codes collapsed to their top-level family */
  families: Coincidences;
}

/** All codes together: their tallies summed, αU as 1 − ΣDo/ΣDe, and the 2016 coefficients. */
export function pooledRow(
  tallies: BinaryTally[],
  unitizing: ({ observed: number; expected: number } | null)[],
  c: PooledCoincidences,
  units: number,
): PooledAgreementRow {
  const tally = emptyTally(tallies.every((t) => t.pair !== null));
  for (const t of tallies) addTally(tally, t);
  let observed = 0;
  let expected = 0;
  for (const u of unitizing) {
    if (!u) continue;
    observed += u.observed;
    expected += u.expected;
  }
  return {
    code: null,
    codeId: null,
    units,
    ...coefficients(tally),
    uAlpha: expected > 0 ? 1 - observed / expected : null,
    binaryUAlpha: unitizedAlpha(c.any),
    uAlpha2016: unitizedAlpha(c.all),
    cuAlpha: codingAlpha(c.all),
    CuAlpha: codingAlpha(c.families),
  };
}

/** One document's 2016 coincidences over all codes (each code a label; `family` maps a code label to its family's). */
export function documentCoincidences(d: ComparedDocument, spans: Map<string, CodedSpan[]>, family: (label: number) => number): PooledCoincidences {
  const coders = d.coders.map((c) => spans.get(c) ?? []);
  const all = emptyCoincidences();
  const any = emptyCoincidences();
  const families = emptyCoincidences();
  addDocument(all, d.chars, coders);
  addDocument(any, d.chars, coders, (l) => l, true);
  addDocument(families, d.chars, coders, family);
  return { all, any, families };
}

/** Alpha's observed disagreement in a cell, as the bootstrap resamples it. */
export function cellAlphaDisagreement(c: Cell): number {
  return tallyDisagreement(c.tally).d;
}

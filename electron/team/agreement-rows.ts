import { addTally, emptyTally, tallyAlpha, tallyKappa, tallyPercentAgreement, type BinaryTally } from '../../shared/agreement';
import type { AgreementRow, PooledAgreementRow } from '../../shared/api/team';
import { tallyDisagreement } from '../../shared/reliability/binary';
import { tallyAC1, tallyBP } from '../../shared/reliability/chance';
import { unitizingDisagreement, unitizingPart, type UnitizingPart } from '../../shared/reliability/unitizing';
import { addDocument, codingAlpha, emptyCoincidences, unitizedAlpha, type CodedSpan, type Coincidences } from '../../shared/reliability/unitizing2016';
import type { AgreementData, ComparedDocument, Span } from './agreement-data';
import { coverage, tallyDocument } from './agreement-tally';

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

export function mergeCoincidences(into: Coincidences, from: Coincidences): void {
  for (const [k, v] of from.pairs) into.pairs.set(k, (into.pairs.get(k) ?? 0) + v);
  for (const [k, v] of from.squares) into.squares.set(k, (into.squares.get(k) ?? 0) + v);
}

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/** A code in a document where one or more compared coders applied it. */
export function cell(d: ComparedDocument, byCoder: Map<string, Span[]>, data: AgreementData): Cell {
  const tally = emptyTally(data.coders.length === 2);
  const covered = coverage(d, byCoder);
  tallyDocument(tally, d, covered, data.unit);
  const binary = emptyCoincidences();
  addDocument(
    binary,
    d.chars,
    covered.map((spans) => spans.map(([start, end]): CodedSpan => ({ start, end, label: 0 }))),
    (l) => l,
    true,
  );
  return { tally, part: unitizingPart(d.chars, covered), binary };
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
  // the documents where nobody applied the code, as one part: only gaps, one per coder and document
  const rest: UnitizingPart = { length: 0, coders: 0, observed: 0, units: [], gaps: [] };
  let restMl = 0;
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
    add(binary.pairs, '|', m * d.chars);
    add(binary.squares, '', m * d.chars);
    rest.length += d.chars;
    restMl += m * d.chars;
    for (let i = 0; i < m; i++) rest.gaps.push(d.chars);
  });
  if (rest.length > 0) {
    // m·L of the part must be Σ m_d·L_d over its documents
    rest.coders = restMl / rest.length;
    parts.push(rest);
  }
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

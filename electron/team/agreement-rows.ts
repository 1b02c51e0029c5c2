import { addTally, emptyTally, tallyAlpha, tallyKappa, tallyPercentAgreement, type BinaryTally } from '../../shared/agreement';
import type { AgreementRow, PooledAgreementRow } from '../../shared/api/team';
import { tallyDisagreement } from '../../shared/reliability/binary';
import { tallyAC1, tallyBP } from '../../shared/reliability/chance';
import { pooledUnitizingAlpha, unitizingAlpha, unitizingPart, type UnitizingPart } from '../../shared/reliability/unitizing';
import { addDocument, codingAlpha, emptyCoincidences, unitizedAlpha, type CodedSpan, type Coincidences } from '../../shared/reliability/unitizing2016';
import type { AgreementData, ComparedDocument, Span } from './agreement-data';
import { coverage, tallyDocument } from './agreement-tally';

// What one code contributes in one document ("cell"), and the rows built from
// cells: one code over all documents, one document over all codes, or both pooled.

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

/** A code in a document; `byCoder` undefined when none of the compared coders applied it there. */
export function cell(d: ComparedDocument, byCoder: Map<string, Span[]> | undefined, data: AgreementData): Cell {
  const tally = emptyTally(data.coders.length === 2);
  const m = d.coders.length;
  const binary = emptyCoincidences();
  if (!byCoder) {
    tallyDocument(tally, d, null, data.unit);
    // every coder's whole document is one gap
    binary.pairs.set('|', m * d.chars);
    binary.squares.set('', m * d.chars);
    return { tally, part: { length: d.chars, coders: m, observed: 0, units: [], gaps: new Array<number>(m).fill(d.chars) }, binary };
  }
  const covered = coverage(d, byCoder);
  tallyDocument(tally, d, covered, data.unit);
  addDocument(
    binary,
    d.chars,
    covered.map((spans) => spans.map(([start, end]): CodedSpan => ({ start, end, label: 0 }))),
    (l) => l,
    true,
  );
  return { tally, part: unitizingPart(d.chars, covered), binary };
}

/** Alpha's and αU's observed disagreement in one cell, as the bootstrap resamples them. */
export function cellDisagreement(c: Cell): { alphaD: number; alphaW: number; uD: number; uW: number } {
  const { d, w } = tallyDisagreement(c.tally);
  return { alphaD: d, alphaW: w, uD: c.part.observed, uW: c.part.coders >= 2 ? c.part.length : 0 };
}

export function codeRow(code: string | null, codeId: string | null, cells: Cell[], units: number | null): AgreementRow {
  const tally = emptyTally(cells.every((c) => c.tally.pair !== null));
  const binary = emptyCoincidences();
  for (const c of cells) {
    addTally(tally, c.tally);
    mergeCoincidences(binary, c.binary);
  }
  let n = 0;
  tally.byCoders.forEach((row) => row?.forEach((x) => (n += x)));
  return {
    code,
    codeId,
    units: units ?? n,
    percentAgreement: tallyPercentAgreement(tally),
    kappa: tallyKappa(tally),
    alpha: tallyAlpha(tally),
    ac1: tallyAC1(tally),
    bp: tallyBP(tally),
    uAlpha: unitizingAlpha(cells.map((c) => c.part)),
    binaryUAlpha: unitizedAlpha(binary),
  };
}

/** All codes together in some documents: the codes' cells (code → its cells) and the documents' 2016 coincidences. */
export interface PooledInput {
  cellsByCode: Cell[][];
  /** every code as its own value, gaps included */
  all: Coincidences;
  /** any code against none */
  any: Coincidences;
  /** codes collapsed to their top-level family */
  families: Coincidences;
}

export function pooledRow(input: PooledInput, units: number): PooledAgreementRow {
  const tally = emptyTally(input.cellsByCode.every((cells) => cells.every((c) => c.tally.pair !== null)));
  for (const cells of input.cellsByCode) for (const c of cells) addTally(tally, c.tally);
  return {
    code: null,
    codeId: null,
    units,
    percentAgreement: tallyPercentAgreement(tally),
    kappa: tallyKappa(tally),
    alpha: tallyAlpha(tally),
    ac1: tallyAC1(tally),
    bp: tallyBP(tally),
    uAlpha: pooledUnitizingAlpha(input.cellsByCode.map((cells) => cells.map((c) => c.part))),
    binaryUAlpha: unitizedAlpha(input.any),
    uAlpha2016: unitizedAlpha(input.all),
    cuAlpha: codingAlpha(input.all),
    CuAlpha: codingAlpha(input.families),
  };
}

/** One document's 2016 coincidences over all codes (each code a label; `family` maps a code label to its family's). */
export function documentCoincidences(d: ComparedDocument, spans: Map<string, CodedSpan[]>, family: (label: number) => number): Omit<PooledInput, 'cellsByCode'> {
  const coders = d.coders.map((c) => spans.get(c) ?? []);
  const all = emptyCoincidences();
  const any = emptyCoincidences();
  const families = emptyCoincidences();
  addDocument(all, d.chars, coders);
  addDocument(any, d.chars, coders, (l) => l, true);
  addDocument(families, d.chars, coders, family);
  return { all, any, families };
}

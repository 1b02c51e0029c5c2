import type { AgreementRow } from '../../shared/api/team';
import { bootstrapSparse, drawTotals, resampleCounts } from '../../shared/reliability/bootstrap';
import type { ComparedDocument } from './agreement-data';
import { cellAlphaDisagreement, type Cell } from './agreement-rows';
import { unitCount } from './agreement-tally';

// Bootstrap intervals for the rows of one report: every row resamples the same
// draws of documents (one seeded table of counts), so rows are comparable and the
// same seed gives the same intervals. A document's size — alpha's pairable values
// m·n, αU's length — is the same for every code, so its per-draw totals are summed
// once; a code's disagreement lives only in the documents where it was applied.

export const DEFAULT_DRAWS = 1000;
export const DEFAULT_SEED = 1;

export interface Resampling {
  counts: Uint16Array;
  documents: number;
  alphaW: { total: number; perDraw: Float64Array };
  uW: { total: number; perDraw: Float64Array };
}

export function resampling(docs: ComparedDocument[], unit: 'char' | 'turn', draws: number, seed: number): Resampling {
  const counts = resampleCounts(docs.length, draws, seed);
  const alphaW = docs.map((d) => d.coders.length * unitCount(d, unit));
  const uW = docs.map((d) => d.chars);
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  return {
    counts,
    documents: docs.length,
    alphaW: { total: sum(alphaW), perDraw: drawTotals(alphaW, counts, draws) },
    uW: { total: sum(uW), perDraw: drawTotals(uW, counts, draws) },
  };
}

/** Adds ci and pBelow to a row from its cells (document index → the cells of that document). */
export function withInterval<R extends AgreementRow>(row: R, cells: Map<number, Cell[]>, r: Resampling): R {
  const at = Int32Array.from(cells.keys());
  const alphaD = new Float64Array(at.length);
  const uD = new Float64Array(at.length);
  [...cells.values()].forEach((list, i) => {
    for (const c of list) {
      alphaD[i] += cellAlphaDisagreement(c);
      uD[i] += c.part.observed;
    }
  });
  const a = bootstrapSparse(row.alpha, at, alphaD, r.alphaW.total, r.alphaW.perDraw, r.counts, r.documents);
  const u = bootstrapSparse(row.uAlpha, at, uD, r.uW.total, r.uW.perDraw, r.counts, r.documents);
  return { ...row, ci: { alpha: a?.ci ?? null, uAlpha: u?.ci ?? null }, pBelow: a?.pBelow ?? null, pBelowUAlpha: u?.pBelow ?? null };
}

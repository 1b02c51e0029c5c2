import type { AgreementRow } from '../../shared/api/team';
import { bootstrapInterval, resampleCounts } from '../../shared/reliability/bootstrap';
import { cellDisagreement, type Cell } from './agreement-rows';

// Bootstrap intervals for the rows of one report: every row resamples the same
// draws of documents (one seeded table of counts), so rows are comparable and the
// same seed gives the same intervals.

export const DEFAULT_DRAWS = 1000;
export const DEFAULT_SEED = 1;

export interface Resampling {
  counts: Uint16Array;
  draws: number;
}

export function resampling(documents: number, draws: number, seed: number): Resampling {
  return { counts: resampleCounts(documents, draws, seed), draws };
}

/** Adds ci and pBelow to a row from its cells, one per document in the report's document order. */
export function withInterval<R extends AgreementRow>(row: R, cellsByDocument: Cell[][], r: Resampling): R {
  const n = cellsByDocument.length;
  const alphaD = new Float64Array(n);
  const alphaW = new Float64Array(n);
  const uD = new Float64Array(n);
  const uW = new Float64Array(n);
  cellsByDocument.forEach((cells, k) => {
    for (const c of cells) {
      const x = cellDisagreement(c);
      alphaD[k] += x.alphaD;
      alphaW[k] += x.alphaW;
      uD[k] += x.uD;
      // a document's length counts once however many codes it holds: αU's Do of every code is over the same L²
      uW[k] = Math.max(uW[k], x.uW);
    }
  });
  const a = bootstrapInterval(row.alpha, alphaD, alphaW, r.counts, r.draws);
  const u = bootstrapInterval(row.uAlpha, uD, uW, r.counts, r.draws);
  return { ...row, ci: { alpha: a?.ci ?? null, uAlpha: u?.ci ?? null }, pBelow: a?.pBelow ?? null, pBelowUAlpha: u?.pBelow ?? null };
}

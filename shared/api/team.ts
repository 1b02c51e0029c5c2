import { z } from 'zod';
import { id, offset, returns, text } from './method';
import { operation } from './operations';
import { MERGE_KINDS, type MergeKind } from './choices';

// Coder copies, merging project files, inter-coder agreement and consensus.

// ---- merge ----------------------------------------------------------------------

export { MERGE_KINDS, type MergeKind };

/** Per entity kind: rows new to the master, updated (incl. deleted) by the copy, left as they were, in conflict. */
export interface MergeCounts {
  new: number;
  updated: number;
  /** of `updated`: rows the copy deleted (tombstones carried over) */
  deleted: number;
  unchanged: number;
  conflicts: number;
}

export interface MergeConflict {
  kind: MergeKind;
  /** the master's id of the entity */
  id: string;
  /** what a researcher calls it: a code path, a document name, a passage */
  label: string;
  reason: string;
  /** whose version is in the master after the merge */
  kept: 'master' | 'copy' | 'both';
  /** the fields that differ */
  fields: { field: string; master: string | number | null; copy: string | number | null }[];
}

export interface MergeFileReport {
  file: string;
  path: string;
  projectId: string;
  sha256: string;
  /** the coder a coder copy was made for; null for another project */
  coder: string | null;
  /** when the coder copy was made; null for another project */
  madeAt: string | null;
  /** when this very file (same SHA-256) was merged before, if it was: nothing to do then */
  alreadyMerged: string | null;
  counts: Record<MergeKind, MergeCounts>;
  conflicts: MergeConflict[];
}

export interface MergeReport {
  dryRun: boolean;
  files: MergeFileReport[];
  totals: Record<MergeKind, MergeCounts>;
  conflicts: number;
  /** whether the master's content changed (or, in a dry run, would change) */
  changed: boolean;
  /** the backup written before the merge (null in a dry run or when nothing changed) */
  backup: string | null;
}

/** One row of the master's merge log. */
export interface MergeLogEntry {
  id: string;
  file: string;
  projectId: string;
  sha256: string;
  mergedAt: string;
  counts: Record<MergeKind, MergeCounts>;
  conflicts: number;
}

export interface CoderCopyResult {
  path: string;
  file: string;
  coder: { id: string; name: string };
  documents: number;
  segments: number;
  madeAt: string;
}

// ---- agreement ------------------------------------------------------------------

export type AgreementUnit = 'char' | 'turn';

/** One row of the agreement table (the CLI's --json keys, plus the code's id). */
export interface AgreementRow {
  /** the code's path; null for the pooled row */
  code: string | null;
  codeId: string | null;
  /** characters (UTF-16 units) or speaker turns compared */
  units: number;
  /** null where undefined (no unit judged by two coders) */
  percentAgreement: number | null;
  /** Cohen's kappa: two coders only; null otherwise or where undefined */
  kappa: number | null;
  /** Krippendorff's alpha (nominal, coded / not coded): null where undefined */
  alpha: number | null;
  /** Gwet's AC1 of the same judgements */
  ac1: number | null;
  /** Brennan–Prediger of the same judgements (chance agreement 1/2) */
  bp: number | null;
  /** Krippendorff's (2004) unitizing alpha αU of the code on the documents' text; pooled: over all codes */
  uAlpha: number | null;
  /** Krippendorff et al.'s (2016) |uα: the code's units against the gaps (pooled: any code against none) */
  binaryUAlpha: number | null;
  /** bootstrap 95 % intervals (only when asked for) */
  ci?: { alpha: [number, number] | null; uAlpha: [number, number] | null };
  /** bootstrap probability that alpha lies below 0.667 and 0.800 (only when asked for) */
  pBelow?: { '0.667': number; '0.8': number } | null;
  /** the same for the unitizing alpha */
  pBelowUAlpha?: { '0.667': number; '0.8': number } | null;
}

/** The pooled row: every code, and Krippendorff et al.'s (2016) unitizing coefficients over all codes. */
export interface PooledAgreementRow extends AgreementRow {
  /** uα: all codes and the gaps between them */
  uAlpha2016: number | null;
  /** cuα (Krippendorff et al. 2016): which code, only where coders' coded sections intersect */
  cuAlpha: number | null;
  /** Cuα: cuα with codes collapsed to their top-level family (Fieldcode's own; not in the 2016 family) */
  CuAlpha: number | null;
}

/** One document's agreement: every code applied there, and pooled. */
export interface DocumentAgreement {
  documentId: string;
  document: string;
  coders: string[];
  codes: AgreementRow[];
  pooled: PooledAgreementRow;
}

/** Agreement of one pair of the chosen coders (when more than two are compared). */
export interface PairAgreement {
  coders: [string, string];
  documents: number;
  pooled: PooledAgreementRow;
}

/** A reliability sample recorded in the project. */
export interface ReliabilitySample {
  id: string;
  name: string;
  /** how it was drawn: "12 documents" or "10 %", and the attribute it was stratified by */
  size: { documents: number } | { percent: number };
  stratifiedBy: string | null;
  seed: number;
  createdAt: string;
  documents: { id: string; name: string; stratum: string | null }[];
}

export interface AgreementReport {
  unit: AgreementUnit;
  coders: { id: string; name: string }[];
  /** the documents compared: coded by two or more of the coders */
  documents: { id: string; name: string; coders: string[] }[];
  codes: AgreementRow[];
  pooled: PooledAgreementRow;
  /** the reliability sample agreement was computed on, if any */
  sample: { id: string; name: string } | null;
  /** bootstrap draws and seed, when intervals were asked for */
  bootstrap: { draws: number; seed: number } | null;
  /** per document (when asked for) */
  byDocument?: DocumentAgreement[];
  /** per pair of coders (when asked for and more than two coders are compared) */
  byPair?: PairAgreement[];
}

export interface DisagreementSpan {
  segmentId: string;
  start: number;
  end: number;
}

/** A passage of one document where the coders differ on one code. */
export interface Disagreement {
  documentId: string;
  document: string;
  codeId: string;
  code: string;
  /** the passage: from the first to the last character any coder coded here */
  start: number;
  end: number;
  text: string;
  /** every compared coder who coded the document, with their spans here (empty: did not code it) */
  coders: { coderId: string; coder: string; spans: DisagreementSpan[] }[];
  /** what the consensus coder holds here now (empty when unresolved or dropped) */
  consensus: { start: number; end: number }[];
  resolved: boolean;
}

export type Resolution = { keep: 'coder'; coderId: string } | { keep: 'both' } | { keep: 'drop' };

export interface TeamCoder {
  id: string;
  name: string;
  segments: number;
  documents: number;
  consensus: boolean;
}

// ---- the contract -----------------------------------------------------------------

const paths = z.array(text(4096).min(1)).min(1).max(200);
const agreementFilter = {
  coderIds: z.array(id).max(100).optional(),
  documentIds: z.array(id).max(10_000).optional(),
  unit: z.enum(['char', 'turn']).default('char'),
  /** a reliability sample's id or name: only its documents */
  sample: text(200).min(1).optional(),
};
const agreementOptions = {
  codeIds: z.array(id).max(10_000).optional(),
  /** bootstrap draws for the intervals (0: none) */
  ci: z.number().int().min(0).max(100_000).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  byDocument: z.boolean().optional(),
  byPair: z.boolean().optional(),
};

export const teamApi = {
  'team.coders': returns<TeamCoder[]>()(z.object({})),
  'team.coderCopy': returns<CoderCopyResult>()(
    z.object({ out: text(4096).min(1), coder: text(100).min(1), documents: z.array(text(1000)).max(10_000).optional(), withCodings: z.boolean().optional() }),
  ),
  'team.mergePreview': returns<MergeReport>()(z.object({ paths, operation: operation.optional() })),
  'team.merge': returns<MergeReport>()(z.object({ paths, operation: operation.optional() })),
  'team.merges': returns<MergeLogEntry[]>()(z.object({})),
  'team.agreement': returns<AgreementReport>()(z.object({ ...agreementFilter, ...agreementOptions })),
  'team.disagreements': returns<Disagreement[]>()(z.object({ ...agreementFilter, codeId: id, limit: z.number().int().min(1).max(10_000).optional() })),
  'team.resolve': returns<Disagreement>()(
    z.object({
      documentId: id,
      codeId: id,
      start: offset,
      end: offset,
      coderIds: z.array(id).max(100).optional(),
      resolution: z.discriminatedUnion('keep', [
        z.object({ keep: z.literal('coder'), coderId: id }),
        z.object({ keep: z.literal('both') }),
        z.object({ keep: z.literal('drop') }),
      ]),
      consensusCoder: text(100).min(1).optional(),
    }),
  ),
  'team.acceptAgreements': returns<{ segments: number }>()(z.object({ ...agreementFilter, consensusCoder: text(100).min(1).optional() })),
};

import { emptyTally } from '../../shared/agreement';
import type { AgreementReport, AgreementUnit, DocumentAgreement, PairAgreement } from '../../shared/api/team';
import { unitizingDisagreement } from '../../shared/reliability/unitizing';
import { emptyCoincidences, mergeCoincidences, type CodedSpan } from '../../shared/reliability/unitizing2016';
import type { Project } from '../store/db';
import { DEFAULT_DRAWS, DEFAULT_SEED, resampling, withInterval, type Resampling } from './agreement-ci';
import { loadAgreementData, type AgreementData, type AgreementFilter, type ComparedDocument } from './agreement-data';
import { codeRow, codeWork, documentCoincidences, pooledRow, type Cell, type CodeWork, type PooledCoincidences } from './agreement-rows';
import { tallyDocument, unitCount } from './agreement-tally';

// Project agreement per code and pooled. Each unit — a character (UTF-16 code
// unit, whitespace included) or a speaker turn — of each compared document is a
// binary judgement per code and coder: coded with the code or not. A document is
// compared over the chosen coders who coded it.
//   percent agreement: share of agreeing coder pairs over all coder pairs and units;
//   kappa: Cohen's kappa, only when exactly two coders are compared;
//   alpha: Krippendorff's alpha, nominal, any number of coders;
//   ac1, bp: Gwet's AC1 and Brennan–Prediger on the same judgements;
//   uAlpha: Krippendorff's (2004) unitizing alpha on the documents' characters
//     (whatever the unit above), binaryUAlpha the 2016 |uα of the code;
//   pooled: the codes' tallies summed (every unit × code one judgement) — for two
//   coders this is De Vries et al.'s pooled kappa; "units" stays the unit count —
//   and the 2016 coefficients over all codes (uα, |uα, cuα, Cuα).

export interface AgreementOptions extends AgreementFilter {
  /** bootstrap draws (0 or absent: no intervals) */
  ci?: number;
  seed?: number;
  byDocument?: boolean;
  byPair?: boolean;
}

/** Live codes in codebook order with their paths (without listCodes' segment counts, which agreement does not need). */
function codesInOrder(p: Project): { id: string; path: string }[] {
  const rows = p.db.prepare('SELECT id, parent_id, name, sort FROM codes WHERE deleted_at IS NULL').all() as {
    id: string;
    parent_id: string | null;
    name: string;
    sort: number;
  }[];
  const ids = new Set(rows.map((r) => r.id));
  const kids = new Map<string | null, typeof rows>();
  for (const r of rows) {
    const parent = r.parent_id && ids.has(r.parent_id) ? r.parent_id : null;
    kids.set(parent, [...(kids.get(parent) ?? []), r]);
  }
  const out: { id: string; path: string }[] = [];
  const walk = (parent: string | null, prefix: string) => {
    for (const r of (kids.get(parent) ?? []).sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name))) {
      const path = prefix ? `${prefix}/${r.name}` : r.name;
      out.push({ id: r.id, path });
      walk(r.id, path);
    }
  };
  walk(null, '');
  return out;
}

/**
 * Agreement per code and pooled. Codes listed: those any compared coder applied
 * in a compared document (or the codes asked for), in codebook order.
 */
export function agreement(p: Project, f: AgreementOptions = {}): AgreementReport {
  return agreementOf(codesInOrder(p), loadAgreementData(p, f), f);
}

/** The report from data already loaded (`allCodes`: every live code in codebook order). */
function agreementOf(allCodes: { id: string; path: string }[], data: AgreementData, f: AgreementOptions): AgreementReport {
  const docs = data.documents;
  const units = docs.reduce((s, d) => s + unitCount(d, data.unit), 0);
  const codes = allCodes.filter((c) => data.spans.has(c.id));
  const familyOf = new Map<string, number>();
  const family = codes.map((c) => {
    const top = c.path.split('/')[0];
    if (!familyOf.has(top)) familyOf.set(top, familyOf.size);
    return familyOf.get(top)!;
  });
  const work = codes.map((c) => codeWork(docs, data.spans.get(c.id)!, data));
  const perDoc = documentsCoincidences(docs, codes, data, (l) => family[l]);
  const total: PooledCoincidences = { all: emptyCoincidences(), any: emptyCoincidences(), families: emptyCoincidences() };
  for (const x of perDoc) {
    mergeCoincidences(total.all, x.all);
    mergeCoincidences(total.any, x.any);
    mergeCoincidences(total.families, x.families);
  }
  const draws = f.ci ?? 0;
  const seed = f.seed ?? DEFAULT_SEED;
  const r: Resampling | null = draws > 0 && docs.length > 0 ? resampling(docs, data.unit, draws, seed) : null;

  const codeRows = codes.map((c, i) => {
    const row = codeRow(c.path, c.id, work[i]);
    return r ? withInterval(row, new Map([...work[i].cells].map(([k, x]) => [k, [x]])), r) : row;
  });
  let pooled = pooledRow(
    work.map((w) => w.tally),
    work.map((w) => w.unitizing),
    total,
    units,
  );
  if (r) {
    const byDocument = new Map<number, Cell[]>();
    for (const w of work) for (const [k, x] of w.cells) byDocument.set(k, [...(byDocument.get(k) ?? []), x]);
    pooled = withInterval(pooled, byDocument, r);
  }
  const names = new Map(data.coders.map((c) => [c.id, c.name]));
  const report: AgreementReport = {
    unit: data.unit,
    coders: data.coders,
    documents: docs.map((d) => ({ id: d.id, name: d.name, coders: d.coders.map((c) => names.get(c)!) })),
    codes: codeRows,
    pooled,
    sample: data.sample,
    bootstrap: r ? { draws, seed } : null,
  };
  if (f.byDocument) report.byDocument = docs.map((d, k) => documentRow(d, k, codes, work, perDoc[k], data.unit, names, data.coders.length === 2));
  if (f.byPair && data.coders.length > 2) report.byPair = pairs(allCodes, data, f);
  return report;
}

/** Each document's 2016 coincidences over all codes (a code's label is its index in `codes`). */
function documentsCoincidences(
  docs: ComparedDocument[],
  codes: { id: string }[],
  data: AgreementData,
  family: (label: number) => number,
): PooledCoincidences[] {
  const spansByDoc = new Map<string, Map<string, CodedSpan[]>>(docs.map((d) => [d.id, new Map()]));
  codes.forEach((c, label) => {
    for (const [docId, byCoder] of data.spans.get(c.id)!) {
      const perCoder = spansByDoc.get(docId);
      if (!perCoder) continue;
      for (const [coder, spans] of byCoder) {
        const list = perCoder.get(coder) ?? [];
        for (const s of spans) list.push({ start: s.start, end: s.end, label });
        perCoder.set(coder, list);
      }
    }
  });
  return docs.map((d) => documentCoincidences(d, spansByDoc.get(d.id)!, family));
}

function documentRow(
  d: ComparedDocument,
  k: number,
  codes: { id: string; path: string }[],
  work: CodeWork[],
  coincidences: PooledCoincidences,
  unit: AgreementUnit,
  names: Map<string, string>,
  twoCoders: boolean,
): DocumentAgreement {
  const applied = codes.flatMap((c, i) => {
    const x = work[i].cells.get(k);
    return x ? [{ c, x }] : [];
  });
  // the codes nobody applied here: every unit agrees on "not coded"
  const absent = emptyTally(twoCoders);
  for (let i = applied.length; i < codes.length; i++) tallyDocument(absent, d, null, unit);
  return {
    documentId: d.id,
    document: d.name,
    coders: d.coders.map((c) => names.get(c)!),
    codes: applied.map(({ c, x }) => codeRow(c.path, c.id, { ...x, unitizing: unitizingDisagreement([x.part]) })),
    pooled: pooledRow(
      [...applied.map(({ x }) => x.tally), absent],
      applied.map(({ x }) => unitizingDisagreement([x.part])),
      coincidences,
      unitCount(d, unit),
    ),
  };
}

/** The pooled figures of every pair of the chosen coders, from the data loaded once (no query per pair). */
function pairs(allCodes: { id: string; path: string }[], data: AgreementData, f: AgreementOptions): PairAgreement[] {
  const out: PairAgreement[] = [];
  const { coders } = data;
  for (let i = 0; i < coders.length; i++) {
    for (let j = i + 1; j < coders.length; j++) {
      const r = agreementOf(allCodes, pairData(data, coders[i].id, coders[j].id, f.codeIds), { ...f, byPair: false, byDocument: false });
      out.push({ coders: [coders[i].name, coders[j].name], documents: r.documents.length, pooled: r.pooled });
    }
  }
  return out;
}

/** The data as loadAgreementData would give it for two of its coders: the documents both coded, their spans there. */
function pairData(data: AgreementData, a: string, b: string, codeIds?: string[]): AgreementData {
  const pair = new Set([a, b]);
  const documents = data.documents
    .filter((d) => d.coders.includes(a) && d.coders.includes(b))
    .map((d) => ({ ...d, coders: d.coders.filter((c) => pair.has(c)) }));
  const included = new Set(documents.map((d) => d.id));
  const spans: AgreementData['spans'] = new Map();
  // codes asked for are listed even where nobody applied them, as loadAgreementData lists them
  if (codeIds && codeIds.length > 0) for (const id of codeIds) spans.set(id, new Map());
  for (const [code, byDoc] of data.spans) {
    for (const [doc, byCoder] of byDoc) {
      if (!included.has(doc)) continue;
      const kept = new Map([...byCoder].filter(([c]) => pair.has(c)));
      if (kept.size === 0) continue;
      let docs = spans.get(code);
      if (!docs) spans.set(code, (docs = new Map()));
      docs.set(doc, kept);
    }
  }
  return { ...data, coders: data.coders.filter((c) => pair.has(c.id)), documents, spans };
}

export { DEFAULT_DRAWS };

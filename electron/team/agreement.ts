import { addPair, addTally, addUnits, emptyTally, tallyAlpha, tallyKappa, tallyPercentAgreement, tallyUnits, type BinaryTally } from '../../shared/agreement';
import type { AgreementReport, AgreementRow } from '../../shared/api/team';
import type { Project } from '../store/db';
import { loadAgreementData, turnsTouched, union, type AgreementData, type AgreementFilter, type ComparedDocument, type Span } from './agreement-data';

// Project agreement per code and pooled. Each unit — a character (UTF-16 code
// unit, whitespace included) or a speaker turn — of each compared document is a
// binary judgement per code and coder: coded with the code or not. A document is
// compared over the chosen coders who coded it; units are tallied from interval
// sweeps (shared/agreement-binary.ts), never expanded one by one.
//   percent agreement: share of agreeing coder pairs over all coder pairs and units;
//   kappa: Cohen's kappa, only when exactly two coders are compared;
//   alpha: Krippendorff's alpha, nominal, any number of coders;
//   pooled: the codes' tallies summed (every unit × code one judgement) — for two
//   coders this is De Vries et al.'s pooled kappa; "units" stays the unit count.

/** Units judged in one document: characters, or speaker turns. */
function unitCount(d: ComparedDocument, unit: AgreementData['unit']): number {
  return unit === 'char' ? d.chars : d.turns.length;
}

/** Adds one document's units for one code to the tally. */
function tallyDocument(t: BinaryTally, d: ComparedDocument, byCoder: Map<string, Span[]> | undefined, data: AgreementData): void {
  const n = unitCount(d, data.unit);
  const k = d.coders.length;
  if (n === 0) return;
  if (!byCoder) {
    // Nobody applied the code in this document: every unit agrees on "not coded".
    if (k === 2) return addPair(t, { both: 0, onlyA: 0, onlyB: 0, neither: n });
    return addUnits(t, k, 0, n);
  }
  const covered = d.coders.map((c) => union(byCoder.get(c) ?? [], d.chars));
  if (data.unit === 'turn') {
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
  // Characters: sweep the coders' coverage boundaries; between two boundaries the number of coders coding is constant.
  const events: [number, number][] = [];
  for (const spans of covered) for (const [s, e] of spans) events.push([s, 1], [e, -1]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const hist = new Array<number>(k + 1).fill(0);
  let active = 0;
  let at = 0;
  for (const [pos, delta] of events) {
    if (pos > at && active > 0) hist[active] += pos - at;
    at = pos;
    active += delta;
  }
  hist[0] = n - hist.reduce((s, x, j) => (j === 0 ? s : s + x), 0);
  if (k === 2) {
    const a = covered[0].reduce((s, [x, y]) => s + y - x, 0);
    const b = covered[1].reduce((s, [x, y]) => s + y - x, 0);
    return addPair(t, { both: hist[2], onlyA: a - hist[2], onlyB: b - hist[2], neither: hist[0] });
  }
  hist.forEach((count, j) => addUnits(t, k, j, count));
}

function row(code: string | null, codeId: string | null, t: BinaryTally, units: number): AgreementRow {
  return { code, codeId, units, percentAgreement: tallyPercentAgreement(t), kappa: tallyKappa(t), alpha: tallyAlpha(t) };
}

/** Live codes in codebook order with their paths (without listCodes' segment counts, which agreement does not need). */
function codesInOrder(p: Project): { id: string; path: string }[] {
  const rows = p.db.prepare('SELECT id, parent_id, name, sort FROM codes WHERE deleted_at IS NULL').all() as { id: string; parent_id: string | null; name: string; sort: number }[];
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
export function agreement(p: Project, f: AgreementFilter = {}): AgreementReport {
  const data = loadAgreementData(p, f);
  const twoCoders = data.coders.length === 2;
  const units = data.documents.reduce((s, d) => s + unitCount(d, data.unit), 0);
  const pooled = emptyTally(twoCoders);
  const codes: AgreementRow[] = [];
  for (const code of codesInOrder(p)) {
    const byDoc = data.spans.get(code.id);
    if (!byDoc) continue;
    const t = emptyTally(twoCoders);
    for (const d of data.documents) tallyDocument(t, d, byDoc.get(d.id), data);
    addTally(pooled, t);
    codes.push(row(code.path, code.id, t, tallyUnits(t)));
  }
  const names = new Map(data.coders.map((c) => [c.id, c.name]));
  return {
    unit: data.unit,
    coders: data.coders,
    documents: data.documents.map((d) => ({ id: d.id, name: d.name, coders: d.coders.map((c) => names.get(c)!) })),
    codes,
    pooled: row(null, null, pooled, units),
  };
}

import { basename } from 'node:path';
import type { Pair, PairImportReport } from '../../shared/api/analysis';
import { InputError, NotFoundError } from '../../shared/errors';
import { readRows } from '../cases/cases';
import { listCases } from '../store/cases';
import { currentCoder } from '../store/coders';
import type { Project } from '../store/db';
import { action } from '../store/history';
import * as store from '../store/pairs';

// Partner-school pairs: symmetric, at most one partner per case. Set one at a time
// in the Cases view, or from a sheet — two case-name columns, or a case sheet with
// a "partner" column (each pair then appears twice, the second time unchanged).
// Bad rows are refused one line each; the rest are imported in one undo step.

function caseNames(p: Project): Map<string, string> {
  return new Map(listCases(p).map((c) => [c.id, c.name]));
}

export function listPairs(p: Project): Pair[] {
  const names = caseNames(p);
  return store
    .livePairs(p)
    .map((r) => ({ id: r.id, a: { id: r.case_a, name: names.get(r.case_a)! }, b: { id: r.case_b, name: names.get(r.case_b)! } }))
    .map((x) => (x.a.name.localeCompare(x.b.name) <= 0 ? x : { ...x, a: x.b, b: x.a }))
    .sort((x, y) => x.a.name.localeCompare(y.a.name));
}

export function setPair(p: Project, caseId: string, partnerId: string | null): Pair[] {
  const names = caseNames(p);
  for (const id of [caseId, partnerId]) if (id !== null && !names.has(id)) throw new NotFoundError(`no case with id ${id}`);
  if (partnerId === caseId) throw new InputError(`${names.get(caseId)} cannot be its own partner`);
  const coder = currentCoder(p);
  const label = partnerId ? `Pair ${names.get(caseId)} with ${names.get(partnerId)}` : `Unpair ${names.get(caseId)}`;
  action(p, label, () => {
    const mine = store.pairOf(p, caseId);
    const same = mine && partnerId && (mine.case_a === partnerId || mine.case_b === partnerId);
    if (same) return;
    // A case has one partner: a school paired elsewhere is never taken away silently
    // (as a sheet import refuses such a row); its pair is cleared first, on purpose.
    const theirs = partnerId ? store.pairOf(p, partnerId) : null;
    if (theirs) {
      const other = theirs.case_a === partnerId ? theirs.case_b : theirs.case_a;
      throw new InputError(`${names.get(partnerId!)} is already paired with ${names.get(other)}. Clear that partner first.`);
    }
    if (mine) store.tombstonePair(p, mine.id, coder.id);
    if (partnerId) store.insertPair(p, caseId, partnerId, coder.id);
  });
  return listPairs(p);
}

/** Which two columns hold the pair: a header naming a partner, else the first two. */
function pairColumns(header: string[]): [number, number] {
  const partner = header.findIndex((h, i) => i > 0 && /partner/i.test(h));
  return partner > 0 ? [0, partner] : [0, 1];
}

export async function importPairs(p: Project, file: string, bytes: Uint8Array): Promise<PairImportReport> {
  const name = basename(file);
  const rows = (await readRows(name, bytes)).map((r) => r.map((v) => String(v ?? '').trim()));
  const [header, ...body] = rows;
  if (!header || header.length < 2) throw new InputError(`${name}: the sheet needs two columns of case names (or a case column and a "partner" column)`);
  const [ca, cb] = pairColumns(header);
  const byName = new Map(listCases(p).map((c) => [c.name.toLowerCase(), c]));
  const report: PairImportReport = { file: name, imported: 0, unchanged: 0, refused: [] };
  const coder = currentCoder(p);
  action(p, `Import pairs from ${name}`, () => {
    const partnerOf = new Map<string, string>();
    for (const r of store.livePairs(p)) partnerOf.set(r.case_a, r.case_b).set(r.case_b, r.case_a);
    body.forEach((row, i) => {
      const line = `row ${i + 2}`;
      const [x, y] = [row[ca] ?? '', row[cb] ?? ''];
      if (!x && !y) return;
      if (!x || !y) return report.refused.push(`${line}: ${x || y} has no partner named`);
      const a = byName.get(x.toLowerCase());
      const b = byName.get(y.toLowerCase());
      if (!a || !b) return report.refused.push(`${line}: no case named "${a ? y : x}"`);
      if (a.id === b.id) return report.refused.push(`${line}: ${a.name} cannot be its own partner`);
      if (partnerOf.get(a.id) === b.id) return report.unchanged++;
      const taken = [a, b].find((c) => partnerOf.has(c.id));
      if (taken) return report.refused.push(`${line}: ${taken.name} is already paired with ${caseName(p, partnerOf.get(taken.id)!)}`);
      store.insertPair(p, a.id, b.id, coder.id);
      partnerOf.set(a.id, b.id).set(b.id, a.id);
      report.imported++;
    });
  });
  return report;
}

function caseName(p: Project, id: string): string {
  return (p.db.prepare('SELECT name FROM cases WHERE id = ?').pluck().get(id) as string | undefined) ?? id;
}

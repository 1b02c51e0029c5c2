import type { CaseStudy, CaseStudySection, CaseStudyTemplate, Quotation } from '../../shared/api/analysis';
import type { CodedSegment } from '../../shared/api/coding';
import { NotFoundError } from '../../shared/errors';
import { collectSegments } from '../reports/retrieval';
import { listAttributes, listCases } from '../store/cases';
import { listCodes } from '../store/codes';
import type { Project } from '../store/db';
import { codeSet } from './counts';
import { listPairs } from './pairs';
import { summaryIndex, summaryText } from './summaries';

// Case-study drafts (the study's phase one): per case, a background table from
// its attributes, then each template section with the researcher's summary and
// memo, and the case's coded quotations grouped by code (speaker, document,
// position); a long section keeps the first quotations per code and says how
// many were left out. All cases' segments are read in one pass.

export const QUOTATIONS_PER_CODE = 5;

export function quotation(s: CodedSegment, anchor = false): Quotation {
  return {
    segmentId: s.id,
    documentId: s.documentId,
    document: s.document,
    speaker: s.speaker,
    start: s.start,
    end: s.end,
    text: s.text,
    caseName: s.caseName,
    anchor,
  };
}

export function caseStudies(p: Project, caseIds: string[], template: CaseStudyTemplate, perCode = QUOTATIONS_PER_CODE): CaseStudy[] {
  const codes = listCodes(p);
  const order = new Map(codes.map((c, i) => [c.id, i]));
  const cases = new Map(listCases(p).map((c) => [c.id, c]));
  for (const id of caseIds) if (!cases.has(id)) throw new NotFoundError(`no case with id ${id}`);
  const attributes = listAttributes(p).map((a) => a.name);
  const partner = new Map<string, string>();
  for (const pr of listPairs(p)) partner.set(pr.a.id, pr.b.name).set(pr.b.id, pr.a.name);
  const sections = template.sections.map((s) => ({ s, ids: new Set(s.codeIds.flatMap((id) => codeSet(codes, id, true))) }));
  const wanted = new Set(sections.flatMap((x) => [...x.ids]));
  const docCase = new Map<string, string>();
  const docStmt = p.db.prepare('SELECT id FROM documents WHERE case_id = ? AND deleted_at IS NULL').pluck();
  for (const id of caseIds) for (const d of docStmt.all(id) as string[]) docCase.set(d, id);
  const segs = docCase.size && wanted.size ? collectSegments(p, { codeIds: [...wanted], documentIds: [...docCase.keys()] }, codes, true) : [];
  const byCase = new Map<string, CodedSegment[]>();
  for (const s of segs) {
    const c = docCase.get(s.documentId)!;
    const list = byCase.get(c);
    if (list) list.push(s);
    else byCase.set(c, [s]);
  }
  const summaries = summaryIndex(p);
  const path = new Map(codes.map((c) => [c.id, c.path]));
  return caseIds.map((caseId) => {
    const c = cases.get(caseId)!;
    const mine = byCase.get(caseId) ?? [];
    const out: CaseStudySection[] = sections.map(({ s, ids }) => {
      const byCode = new Map<string, CodedSegment[]>();
      for (const seg of mine) {
        if (!ids.has(seg.codeId)) continue;
        const list = byCode.get(seg.codeId);
        if (list) list.push(seg);
        else byCode.set(seg.codeId, [seg]);
      }
      const codeRows = [...byCode.entries()]
        .sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
        .map(([id, list]) => ({
          id,
          path: path.get(id) ?? '',
          segments: list.length,
          quotations: list.slice(0, perCode).map((x) => quotation(x)),
          leftOut: Math.max(0, list.length - perCode),
        }));
      const cell = { rowKind: 'case' as const, rowKey: caseId, columnKey: s.id };
      return {
        id: s.id,
        title: s.title,
        description: s.description,
        segments: codeRows.reduce((n, r) => n + r.segments, 0),
        summary: summaryText(summaries, { ...cell, columnKind: 'section' }),
        memo: summaryText(summaries, { ...cell, columnKind: 'memo' }),
        codes: codeRows,
      };
    });
    return {
      caseId,
      title: c.name,
      template: template.name,
      background: backgroundRows(attributes, c, partner.get(caseId)),
      partner: partner.get(caseId) ?? null,
      sections: out,
    };
  });
}

/**
 * The background table: the case's attributes, its documents, and its partner
 * school. The pair (Cases view, pairs sheet) names the partner; a case-sheet
 * column of the same name ("partner school", "partner") gives way to it rather
 * than showing the school twice, possibly with an older name.
 */
export function backgroundRows(
  attributes: string[],
  c: { attributes: Record<string, string>; documents: number },
  partner: string | undefined,
): [string, string][] {
  const isPartnerColumn = (a: string) => partner !== undefined && /^partner( school)?$/i.test(a.trim());
  const rows: [string, string][] = attributes.filter((a) => c.attributes[a] !== undefined && !isPartnerColumn(a)).map((a) => [a, c.attributes[a]]);
  rows.push(['documents', String(c.documents)]);
  if (partner !== undefined) rows.push(['partner school', partner]);
  return rows;
}

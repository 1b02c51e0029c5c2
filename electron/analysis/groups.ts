import type { GroupCode, GroupSummary, Quotation } from '../../shared/api/analysis';
import type { CodedSegment } from '../../shared/api/coding';
import { collectSegments } from '../reports/retrieval';
import { listCodes } from '../store/codes';
import type { Project } from '../store/db';
import { quotation } from './case-study';
import { codeSet, segmentCounts, sumOver } from './counts';
import { groupCases, type Where } from './rows';
import { summaryIndex, summaryText } from './summaries';

// Group summaries (the study's phase two: UK-Primary … Asia-All Age) and the code ×
// group comparison (phase three). Per group and code: k of n cases, segments, and
// exemplar quotations — the code's anchor examples first, then a deterministic
// spread: one quotation from each case in name order, round after round.

export const EXEMPLARS = 3;

export interface GroupSpec {
  by: string[];
  codeIds?: string[];
  descendants?: boolean;
  where?: Where;
  exemplars?: number;
}

export function spread(byCase: CodedSegment[][], anchors: Set<string>, n: number): Quotation[] {
  const out: Quotation[] = [];
  const used = new Set<string>();
  const take = (s: CodedSegment, anchor: boolean) => {
    if (out.length >= n || used.has(s.id)) return;
    out.push(quotation(s, anchor));
    used.add(s.id);
  };
  for (const list of byCase) for (const s of list) if (anchors.has(s.id)) take(s, true);
  for (let round = 0; out.length < n; round++) {
    let any = false;
    for (const list of byCase) {
      if (round >= list.length) continue;
      any = true;
      take(list[round], false);
    }
    if (!any) break;
  }
  return out;
}

export function groupSummaries(p: Project, spec: GroupSpec): GroupSummary[] {
  const codes = listCodes(p);
  const chosen = spec.codeIds ? codes.filter((c) => spec.codeIds!.includes(c.id)) : codes;
  const sets = new Map(chosen.map((c) => [c.id, new Set(codeSet(codes, c.id, !!spec.descendants))]));
  const counts = segmentCounts(p, 'case');
  const groups = groupCases(p, spec.by, spec.where);
  const anchors = new Set(p.db.prepare('SELECT segment_id FROM anchor_examples WHERE deleted_at IS NULL').pluck().all() as string[]);
  const caseOfDoc = new Map(
    p.db.prepare('SELECT id, case_id FROM documents WHERE deleted_at IS NULL AND case_id IS NOT NULL').raw(true).all() as [string, string][],
  );
  // Segments per case and code, in document order, for the exemplars.
  const perCase = new Map<string, Map<string, CodedSegment[]>>();
  for (const s of collectSegments(p, {}, codes, true)) {
    const c = caseOfDoc.get(s.documentId);
    if (!c) continue;
    let m = perCase.get(c);
    if (!m) perCase.set(c, (m = new Map()));
    const list = m.get(s.codeId);
    if (list) list.push(s);
    else m.set(s.codeId, [s]);
  }
  const summaries = summaryIndex(p);
  return groups.map((g) => {
    const cases = [...g.cases].sort((a, b) => a.name.localeCompare(b.name));
    const rows: GroupCode[] = [];
    for (const code of chosen) {
      const ids = [...sets.get(code.id)!];
      const perCaseCounts = cases.map((c) => sumOver(counts, c.id, ids));
      const segments = perCaseCounts.reduce((a, b) => a + b, 0);
      if (segments === 0 && !spec.codeIds) continue;
      const lists = cases.map((c) =>
        ids
          .flatMap((id) => perCase.get(c.id)?.get(id) ?? [])
          .sort((a, b) => (a.documentId === b.documentId ? a.start - b.start : a.document.localeCompare(b.document))),
      );
      rows.push({
        id: code.id,
        path: code.path,
        cases: perCaseCounts.filter((n) => n > 0).length,
        segments,
        exemplars: spread(lists, anchors, spec.exemplars ?? EXEMPLARS),
        summary: summaryText(summaries, { rowKind: 'group', rowKey: g.key, columnKind: 'code', columnKey: code.id }),
      });
    }
    return {
      key: g.key,
      group: g.group,
      label: g.label,
      cases: cases.length,
      codes: rows,
      summary: summaryText(summaries, { rowKind: 'group', rowKey: g.key, columnKind: 'memo', columnKey: '' }),
    };
  });
}

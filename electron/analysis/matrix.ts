import type { FrameworkMatrix, MatrixColumn, MatrixRow, Quotation, SummaryColumnKind } from '../../shared/api/analysis';
import { NotFoundError } from '../../shared/errors';
import type { Code } from '../../shared/types';
import { collectSegments } from '../reports/retrieval';
import { listCodes } from '../store/codes';
import type { Project } from '../store/db';
import { codeSet, segmentCounts, sumOver } from './counts';
import { checkedWhere, groupCases, type Where } from './rows';
import { cellKey, summaryIndex } from './summaries';
import { findTemplate } from './templates';

// The framework matrix (NVivo's name; MAXQDA calls it a summary grid): cases or
// documents down, codes or case-study sections across; each cell counts the
// segments and holds the researcher's summary of them.

export type ColumnSpec = { kind: 'branch'; codeId: string } | { kind: 'list'; codeIds: string[] } | { kind: 'sections'; templateId?: string };

export interface MatrixSpec {
  rows: 'case' | 'document';
  columns: ColumnSpec;
  where?: Where;
  groupBy?: string[];
  descendants?: boolean;
}

export function matrixColumns(p: Project, codes: readonly Code[], spec: ColumnSpec, descendants: boolean): MatrixColumn[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const code = (id: string) => {
    const c = byId.get(id);
    if (!c) throw new NotFoundError(`no code with id ${id}`);
    return c;
  };
  const column = (c: Code): MatrixColumn => ({ key: c.id, kind: 'code', label: c.path, codeIds: codeSet(codes, c.id, descendants) });
  if (spec.kind === 'list') return spec.codeIds.map((id) => column(code(id)));
  if (spec.kind === 'branch') {
    const kids = codes.filter((c) => c.parentId === code(spec.codeId).id);
    return (kids.length ? kids : [code(spec.codeId)]).map(column);
  }
  const t = findTemplate(p, spec.templateId);
  return t.sections.map((s) => ({ key: s.id, kind: 'section', label: s.title, codeIds: [...new Set(s.codeIds.flatMap((id) => codeSet(codes, id, true)))] }));
}

export function frameworkMatrix(p: Project, spec: MatrixSpec): FrameworkMatrix {
  const codes = listCodes(p);
  const columns = matrixColumns(p, codes, spec.columns, !!spec.descendants);
  const counts = segmentCounts(p, spec.rows);
  const summaries = summaryIndex(p);
  const groups = groupCases(p, spec.groupBy ?? [], checkedWhere(p, spec.where));
  const rows: MatrixRow[] = [];
  const docs =
    spec.rows === 'document'
      ? (p.db.prepare('SELECT id, name, case_id FROM documents WHERE deleted_at IS NULL ORDER BY name').all() as {
          id: string;
          name: string;
          case_id: string | null;
        }[])
      : [];
  for (const g of groups) {
    const entries =
      spec.rows === 'case'
        ? g.cases.map((c) => ({ key: c.id, label: c.name, attributes: c.attributes }))
        : g.cases.flatMap((c) => docs.filter((d) => d.case_id === c.id).map((d) => ({ key: d.id, label: d.name, attributes: c.attributes })));
    for (const e of entries) {
      const cell = (col: MatrixColumn) =>
        summaries.get(cellKey({ rowKind: spec.rows, rowKey: e.key, columnKind: col.kind as SummaryColumnKind, columnKey: col.key })) ?? null;
      rows.push({ ...e, group: g.label, segments: columns.map((col) => sumOver(counts, e.key, col.codeIds)), summaries: columns.map(cell) });
    }
  }
  return { rowKind: spec.rows, columns, rows };
}

/** The segments behind one cell, in document order, for the matrix's click-through. */
export function cellQuotations(p: Project, rowKind: 'case' | 'document', rowKey: string, codeIds: string[], descendants: boolean): Quotation[] {
  const codes = listCodes(p);
  const ids = [...new Set(codeIds.flatMap((id) => codeSet(codes, id, descendants)))];
  const documentIds =
    rowKind === 'document' ? [rowKey] : (p.db.prepare('SELECT id FROM documents WHERE case_id = ? AND deleted_at IS NULL').pluck().all(rowKey) as string[]);
  if (documentIds.length === 0 || ids.length === 0) return [];
  return collectSegments(p, { codeIds: ids, documentIds }, codes, true).map((s) => ({
    segmentId: s.id,
    documentId: s.documentId,
    document: s.document,
    speaker: s.speaker,
    start: s.start,
    end: s.end,
    text: s.text,
    caseName: s.caseName,
    anchor: false,
  }));
}

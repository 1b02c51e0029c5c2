import type { Summary, SummaryCell } from '../../shared/api/analysis';
import { currentCoder } from '../store/coders';
import { listCodes } from '../store/codes';
import type { Project } from '../store/db';
import { action } from '../store/history';
import * as store from '../store/summaries';

// Summaries are the researcher's prose in a framework-matrix cell, a case-study
// section (its summary and its memo) or a group summary. Saving is one undo step;
// saving an empty text deletes the summary (a tombstone, so merges see it).

function coderNames(p: Project): Map<string, string> {
  return new Map((p.db.prepare('SELECT id, name FROM coders').raw(true).all() as [string, string][]).map(([id, name]) => [id, name]));
}

export function toSummary(r: store.SummaryRow, names: Map<string, string>): Summary {
  return {
    id: r.id,
    rowKind: r.row_kind,
    rowKey: r.row_key,
    columnKind: r.column_kind,
    columnKey: r.column_key,
    body: r.body,
    coder: names.get(r.coder_id) ?? '',
    updatedAt: r.updated_at,
  };
}

export const cellKey = (c: SummaryCell): string => `${c.rowKind}\u0000${c.rowKey}\u0000${c.columnKind}\u0000${c.columnKey}`;

/** Every live summary (or those containing every word of `search`). */
export function listSummaries(p: Project, search?: string): Summary[] {
  const names = coderNames(p);
  const words = (search ?? '').split(/\s+/).filter(Boolean);
  const rows = words.length ? store.searchSummaries(p, words) : store.liveSummaries(p);
  return rows.map((r) => toSummary(r, names));
}

/** Live summaries by cell; a cell may hold two after a merge conflict (both kept). */
export function summaryIndex(p: Project): Map<string, Summary[]> {
  const out = new Map<string, Summary[]>();
  for (const s of listSummaries(p)) {
    const k = cellKey(s);
    out.set(k, [...(out.get(k) ?? []), s]);
  }
  return out;
}

/** The cell's text: one summary, or both texts of a conflict one after the other. */
export function summaryText(index: Map<string, Summary[]>, c: SummaryCell): string {
  return (index.get(cellKey(c)) ?? []).map((s) => s.body).join('\n\n');
}

export function saveSummary(p: Project, c: SummaryCell, body: string): Summary | null {
  const coder = currentCoder(p);
  const text = body.replace(/\s+$/, '');
  // Saved while typing: the saves of one cell a few seconds apart are one undo step.
  return action(
    p,
    text ? 'Edit summary' : 'Delete summary',
    () => {
      const existing = store.cellSummaries(p, c);
      // A conflict left two texts; saving the cell resolves it into the one written now.
      for (const extra of existing.slice(1)) store.tombstoneSummary(p, extra.id, coder.id);
      if (!text) {
        if (existing[0]) store.tombstoneSummary(p, existing[0].id, coder.id);
        return null;
      }
      if (existing[0]) {
        if (existing[0].body !== text || existing.length > 1) store.updateSummaryBody(p, existing[0].id, text, coder.id);
        return toSummary(store.getSummary(p, existing[0].id)!, coderNames(p));
      }
      return toSummary(store.insertSummary(p, c, text, coder.id), coderNames(p));
    },
    `summary ${cellKey(c)}`,
  );
}

/** Summaries with their row and column named, for the command line and exports. */
export function labelledSummaries(p: Project): { row: string; column: string; text: string; coder: string; updatedAt: string }[] {
  const name = (sql: string) => new Map(p.db.prepare(sql).raw(true).all() as [string, string][]);
  const cases = name('SELECT id, name FROM cases');
  const docs = name('SELECT id, name FROM documents');
  const codes = new Map(listCodes(p).map((c) => [c.id, c.path]));
  return listSummaries(p).map((s) => ({
    row: (s.rowKind === 'case' ? cases.get(s.rowKey) : s.rowKind === 'document' ? docs.get(s.rowKey) : undefined) ?? s.rowKey,
    column: s.columnKind === 'code' ? (codes.get(s.columnKey) ?? s.columnKey) : `${s.columnKind === 'memo' ? 'memo' : 'section'}: ${s.columnKey}`,
    text: s.body,
    coder: s.coder,
    updatedAt: s.updatedAt,
  }));
}

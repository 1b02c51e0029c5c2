import type { Memo, MemoTarget } from '../../shared/types';
import { flattenCodes, type RefiCode, type RefiProject } from '../formats/refi/model';
import { isQualCoder, type PositionDialect } from '../formats/refi/positions';
import { splitMemos } from './memo-sections';

// What an import from another tool reads beyond the standard's plain mapping:
// descriptions kept as memos, QualCoder's and NVivo's cases-as-codes, names
// QualCoder needed undone, and the words the import report uses for them.

/** How a file's positions were counted, for the report. */
export function conventionText(origin: string, d: PositionDialect): string {
  const tool = origin.trim() ? `origin "${origin.trim()}"` : 'no origin given';
  const unit = d.unit === 'utf16' ? 'UTF-16 code units' : 'Unicode code points (the REFI-QDA standard)';
  const crlf = d.crlf === 1 ? ', a line ending counted as 1' : '';
  return `positions read as ${unit}${crlf} (${tool})`;
}

/**
 * Codes that stand for cases: QualCoder (and NVivo) give such a code the case's
 * GUID and code its documents with it; Fieldcode reads those codings as case links.
 */
export function caseCodeGuids(r: RefiProject): Set<string> {
  const cases = new Set(r.cases.map((c) => c.guid).filter(Boolean));
  return new Set(
    flattenCodes(r.codes)
      .filter(({ code }) => cases.has(code.guid) && code.children.length === 0)
      .map(({ code }) => code.guid),
  );
}

/**
 * A code's name without the branch a Fieldcode export for QualCoder added to make
 * it unique ("global issues (Students › Knowledge)" under Students/Knowledge).
 */
export function restoredNames(r: RefiProject): Map<RefiCode, string> {
  const out = new Map<RefiCode, string>();
  if (!isQualCoder(r.origin)) return out;
  const branch = new Map<RefiCode, string[]>();
  for (const { code, parent } of flattenCodes(r.codes)) {
    const path = parent ? [...branch.get(parent)!, out.get(parent) ?? parent.name] : [];
    branch.set(code, path);
    const suffix = ` (${path.join(' › ')})`;
    if (!path.length || !code.name.endsWith(suffix) || code.name.length === suffix.length) continue;
    // A sibling already of that name means the branch is part of the name, not our addition.
    const bare = code.name.slice(0, -suffix.length);
    if (!(parent?.children ?? []).some((c) => c.name === bare)) out.set(code, bare);
  }
  return out;
}

export type DescribedMemo = Omit<Memo, 'id'>;

/**
 * A description another tool keeps as the memo of a project, case or document,
 * as Fieldcode memos: the "Memo:" paragraphs a QualCoder export carries each
 * become one, and any other text one memo titled `title`.
 */
export function descriptionMemos(
  description: string,
  target: MemoTarget,
  targetId: string | null,
  title: string,
  split: boolean,
  coderId: string,
): DescribedMemo[] {
  if (!description.trim()) return [];
  const { text, memos } = split ? splitMemos(description) : { text: description, memos: [] };
  const rest = text.replace(/\r\n?/g, '\n').trim();
  return [...(rest ? [{ title, body: rest }] : []), ...memos].map((m) => ({ target, targetId, title: m.title, body: m.body, coderId, updatedAt: '' }));
}

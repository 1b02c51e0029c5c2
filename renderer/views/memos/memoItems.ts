import type { Case, Code, DocumentSummary, Memo, MemoTarget, Segment } from '../../../shared/types';

// Everything the Memos view lists: memos on the project, a document, a code, a
// case or a coded passage, and the memos written on a coded passage in the inspector.

export interface MemoItem {
  key: string;
  target: MemoTarget;
  targetId: string | null;
  /** what the memo is about: a document's name, a code's path … */
  about: string;
  title: string;
  body: string;
  updatedAt: string;
  /** a saved memo (absent for a new one and for a passage's own memo) */
  memo?: Memo;
  /** the coded passage whose own memo this is */
  segment?: Segment;
  /** where "go to" opens the transcript */
  place?: { documentId: string; start: number; end: number };
}

export const GROUPS: [MemoTarget, string][] = [
  ['project', 'Project'],
  ['document', 'Documents'],
  ['code', 'Codes'],
  ['case', 'Cases'],
  ['segment', 'Coded passages'],
];

export interface MemoSources {
  memos: Memo[];
  documents: DocumentSummary[];
  cases: Case[];
  segments: Segment[];
  codes: readonly Code[];
}

export function memoItems(src: MemoSources): MemoItem[] {
  const docs = new Map(src.documents.map((d) => [d.id, d]));
  const codes = new Map(src.codes.map((c) => [c.id, c]));
  const cases = new Map(src.cases.map((c) => [c.id, c]));
  const segments = new Map(src.segments.map((s) => [s.id, s]));
  const passage = (s: Segment | undefined) =>
    s ? `${codes.get(s.codeId)?.path ?? 'a deleted code'} in ${docs.get(s.documentId)?.name ?? 'a deleted document'}` : 'a deleted passage';
  const about = (m: Memo): string => {
    if (m.target === 'project') return 'the project';
    if (!m.targetId) return 'nothing';
    if (m.target === 'document') return docs.get(m.targetId)?.name ?? 'a deleted document';
    if (m.target === 'code') return codes.get(m.targetId)?.path ?? 'a deleted code';
    if (m.target === 'case') return cases.get(m.targetId)?.name ?? 'a deleted case';
    return passage(segments.get(m.targetId));
  };
  const place = (m: Pick<MemoItem, 'target' | 'targetId'>): MemoItem['place'] => {
    if (m.target === 'document' && m.targetId && docs.has(m.targetId)) return { documentId: m.targetId, start: 0, end: 0 };
    const s = m.target === 'segment' && m.targetId ? segments.get(m.targetId) : undefined;
    return s && docs.has(s.documentId) ? { documentId: s.documentId, start: s.start, end: s.end } : undefined;
  };
  const items: MemoItem[] = src.memos.map((m) => ({
    key: m.id,
    target: m.target,
    targetId: m.targetId,
    about: about(m),
    title: m.title,
    body: m.body,
    updatedAt: m.updatedAt,
    memo: m,
    place: place(m),
  }));
  for (const s of src.segments) {
    if (!s.memo.trim()) continue;
    items.push({
      key: `segment:${s.id}`,
      target: 'segment',
      targetId: s.id,
      about: passage(s),
      title: '',
      body: s.memo,
      updatedAt: s.updatedAt,
      segment: s,
      place: docs.has(s.documentId) ? { documentId: s.documentId, start: s.start, end: s.end } : undefined,
    });
  }
  return items.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** A new, unsaved memo on a target. */
export function draft(target: MemoTarget, targetId: string | null, about: string): MemoItem {
  const place = target === 'document' && targetId ? { documentId: targetId, start: 0, end: 0 } : undefined;
  return { key: `new:${target}:${targetId ?? ''}`, target, targetId, about, title: '', body: '', updatedAt: '', place };
}

export function matches(item: MemoItem, filter: string): boolean {
  const f = filter.trim().toLowerCase();
  return !f || `${item.about}\n${item.title}\n${item.body}`.toLowerCase().includes(f);
}

import type { Disagreement } from '../../shared/api/team';
import { getCode } from '../store/codes';
import type { Project } from '../store/db';
import { loadAgreementData, turnsTouched, union, type AgreementData, type AgreementFilter, type ComparedDocument, type Span } from './agreement-data';
import { CONSENSUS_MEMO, consensusState } from './consensus-state';

// Where coders differ. For one code, each compared document's codings are grouped
// into passages: runs of overlapping spans (at the turn unit, spans reaching into
// the same turns). A passage is a disagreement when the coders who coded the
// document did not code the same characters (or the same turns) in it.

export interface Passage {
  start: number;
  end: number;
  byCoder: Map<string, Span[]>;
  agree: boolean;
}

function reach(d: ComparedDocument, s: Span, unit: AgreementData['unit']): [number, number] {
  if (unit === 'char') return [s.start, s.end];
  const hit = [...turnsTouched(d.turns, [[s.start, s.end]])];
  if (hit.length === 0) return [s.start, s.end];
  return [Math.min(s.start, d.turns[Math.min(...hit)].start), Math.max(s.end, d.turns[Math.max(...hit)].end)];
}

/** The passages of one code in one document, in text order. */
export function passages(d: ComparedDocument, byCoder: Map<string, Span[]> | undefined, unit: AgreementData['unit']): Passage[] {
  const all: { coder: string; span: Span; from: number; to: number }[] = [];
  for (const coder of d.coders)
    for (const span of byCoder?.get(coder) ?? []) {
      const [from, to] = reach(d, span, unit);
      all.push({ coder, span, from, to });
    }
  all.sort((a, b) => a.from - b.from || a.to - b.to);
  const out: Passage[] = [];
  let current: { from: number; to: number; items: typeof all } | null = null;
  const close = () => {
    if (!current) return;
    const map = new Map<string, Span[]>(d.coders.map((c) => [c, []]));
    for (const it of current.items) map.get(it.coder)!.push(it.span);
    const cover = d.coders.map((c) => union(map.get(c)!, d.chars));
    const keys = unit === 'char' ? cover.map((c) => JSON.stringify(c)) : cover.map((c) => [...turnsTouched(d.turns, c)].sort((a, b) => a - b).join(','));
    out.push({
      start: Math.min(...current.items.map((i) => i.span.start)),
      end: Math.max(...current.items.map((i) => i.span.end)),
      byCoder: map,
      agree: keys.every((k) => k === keys[0]),
    });
  };
  for (const it of all) {
    if (current && it.from < current.to) {
      current.to = Math.max(current.to, it.to);
      current.items.push(it);
      continue;
    }
    close();
    current = { from: it.from, to: it.to, items: [it] };
  }
  close();
  return out;
}

export interface DisagreementQuery extends AgreementFilter {
  codeId: string;
  /** only this document */
  documentId?: string;
  limit?: number;
}

/** The disagreements on one code, document by document, with every compared coder's spans and the consensus so far. */
export function listDisagreements(p: Project, q: DisagreementQuery): Disagreement[] {
  const code = getCode(p, q.codeId);
  const data = loadAgreementData(p, { ...q, codeIds: [q.codeId], documentIds: q.documentId ? [q.documentId] : q.documentIds });
  const names = new Map(data.coders.map((c) => [c.id, c.name]));
  const byDoc = data.spans.get(q.codeId);
  const consensus = consensusState(p, q.codeId);
  const text = p.db.prepare('SELECT substr(text, ? + 1, ?) FROM documents WHERE id = ?').pluck();
  const out: Disagreement[] = [];
  for (const d of data.documents) {
    for (const passage of passages(d, byDoc?.get(d.id), data.unit)) {
      if (passage.agree) continue;
      const mine = consensus.in(d.id, passage.start, passage.end);
      out.push({
        documentId: d.id,
        document: d.name,
        codeId: code.id,
        code: code.path,
        start: passage.start,
        end: passage.end,
        text: text.get(passage.start, Math.min(passage.end - passage.start, 5000), d.id) as string,
        coders: d.coders.map((c) => ({
          coderId: c,
          coder: names.get(c)!,
          spans: passage.byCoder.get(c)!.map((s) => ({ segmentId: s.id, start: s.start, end: s.end })),
        })),
        consensus: mine.spans,
        resolved: mine.spans.length > 0 || mine.decided,
      });
      if (q.limit && out.length >= q.limit) return out;
    }
  }
  return out;
}

export { CONSENSUS_MEMO };

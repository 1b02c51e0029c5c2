import type { Project } from '../store/db';
import { consensusCoderId } from './agreement-data';

// What the consensus coder holds for a code: its segments, and the decisions
// recorded as memos on the document (an audit trail for the methods section; a
// "drop" decision leaves no segment, so the memo is what marks it resolved).
// A decision memo ends with a machine-readable line:
//   [consensus <code id> <start>-<end> <decision>]

export const CONSENSUS_MEMO = /\[consensus (\S+) (\d+)-(\d+) ([^\]]+)\]\s*$/;

export function decisionLine(codeId: string, start: number, end: number, decision: string): string {
  return `[consensus ${codeId} ${start}-${end} ${decision}]`;
}

export interface ConsensusHere {
  spans: { start: number; end: number }[];
  decided: boolean;
}

export interface ConsensusState {
  coderId: string | null;
  in: (documentId: string, start: number, end: number) => ConsensusHere;
  /** live decision memos overlapping a passage */
  memosIn: (documentId: string, start: number, end: number) => string[];
}

export function consensusState(p: Project, codeId: string): ConsensusState {
  const coderId = consensusCoderId(p);
  if (!coderId) return { coderId: null, in: () => ({ spans: [], decided: false }), memosIn: () => [] };
  const segs = p.db
    .prepare('SELECT document_id, start, end FROM segments WHERE coder_id = ? AND code_id = ? AND deleted_at IS NULL ORDER BY start')
    .all(coderId, codeId) as { document_id: string; start: number; end: number }[];
  const memos = (
    p.db.prepare("SELECT id, target_id, body FROM memos WHERE target = 'document' AND coder_id = ? AND deleted_at IS NULL").all(coderId) as {
      id: string;
      target_id: string;
      body: string;
    }[]
  )
    .map((m) => ({ id: m.id, doc: m.target_id, match: CONSENSUS_MEMO.exec(m.body) }))
    .filter((m) => m.match && m.match[1] === codeId)
    .map((m) => ({ id: m.id, doc: m.doc, start: Number(m.match![2]), end: Number(m.match![3]) }));
  const memosIn = (doc: string, start: number, end: number) => memos.filter((m) => m.doc === doc && m.start < end && m.end > start).map((m) => m.id);
  return {
    coderId,
    in: (doc, start, end) => ({
      spans: segs.filter((s) => s.document_id === doc && s.start < end && s.end > start).map((s) => ({ start: s.start, end: s.end })),
      decided: memosIn(doc, start, end).length > 0,
    }),
    memosIn,
  };
}

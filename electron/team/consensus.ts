import type { Disagreement, Resolution } from '../../shared/api/team';
import { getCode } from '../store/codes';
import { ensureCoder, getCoder } from '../store/coders';
import type { Project } from '../store/db';
import { getDocumentSummary } from '../store/documents';
import { InputError } from '../../shared/errors';
import { action } from '../store/history';
import { insertMemo, tombstoneMemo } from '../store/memos';
import { insertSegment, tombstoneSegment, type SegmentRow } from '../store/segments';
import { setSetting } from '../store/settings';
import { chooseCoders, CONSENSUS_NAME, CONSENSUS_SETTING, consensusCoderId, loadAgreementData, union, type AgreementFilter } from './agreement-data';
import { consensusState, decisionLine } from './consensus-state';
import { listDisagreements, passages } from './disagreements';

// Recording a consensus: the lead resolves each disagreement — keep one coder's
// coding, keep both (the union), or drop it — into a consensus coder, each
// resolution one undoable action that also leaves a decision memo on the document.

export interface ResolveInput {
  documentId: string;
  codeId: string;
  start: number;
  end: number;
  resolution: Resolution;
  /** the coders compared (default: as in agreement) */
  coderIds?: string[];
  /** default: the project's consensus coder, or "Consensus" */
  consensusCoder?: string;
}

function consensusCoder(p: Project, name?: string): { id: string; name: string } {
  const current = consensusCoderId(p);
  const coder = name?.trim() ? ensureCoder(p, name) : current ? getCoder(p, current) : ensureCoder(p, CONSENSUS_NAME);
  setSetting(p, CONSENSUS_SETTING, coder.id);
  return coder;
}

/** Replaces the consensus coder's coding of [start, end) with `spans` (keeping its coding outside the passage). */
function writeConsensus(p: Project, coderId: string, documentId: string, codeId: string, start: number, end: number, spans: [number, number][]): void {
  const existing = p.db
    .prepare('SELECT * FROM segments WHERE coder_id = ? AND code_id = ? AND document_id = ? AND deleted_at IS NULL AND start < ? AND end > ?')
    .all(coderId, codeId, documentId, end, start) as SegmentRow[];
  const keep: [number, number][] = [...spans];
  for (const s of existing) {
    tombstoneSegment(p, s.id);
    if (s.start < start) keep.push([s.start, start]);
    if (s.end > end) keep.push([end, s.end]);
  }
  for (const [s, e] of union(keep.map(([a, b]) => ({ start: a, end: b })))) {
    const now = p.now();
    insertSegment(p, {
      id: p.newId(),
      document_id: documentId,
      code_id: codeId,
      coder_id: coderId,
      start: s,
      end: e,
      memo: '',
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
  }
}

export function resolveDisagreement(p: Project, input: ResolveInput): Disagreement {
  const doc = getDocumentSummary(p, input.documentId);
  const code = getCode(p, input.codeId);
  const { start, end, resolution } = input;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > doc.chars) {
    throw new InputError(`the passage [${start}, ${end}) is not inside "${doc.name}" (0–${doc.chars})`);
  }
  const compared = chooseCoders(p, input.coderIds);
  const spansOf = (coderIds: string[]) =>
    p.db
      .prepare(
        `SELECT start, end FROM segments WHERE deleted_at IS NULL AND document_id = ? AND code_id = ? AND start < ? AND end > ?
         AND coder_id IN (SELECT value FROM json_each(?))`,
      )
      .all(doc.id, code.id, end, start, JSON.stringify(coderIds)) as { start: number; end: number }[];
  let kept: { start: number; end: number }[] = [];
  let decision = 'drop';
  let label = `Consensus on "${code.name}": drop`;
  if (resolution.keep === 'coder') {
    const who = getCoder(p, resolution.coderId);
    kept = spansOf([who.id]);
    decision = `keep ${who.name}`;
    label = `Consensus on "${code.name}": keep ${who.name}`;
  } else if (resolution.keep === 'both') {
    kept = spansOf(compared.map((c) => c.id));
    decision = 'keep both';
    label = `Consensus on "${code.name}": keep both`;
  }
  action(p, label, () => {
    const consensus = consensusCoder(p, input.consensusCoder);
    if (resolution.keep === 'coder' && resolution.coderId === consensus.id) throw new InputError('choose one of the compared coders, not the consensus coder');
    const clipped = union(kept, end)
      .filter(([s, e]) => e > start && s < end)
      .map(([s, e]): [number, number] => [Math.max(s, start), Math.min(e, end)]);
    writeConsensus(p, consensus.id, doc.id, code.id, start, end, clipped);
    for (const id of consensusState(p, code.id).memosIn(doc.id, start, end)) tombstoneMemo(p, id, consensus.id);
    const body = `${decision[0].toUpperCase()}${decision.slice(1)} for "${code.path}" at ${start}\u2013${end}.\n${decisionLine(code.id, start, end, decision)}`;
    insertMemo(p, { target: 'document', targetId: doc.id, title: `Consensus: ${code.path}`, body, coderId: consensus.id });
  });
  const after = listDisagreements(p, { codeId: code.id, documentId: doc.id, coderIds: compared.map((c) => c.id) });
  const found = after.find((d) => d.start < end && d.end > start);
  const mine = consensusState(p, code.id).in(doc.id, start, end);
  return (
    found ?? {
      documentId: doc.id,
      document: doc.name,
      codeId: code.id,
      code: code.path,
      start,
      end,
      text: p.db
        .prepare('SELECT substr(text, ? + 1, ?) FROM documents WHERE id = ?')
        .pluck()
        .get(start, Math.min(end - start, 5000), doc.id) as string,
      coders: [],
      consensus: mine.spans,
      resolved: true,
    }
  );
}

/**
 * Copies into the consensus coder every passage on which all compared coders who
 * coded the document agree exactly (same characters), where the consensus holds
 * nothing yet. One undoable action; returns the number of segments written.
 */
export function acceptAgreements(p: Project, f: AgreementFilter & { consensusCoder?: string } = {}): { segments: number } {
  const data = loadAgreementData(p, { ...f, unit: 'char' });
  return action(p, 'Consensus: accept agreed codings', () => {
    const consensus = consensusCoder(p, f.consensusCoder);
    let written = 0;
    for (const [codeId, byDoc] of data.spans) {
      const state = consensusState(p, codeId);
      for (const d of data.documents) {
        for (const passage of passages(d, byDoc.get(d.id), 'char')) {
          if (!passage.agree) continue;
          const here = state.in(d.id, passage.start, passage.end);
          if (here.spans.length > 0 || here.decided) continue;
          const spans = union(passage.byCoder.get(d.coders[0])!, d.chars);
          writeConsensus(p, consensus.id, d.id, codeId, passage.start, passage.end, spans);
          written += spans.length;
        }
      }
    }
    return { segments: written };
  });
}

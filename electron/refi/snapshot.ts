import type { Code, Memo, Segment } from '../../shared/types';
import { listAttributes } from '../store/cases';
import { currentCoder } from '../store/coders';
import { listCodes } from '../store/codes';
import type { Project } from '../store/db';
import { listMemos } from '../store/memos';
import { projectRow } from '../project/project';
import type { AnchorLine } from './description';

// Everything of a project that REFI-QDA can carry, read in a handful of queries.
// The same shape is what an imported project is written from (refi-write.ts), so
// the REFI mapping in refi.ts only ever translates between two plain structures.

export interface SnapshotCode extends Omit<Code, 'anchors' | 'segments'> {
  anchors: AnchorLine[];
}

export interface SnapshotDocument {
  id: string;
  name: string;
  kind: string;
  caseId: string | null;
  text: string;
  coderId: string;
  importedAt: string;
  updatedAt: string;
}

/** A segment as the project holds it. */
export type SnapshotSegment = Segment;

export interface ProjectSnapshot {
  project: { id: string; name: string; createdAt: string; updatedAt: string; coderId: string };
  coders: { id: string; name: string }[];
  codes: SnapshotCode[];
  attributes: { id: string; name: string }[];
  cases: { id: string; name: string; values: Record<string, string> }[];
  documents: SnapshotDocument[];
  segments: SnapshotSegment[];
  memos: Memo[];
}

export function readSnapshot(p: Project): ProjectSnapshot {
  const row = p.db.prepare('SELECT id, name, created_at AS createdAt, updated_at AS updatedAt FROM project LIMIT 1').get() as ProjectSnapshot['project'];
  const documents = p.db
    .prepare(
      `SELECT d.id, d.name, d.kind, CASE WHEN c.id IS NULL THEN NULL ELSE d.case_id END AS caseId, d.text, d.coder_id AS coderId,
              d.imported_at AS importedAt, d.updated_at AS updatedAt
       FROM documents d LEFT JOIN cases c ON c.id = d.case_id AND c.deleted_at IS NULL
       WHERE d.deleted_at IS NULL ORDER BY d.name COLLATE NOCASE, d.imported_at`,
    )
    .all() as SnapshotDocument[];
  const texts = new Map(documents.map((d) => [d.id, d]));
  const segments = p.db
    .prepare(
      `SELECT s.id, s.document_id AS documentId, s.code_id AS codeId, s.coder_id AS coderId, s.start, s.end, s.memo,
              s.created_at AS createdAt, s.updated_at AS updatedAt
       FROM segments s JOIN codes c ON c.id = s.code_id AND c.deleted_at IS NULL
       WHERE s.deleted_at IS NULL ORDER BY s.document_id, s.start, s.end, s.id`,
    )
    .all() as SnapshotSegment[];
  const live = segments.filter((s) => texts.has(s.documentId));
  const bySegment = new Map(live.map((s) => [s.id, s]));
  const codes = listCodes(p).map(({ anchors, segments: _count, ...c }) => ({
    ...c,
    anchors: anchors.flatMap((a) => {
      const s = bySegment.get(a.segmentId);
      const d = s && texts.get(s.documentId);
      return s && d ? [{ quote: d.text.slice(s.start, s.end), document: d.name, note: a.note }] : [];
    }),
  }));
  const attributes = listAttributes(p);
  const values = p.db.prepare(`SELECT case_id AS caseId, attribute_id AS attributeId, value FROM attribute_values WHERE value != ''`).all() as {
    caseId: string;
    attributeId: string;
    value: string;
  }[];
  const attributeIds = new Set(attributes.map((a) => a.id));
  const valuesOf = new Map<string, [string, string][]>();
  for (const v of values)
    if (attributeIds.has(v.attributeId)) (valuesOf.get(v.caseId) ?? valuesOf.set(v.caseId, []).get(v.caseId)!).push([v.attributeId, v.value]);
  const cases = (p.db.prepare('SELECT id, name FROM cases WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE').all() as { id: string; name: string }[]).map(
    (c) => ({
      ...c,
      values: Object.fromEntries(valuesOf.get(c.id) ?? []),
    }),
  );
  const coders = p.db.prepare('SELECT id, name FROM coders ORDER BY name COLLATE NOCASE').all() as { id: string; name: string }[];
  return {
    project: { ...row, name: projectRow(p).name, coderId: currentCoder(p).id },
    coders,
    codes,
    attributes,
    cases,
    documents,
    segments: live,
    memos: listMemos(p),
  };
}

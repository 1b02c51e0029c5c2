import type { DocumentKind, DocumentSummary, TranscriptDocument, Turn } from '../../shared/types';
import type { Project } from './db';
import { NotFoundError } from '../../shared/errors';
import { isMostlyRtl } from '../../shared/text-direction';

export interface DocumentRow {
  id: string;
  name: string;
  kind: string;
  case_id: string | null;
  text: string;
  chars: number;
  sha256: string;
  format: string;
  encoding: string;
  source_name: string;
  imported_at: string;
  updated_at: string;
  coder_id: string;
  deleted_at: string | null;
}

export interface TurnRow {
  document_id: string;
  idx: number;
  speaker: string | null;
  role: string | null;
  start: number;
  end: number;
  time_start: number | null;
  time_end: number | null;
}

export function rowToTurn(r: TurnRow): Turn {
  return { index: r.idx, speaker: r.speaker, role: r.role, start: r.start, end: r.end, timeStart: r.time_start, timeEnd: r.time_end };
}

const SUMMARY_SQL = `
  SELECT d.id, d.name, d.kind, d.case_id AS caseId, c.name AS caseName, d.chars, d.sha256, d.format, d.imported_at AS importedAt,
         (SELECT count(*) FROM turns t WHERE t.document_id = d.id) AS turns,
         (SELECT group_concat(speaker, char(31)) FROM (SELECT DISTINCT speaker FROM turns t
            WHERE t.document_id = d.id AND speaker IS NOT NULL ORDER BY speaker)) AS speakers,
         (SELECT count(*) FROM segments s WHERE s.document_id = d.id AND s.deleted_at IS NULL) AS segments
  FROM documents d LEFT JOIN cases c ON c.id = d.case_id AND c.deleted_at IS NULL
  WHERE d.deleted_at IS NULL`;

interface SummaryRow {
  id: string;
  name: string;
  kind: string;
  caseId: string | null;
  caseName: string | null;
  chars: number;
  sha256: string;
  format: string;
  importedAt: string;
  turns: number;
  speakers: string | null;
  segments: number;
}

function toSummary(r: SummaryRow): DocumentSummary {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as DocumentKind,
    caseId: r.caseName === null ? null : r.caseId,
    caseName: r.caseName,
    chars: r.chars,
    sha256: r.sha256,
    format: r.format,
    turns: r.turns,
    speakers: r.speakers ? r.speakers.split('\u001f') : [],
    segments: r.segments,
    importedAt: r.importedAt,
  };
}

export function listDocuments(p: Project): DocumentSummary[] {
  const rows = p.db.prepare(`${SUMMARY_SQL} ORDER BY d.name COLLATE NOCASE, d.imported_at`).all() as SummaryRow[];
  return rows.map(toSummary);
}

export function getDocumentSummary(p: Project, id: string): DocumentSummary {
  const row = p.db.prepare(`${SUMMARY_SQL} AND d.id = ?`).get(id) as SummaryRow | undefined;
  if (!row) throw new NotFoundError(`no document with id ${id}`);
  return toSummary(row);
}

/** Name and length only: what checking a passage needs, without the summary's counts. */
export function getDocumentExtent(p: Project, id: string): { name: string; chars: number } {
  const row = p.db.prepare('SELECT name, chars FROM documents WHERE id = ? AND deleted_at IS NULL').get(id) as { name: string; chars: number } | undefined;
  if (!row) throw new NotFoundError(`no document with id ${id}`);
  return row;
}

export function getTurns(p: Project, documentId: string): Turn[] {
  const rows = p.db.prepare('SELECT * FROM turns WHERE document_id = ? ORDER BY idx').all(documentId) as TurnRow[];
  return rows.map(rowToTurn);
}

/** Each text's direction, worked out once: a document's text never changes (keyed by its SHA-256 as well). */
const directions = new WeakMap<Project, Map<string, boolean>>();

function mostlyRtl(p: Project, summary: DocumentSummary, text: string): boolean {
  let known = directions.get(p);
  if (!known) directions.set(p, (known = new Map()));
  const key = `${summary.id}:${summary.sha256}`;
  let rtl = known.get(key);
  if (rtl === undefined) known.set(key, (rtl = isMostlyRtl(text)));
  return rtl;
}

/** A document with its text, without its turns. */
export function getDocumentWithText(p: Project, id: string): Omit<TranscriptDocument, 'turnList'> {
  const summary = getDocumentSummary(p, id);
  const { text } = p.db.prepare('SELECT text FROM documents WHERE id = ?').get(id) as { text: string };
  return { ...summary, text, rtl: mostlyRtl(p, summary, text) };
}

export function getDocument(p: Project, id: string): TranscriptDocument {
  return { ...getDocumentWithText(p, id), turnList: getTurns(p, id) };
}

/** Id and text of every document, by name (what autocoding reads). */
export function listDocumentTexts(p: Project): { id: string; text: string }[] {
  return p.db.prepare('SELECT id, text FROM documents WHERE deleted_at IS NULL ORDER BY name').all() as { id: string; text: string }[];
}

export function getDocumentText(p: Project, id: string): string {
  const row = p.db.prepare('SELECT text FROM documents WHERE id = ? AND deleted_at IS NULL').get(id) as { text: string } | undefined;
  if (!row) throw new NotFoundError(`no document with id ${id}`);
  return row.text;
}

/** A document by id, or by name (ignoring case). */
export function findDocument(p: Project, nameOrId: string): DocumentSummary {
  const row = p.db.prepare(`${SUMMARY_SQL} AND (d.id = ? OR d.name = ? COLLATE NOCASE) ORDER BY d.id = ? DESC LIMIT 1`).get(nameOrId, nameOrId, nameOrId) as
    SummaryRow | undefined;
  if (!row) throw new NotFoundError(`no document named "${nameOrId}"`);
  return toSummary(row);
}

/** Every document ever imported, deleted ones included (a backup protects their work too). */
export function countDocuments(p: Project): number {
  return p.db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
}

export function findDocumentBySha(p: Project, sha256: string): { id: string; name: string } | null {
  const row = p.db.prepare('SELECT id, name FROM documents WHERE sha256 = ? AND deleted_at IS NULL LIMIT 1').get(sha256) as
    { id: string; name: string } | undefined;
  return row ?? null;
}

export function insertDocument(p: Project, row: DocumentRow, turns: Omit<TurnRow, 'document_id'>[]): void {
  p.db
    .prepare(
      `INSERT INTO documents (id, name, kind, case_id, text, chars, sha256, format, encoding, source_name, imported_at, updated_at, coder_id, deleted_at)
       VALUES (@id, @name, @kind, @case_id, @text, @chars, @sha256, @format, @encoding, @source_name, @imported_at, @updated_at, @coder_id, @deleted_at)`,
    )
    .run(row);
  const insertTurn = p.db.prepare('INSERT INTO turns (document_id, idx, speaker, role, start, end, time_start, time_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const t of turns) insertTurn.run(row.id, t.idx, t.speaker, t.role, t.start, t.end, t.time_start, t.time_end);
  p.db.prepare('INSERT INTO document_search (document_id, text) VALUES (?, ?)').run(row.id, row.text);
}

/** Whether a case exists and is not deleted (a document can be filed under it). */
export function caseExists(p: Project, id: string): boolean {
  return !!p.db.prepare('SELECT 1 FROM cases WHERE id = ? AND deleted_at IS NULL').get(id);
}

export interface DocumentChanges {
  name?: string;
  kind?: DocumentKind;
  caseId?: string | null;
}

export function updateDocument(p: Project, id: string, changes: DocumentChanges, coderId: string): void {
  getDocumentSummary(p, id);
  const sets: string[] = [];
  const args: Record<string, unknown> = { id, updated_at: p.now(), coder_id: coderId };
  const set = (column: string, value: unknown) => {
    sets.push(`${column} = @${column}`);
    args[column] = value;
  };
  if (changes.name !== undefined) set('name', changes.name);
  if (changes.kind !== undefined) set('kind', changes.kind);
  if (changes.caseId !== undefined) set('case_id', changes.caseId);
  if (sets.length === 0) return;
  p.db.prepare(`UPDATE documents SET ${sets.join(', ')}, updated_at = @updated_at, coder_id = @coder_id WHERE id = @id`).run(args);
}

/**
 * Tombstones a document and its segments; the text stays for merges to recognise
 * it, and in the search index (search skips deleted documents) so undo needs no reindex.
 */
export function deleteDocument(p: Project, id: string, coderId: string): void {
  const now = p.now();
  p.db.prepare('UPDATE documents SET deleted_at = ?, updated_at = ?, coder_id = ? WHERE id = ?').run(now, now, coderId, id);
  p.db.prepare('UPDATE segments SET deleted_at = ?, updated_at = ? WHERE document_id = ? AND deleted_at IS NULL').run(now, now, id);
}

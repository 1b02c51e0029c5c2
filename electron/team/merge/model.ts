import type Database from 'better-sqlite3';
import { MERGE_KINDS, type MergeKind } from '../../../shared/api/team';
import { ANALYSIS_SPECS, hasTable } from './analysis';
import { sqlName } from '../../store/sql';

// The rows a merge compares, described once per table: which columns identify a
// row, which carry its content (compared, and copied when the copy's version wins),
// and which hold ids of other entities (mapped from the copy's ids to the master's).
// Both the master and each copy are read with the same statements into plain rows.

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

export interface Spec {
  kind: MergeKind;
  table: string;
  key: string[];
  columns: string[];
  content: string[];
  refs: [column: string, kind: MergeKind][];
  /** has coder_id: who made the change (mapped, carried with the winning version) */
  writer: boolean;
}

const spec = (s: Spec) => s;

export const SPECS: Record<MergeKind, Spec> = {
  coders: spec({
    kind: 'coders',
    table: 'coders',
    key: ['id'],
    columns: ['id', 'name', 'created_at', 'updated_at', 'deleted_at'],
    content: ['name', 'deleted_at'],
    refs: [],
    writer: false,
  }),
  cases: spec({
    kind: 'cases',
    table: 'cases',
    key: ['id'],
    columns: ['id', 'name', 'updated_at', 'coder_id', 'deleted_at'],
    content: ['name', 'deleted_at'],
    refs: [],
    writer: true,
  }),
  attributes: spec({
    kind: 'attributes',
    table: 'attributes',
    key: ['id'],
    columns: ['id', 'name', 'sort', 'updated_at', 'coder_id', 'deleted_at'],
    content: ['name', 'sort', 'deleted_at'],
    refs: [],
    writer: true,
  }),
  attributeValues: spec({
    kind: 'attributeValues',
    table: 'attribute_values',
    key: ['case_id', 'attribute_id'],
    columns: ['case_id', 'attribute_id', 'value', 'updated_at', 'coder_id'],
    content: ['value'],
    refs: [
      ['case_id', 'cases'],
      ['attribute_id', 'attributes'],
    ],
    writer: true,
  }),
  documents: spec({
    kind: 'documents',
    table: 'documents',
    key: ['id'],
    columns: ['id', 'name', 'kind', 'case_id', 'chars', 'sha256', 'format', 'encoding', 'source_name', 'imported_at', 'updated_at', 'coder_id', 'deleted_at'],
    content: ['name', 'kind', 'case_id', 'deleted_at'],
    refs: [['case_id', 'cases']],
    writer: true,
  }),
  codes: spec({
    kind: 'codes',
    table: 'codes',
    key: ['id'],
    columns: ['id', 'parent_id', 'name', 'colour', 'sort', 'definition', 'when_to_use', 'when_not_to_use', 'updated_at', 'coder_id', 'deleted_at'],
    content: ['parent_id', 'name', 'colour', 'sort', 'definition', 'when_to_use', 'when_not_to_use', 'deleted_at'],
    refs: [['parent_id', 'codes']],
    writer: true,
  }),
  segments: spec({
    kind: 'segments',
    table: 'segments',
    key: ['id'],
    columns: ['id', 'document_id', 'code_id', 'coder_id', 'start', 'end', 'memo', 'created_at', 'updated_at', 'deleted_at'],
    content: ['document_id', 'code_id', 'coder_id', 'start', 'end', 'memo', 'deleted_at'],
    refs: [
      ['document_id', 'documents'],
      ['code_id', 'codes'],
      ['coder_id', 'coders'],
    ],
    writer: false,
  }),
  anchors: spec({
    kind: 'anchors',
    table: 'anchor_examples',
    key: ['code_id', 'segment_id'],
    columns: ['code_id', 'segment_id', 'note', 'updated_at', 'coder_id', 'deleted_at'],
    content: ['note', 'deleted_at'],
    refs: [['code_id', 'codes']],
    writer: true,
  }),
  memos: spec({
    kind: 'memos',
    table: 'memos',
    key: ['id'],
    columns: ['id', 'target', 'target_id', 'title', 'body', 'coder_id', 'updated_at', 'deleted_at'],
    content: ['target', 'target_id', 'title', 'body', 'deleted_at'],
    refs: [],
    writer: true,
  }),
  ...ANALYSIS_SPECS,
};

/** Which entity a memo's target_id names. */
export const MEMO_TARGETS: Record<string, MergeKind | null> = { document: 'documents', code: 'codes', case: 'cases', segment: 'segments', project: null };

export const keyOf = (s: Spec, row: Row): string => (s.key.length === 1 ? String(row[s.key[0]]) : s.key.map((k) => row[k]).join('\u0000'));

const quote = (c: string) => `"${c}"`;

/** The tables a merge reads and writes: the only names built into its SQL. */
export const MERGE_TABLES = Object.values(SPECS).map((s) => s.table);
/** A merge table's name, checked against that fixed list. */
export const mergeTable = (kind: MergeKind): string => sqlName(SPECS[kind].table, MERGE_TABLES);

export function readRows(db: Database.Database, kind: MergeKind): Row[] {
  const s = SPECS[kind];
  if (kind in ANALYSIS_SPECS && !hasTable(db, s.table)) return [];
  return db.prepare(`SELECT ${s.columns.map(quote).join(', ')} FROM ${mergeTable(kind)}`).all() as Row[];
}

/** Every row of every merged table, by kind and key. */
export type Tables = Record<MergeKind, Map<string, Row>>;

export function readTables(db: Database.Database): Tables {
  const out = {} as Tables;
  for (const kind of MERGE_KINDS) {
    const s = SPECS[kind];
    out[kind] = new Map(readRows(db, kind).map((r) => [keyOf(s, r), r]));
  }
  return out;
}

export function sameContent(s: Spec, a: Row, b: Row): boolean {
  for (const c of s.content) if (a[c] !== b[c]) return false;
  return true;
}

/** The fields in which two versions differ, for the merge report. */
export function differences(s: Spec, master: Row, copy: Row): { field: string; master: Cell; copy: Cell }[] {
  return s.content.filter((c) => master[c] !== copy[c]).map((c) => ({ field: c, master: master[c], copy: copy[c] }));
}

/** A total order on versions: the newer edit wins; a tie is broken by content, so every merge order agrees. */
export function copyWins(s: Spec, master: Row, copy: Row): boolean {
  const a = String(copy.updated_at);
  const b = String(master.updated_at);
  if (a !== b) return a > b;
  return JSON.stringify(s.content.map((c) => copy[c])) > JSON.stringify(s.content.map((c) => master[c]));
}

export const quoteColumn = quote;

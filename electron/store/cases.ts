import type { Attribute, Case } from '../../shared/types';
import type { Project } from './db';
import { InputError, NotFoundError } from '../../shared/errors';

export function listAttributes(p: Project): Attribute[] {
  return p.db.prepare('SELECT id, name FROM attributes WHERE deleted_at IS NULL ORDER BY sort, name COLLATE NOCASE').all() as Attribute[];
}

export function listCases(p: Project): Case[] {
  const cases = p.db
    .prepare(
      `SELECT c.id, c.name, (SELECT count(*) FROM documents d WHERE d.case_id = c.id AND d.deleted_at IS NULL) AS documents
       FROM cases c WHERE c.deleted_at IS NULL ORDER BY c.name COLLATE NOCASE`,
    )
    .all() as { id: string; name: string; documents: number }[];
  const values = p.db
    .prepare(
      `SELECT v.case_id, a.name, v.value FROM attribute_values v JOIN attributes a ON a.id = v.attribute_id
       WHERE a.deleted_at IS NULL AND v.value != '' ORDER BY a.sort`,
    )
    .all() as { case_id: string; name: string; value: string }[];
  const byCase = new Map<string, Record<string, string>>();
  for (const v of values) {
    const attrs = byCase.get(v.case_id) ?? {};
    attrs[v.name] = v.value;
    byCase.set(v.case_id, attrs);
  }
  return cases.map((c) => ({ ...c, attributes: byCase.get(c.id) ?? {} }));
}

export function findCaseByName(p: Project, name: string): { id: string; name: string } | null {
  const row = p.db.prepare('SELECT id, name FROM cases WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL LIMIT 1').get(name.trim()) as
    { id: string; name: string } | undefined;
  return row ?? null;
}

export function getCaseRow(p: Project, id: string): { id: string; name: string } {
  const row = p.db.prepare('SELECT id, name FROM cases WHERE id = ? AND deleted_at IS NULL').get(id) as { id: string; name: string } | undefined;
  if (!row) throw new NotFoundError(`no case with id ${id}`);
  return row;
}

export function insertCase(p: Project, name: string, coderId: string): { id: string; name: string } {
  const clean = name.trim();
  if (!clean) throw new InputError('a case needs a name');
  if (findCaseByName(p, clean)) throw new InputError(`a case named "${clean}" already exists`);
  const row = { id: p.newId(), name: clean };
  p.db.prepare('INSERT INTO cases (id, name, updated_at, coder_id) VALUES (?, ?, ?, ?)').run(row.id, row.name, p.now(), coderId);
  return row;
}

export function ensureCase(p: Project, name: string, coderId: string): { id: string; name: string; created: boolean } {
  const found = findCaseByName(p, name);
  if (found) return { ...found, created: false };
  return { ...insertCase(p, name, coderId), created: true };
}

export function renameCase(p: Project, id: string, name: string, coderId: string): void {
  const clean = name.trim();
  if (!clean) throw new InputError('a case needs a name');
  const other = findCaseByName(p, clean);
  if (other && other.id !== id) throw new InputError(`a case named "${clean}" already exists`);
  p.db.prepare('UPDATE cases SET name = ?, updated_at = ?, coder_id = ? WHERE id = ?').run(clean, p.now(), coderId, id);
}

export function tombstoneCase(p: Project, id: string, coderId: string): void {
  const now = p.now();
  p.db.prepare('UPDATE cases SET deleted_at = ?, updated_at = ?, coder_id = ? WHERE id = ?').run(now, now, coderId, id);
  p.db.prepare('UPDATE documents SET case_id = NULL, updated_at = ?, coder_id = ? WHERE case_id = ?').run(now, coderId, id);
}

export function ensureAttribute(p: Project, name: string, coderId: string): Attribute {
  const clean = name.trim();
  if (!clean) throw new InputError('an attribute needs a name');
  const found = p.db.prepare('SELECT id, name FROM attributes WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL').get(clean) as Attribute | undefined;
  if (found) return found;
  const sort = (p.db.prepare('SELECT coalesce(max(sort), 0) + 1 FROM attributes').pluck().get() as number) ?? 1;
  const attr = { id: p.newId(), name: clean };
  p.db.prepare('INSERT INTO attributes (id, name, sort, updated_at, coder_id) VALUES (?, ?, ?, ?, ?)').run(attr.id, attr.name, sort, p.now(), coderId);
  return attr;
}

export function getAttribute(p: Project, id: string): Attribute {
  const row = p.db.prepare('SELECT id, name FROM attributes WHERE id = ? AND deleted_at IS NULL').get(id) as Attribute | undefined;
  if (!row) throw new NotFoundError(`no attribute with id ${id}`);
  return row;
}

export function renameAttribute(p: Project, id: string, name: string, coderId: string): void {
  const clean = name.trim();
  if (!clean) throw new InputError('an attribute needs a name');
  const other = p.db.prepare('SELECT id FROM attributes WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL AND id != ?').get(clean, id);
  if (other) throw new InputError(`an attribute named "${clean}" already exists`);
  p.db.prepare('UPDATE attributes SET name = ?, updated_at = ?, coder_id = ? WHERE id = ?').run(clean, p.now(), coderId, id);
}

/** Tombstones an attribute; its values stay in the file (a merge or an undo can bring them back). */
export function tombstoneAttribute(p: Project, id: string, coderId: string): void {
  const now = p.now();
  p.db.prepare('UPDATE attributes SET deleted_at = ?, updated_at = ?, coder_id = ? WHERE id = ?').run(now, now, coderId, id);
}

/** How many cases have a value for the attribute. */
export function attributeUse(p: Project, id: string): number {
  return p.db
    .prepare("SELECT count(*) FROM attribute_values v JOIN cases c ON c.id = v.case_id WHERE v.attribute_id = ? AND v.value != '' AND c.deleted_at IS NULL")
    .pluck()
    .get(id) as number;
}

/** Sets (or, with an empty value, clears) one attribute of a case. Returns whether it changed. */
export function setAttributeValue(p: Project, caseId: string, attributeId: string, value: string, coderId: string): boolean {
  const clean = value.trim();
  const old = p.db.prepare('SELECT value FROM attribute_values WHERE case_id = ? AND attribute_id = ?').pluck().get(caseId, attributeId) as string | undefined;
  if ((old ?? '') === clean) return false;
  p.db
    .prepare(
      `INSERT INTO attribute_values (case_id, attribute_id, value, updated_at, coder_id) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(case_id, attribute_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, coder_id = excluded.coder_id`,
    )
    .run(caseId, attributeId, clean, p.now(), coderId);
  return true;
}

import type { AnchorExample, Code } from '../../shared/types';
import type { Project } from './db';
import { InputError, NotFoundError } from '../../shared/errors';

export interface CodeRow {
  id: string;
  parent_id: string | null;
  name: string;
  colour: string;
  sort: number;
  definition: string;
  when_to_use: string;
  when_not_to_use: string;
  updated_at: string;
  coder_id: string;
  deleted_at: string | null;
}

interface CodeListRow extends CodeRow {
  segments: number;
}

/** Every live code in tree order (parents before children, siblings by sort then name). */
export function listCodes(p: Project): Code[] {
  const rows = p.db
    .prepare(
      `SELECT c.*, (SELECT count(*) FROM segments s WHERE s.code_id = c.id AND s.deleted_at IS NULL) AS segments
       FROM codes c WHERE c.deleted_at IS NULL`,
    )
    .all() as CodeListRow[];
  const anchors = p.db.prepare('SELECT code_id, segment_id, note FROM anchor_examples WHERE deleted_at IS NULL ORDER BY updated_at').all() as {
    code_id: string;
    segment_id: string;
    note: string;
  }[];
  const anchorsByCode = new Map<string, AnchorExample[]>();
  for (const a of anchors) {
    const list = anchorsByCode.get(a.code_id) ?? [];
    list.push({ segmentId: a.segment_id, note: a.note });
    anchorsByCode.set(a.code_id, list);
  }
  const byParent = new Map<string | null, CodeListRow[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    const parent = r.parent_id && ids.has(r.parent_id) ? r.parent_id : null;
    const list = byParent.get(parent) ?? [];
    list.push(r);
    byParent.set(parent, list);
  }
  const out: Code[] = [];
  const walk = (parent: string | null, prefix: string) => {
    const kids = (byParent.get(parent) ?? []).sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name));
    for (const r of kids) {
      const path = prefix ? `${prefix}/${r.name}` : r.name;
      out.push({
        id: r.id,
        parentId: parent,
        name: r.name,
        path,
        colour: r.colour,
        sort: r.sort,
        definition: r.definition,
        whenToUse: r.when_to_use,
        whenNotToUse: r.when_not_to_use,
        anchors: anchorsByCode.get(r.id) ?? [],
        segments: r.segments,
      });
      walk(r.id, path);
    }
  };
  walk(null, '');
  return out;
}

export function getCodeRow(p: Project, id: string): CodeRow {
  const row = p.db.prepare('SELECT * FROM codes WHERE id = ? AND deleted_at IS NULL').get(id) as CodeRow | undefined;
  if (!row) throw new NotFoundError(`no code with id ${id}`);
  return row;
}

export function getCode(p: Project, id: string): Code {
  const code = listCodes(p).find((c) => c.id === id);
  if (!code) throw new NotFoundError(`no code with id ${id}`);
  return code;
}

/** A code by its path ("Students/Skills/ICT"), matched ignoring case, or by id. */
export function resolveCodePath(p: Project, path: string): Code {
  const codes = listCodes(p);
  const wanted = path
    .trim()
    .replace(/^\/+|\/+$/g, '')
    .toLowerCase();
  const code = codes.find((c) => c.id === path) ?? codes.find((c) => c.path.toLowerCase() === wanted);
  if (!code) throw new NotFoundError(`no code "${path}" in the codebook`);
  return code;
}

/** The code and all its descendants' ids. */
export function descendantIds(p: Project, id: string): string[] {
  const rows = p.db
    .prepare(
      `WITH RECURSIVE tree(id) AS (SELECT ? UNION ALL SELECT c.id FROM codes c JOIN tree ON c.parent_id = tree.id WHERE c.deleted_at IS NULL)
       SELECT id FROM tree`,
    )
    .pluck()
    .all(id) as string[];
  return rows;
}

export function siblingNameTaken(p: Project, parentId: string | null, name: string, exceptId?: string): boolean {
  const row = p.db
    .prepare(`SELECT 1 FROM codes WHERE deleted_at IS NULL AND name = ? COLLATE NOCASE AND parent_id IS ? AND id IS NOT ?`)
    .get(name, parentId, exceptId ?? null);
  return !!row;
}

export function nextSort(p: Project, parentId: string | null): number {
  const row = p.db.prepare('SELECT max(sort) AS m FROM codes WHERE parent_id IS ? AND deleted_at IS NULL').get(parentId) as {
    m: number | null;
  };
  return (row.m ?? 0) + 1;
}

export function insertCode(p: Project, row: CodeRow): void {
  if (!row.name.trim()) throw new InputError('a code needs a name');
  p.db
    .prepare(
      `INSERT INTO codes (id, parent_id, name, colour, sort, definition, when_to_use, when_not_to_use, updated_at, coder_id, deleted_at)
       VALUES (@id, @parent_id, @name, @colour, @sort, @definition, @when_to_use, @when_not_to_use, @updated_at, @coder_id, @deleted_at)`,
    )
    .run(row);
}

export type CodeChanges = Partial<Pick<CodeRow, 'parent_id' | 'name' | 'colour' | 'sort' | 'definition' | 'when_to_use' | 'when_not_to_use'>>;

const EDITABLE = ['parent_id', 'name', 'colour', 'sort', 'definition', 'when_to_use', 'when_not_to_use'] as const;

export function updateCodeRow(p: Project, id: string, changes: CodeChanges, coderId: string): void {
  const sets: string[] = [];
  const args: Record<string, unknown> = { id, updated_at: p.now(), coder_id: coderId };
  for (const key of EDITABLE) {
    if (changes[key] === undefined) continue;
    sets.push(`${key} = @${key}`);
    args[key] = changes[key];
  }
  if (sets.length === 0) return;
  p.db.prepare(`UPDATE codes SET ${sets.join(', ')}, updated_at = @updated_at, coder_id = @coder_id WHERE id = @id`).run(args);
}

export function tombstoneCodes(p: Project, ids: string[], coderId: string): void {
  const now = p.now();
  const code = p.db.prepare('UPDATE codes SET deleted_at = ?, updated_at = ?, coder_id = ? WHERE id = ?');
  const segs = p.db.prepare('UPDATE segments SET deleted_at = ?, updated_at = ? WHERE code_id = ? AND deleted_at IS NULL');
  const anchors = p.db.prepare('UPDATE anchor_examples SET deleted_at = ?, updated_at = ?, coder_id = ? WHERE code_id = ? AND deleted_at IS NULL');
  for (const id of ids) {
    code.run(now, now, coderId, id);
    segs.run(now, now, id);
    anchors.run(now, now, coderId, id);
  }
}

export function setAnchor(p: Project, codeId: string, segmentId: string, note: string | null, coderId: string): void {
  const now = p.now();
  p.db
    .prepare(
      `INSERT INTO anchor_examples (code_id, segment_id, note, updated_at, coder_id, deleted_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(code_id, segment_id) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at,
         coder_id = excluded.coder_id, deleted_at = excluded.deleted_at`,
    )
    .run(codeId, segmentId, note ?? '', now, coderId, note === null ? now : null);
}

import { CODE_PALETTE } from '../../shared/codebooks/palette';
import type { Code } from '../../shared/types';
import { backupProject } from '../store/backup';
import * as codes from '../store/codes';
import { currentCoder } from '../store/coders';
import type { Project } from '../store/db';
import { InputError } from '../../shared/errors';
import { action } from '../store/history';
import { inList } from '../store/sql';

export interface NewCode {
  name: string;
  parentId?: string | null;
  colour?: string;
  definition?: string;
  whenToUse?: string;
  whenNotToUse?: string;
}

const HEX = /^#[0-9a-f]{6}$/i;

function pickColour(p: Project, parentId: string | null): string {
  if (parentId) return codes.getCodeRow(p, parentId).colour;
  const used = p.db.prepare('SELECT count(*) FROM codes WHERE parent_id IS NULL AND deleted_at IS NULL').pluck().get() as number;
  return CODE_PALETTE[used % CODE_PALETTE.length];
}

function checkName(p: Project, parentId: string | null, name: string, exceptId?: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw new InputError('a code needs a name');
  if (clean.includes('/')) throw new InputError(`a code name cannot contain "/" (it separates a code path): "${clean}"`);
  if (codes.siblingNameTaken(p, parentId, clean, exceptId)) throw new InputError(`a code named "${clean}" already exists here`);
  return clean;
}

export function createCode(p: Project, input: NewCode): Code {
  const coder = currentCoder(p);
  const parentId = input.parentId ?? null;
  if (input.colour && !HEX.test(input.colour)) throw new InputError(`"${input.colour}" is not a colour like #0072B2`);
  const id = action(p, `Add code "${input.name.trim()}"`, () => {
    if (parentId) codes.getCodeRow(p, parentId);
    const name = checkName(p, parentId, input.name);
    const row: codes.CodeRow = {
      id: p.newId(),
      parent_id: parentId,
      name,
      colour: input.colour ?? pickColour(p, parentId),
      sort: codes.nextSort(p, parentId),
      definition: input.definition ?? '',
      when_to_use: input.whenToUse ?? '',
      when_not_to_use: input.whenNotToUse ?? '',
      updated_at: p.now(),
      coder_id: coder.id,
      deleted_at: null,
    };
    codes.insertCode(p, row);
    return row.id;
  });
  return codes.getCode(p, id);
}

/** Creates each missing part of a path like "Students/Skills/Drama" (inductive coding). */
export function ensureCodePath(p: Project, path: string): Code {
  const parts = path
    .split('/')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new InputError('a code path needs at least one name');
  let parentId: string | null = null;
  let code: Code | null = null;
  const all = codes.listCodes(p);
  for (let i = 0; i < parts.length; i++) {
    const prefix = parts
      .slice(0, i + 1)
      .join('/')
      .toLowerCase();
    const found = all.find((c) => c.path.toLowerCase() === prefix);
    code = found ?? createCode(p, { name: parts[i], parentId });
    parentId = code.id;
  }
  return code!;
}

export interface CodeEdit {
  name?: string;
  colour?: string;
  definition?: string;
  whenToUse?: string;
  whenNotToUse?: string;
}

export function updateCode(p: Project, id: string, edit: CodeEdit): Code {
  const coder = currentCoder(p);
  const row = codes.getCodeRow(p, id);
  if (edit.colour !== undefined && !HEX.test(edit.colour)) throw new InputError(`"${edit.colour}" is not a colour like #0072B2`);
  const label =
    edit.name !== undefined ? `Rename code "${row.name}"` : edit.colour !== undefined ? `Recolour code "${row.name}"` : `Describe code "${row.name}"`;
  // Saves while typing in one field of this code are one undo step (store/history.ts).
  const fields = Object.keys(edit)
    .filter((k) => edit[k as keyof CodeEdit] !== undefined)
    .sort()
    .join(',');
  action(
    p,
    label,
    () => {
      codes.updateCodeRow(
        p,
        id,
        {
          name: edit.name === undefined ? undefined : checkName(p, row.parent_id, edit.name, id),
          colour: edit.colour,
          definition: edit.definition,
          when_to_use: edit.whenToUse,
          when_not_to_use: edit.whenNotToUse,
        },
        coder.id,
      );
    },
    `code ${id} ${fields}`,
  );
  return codes.getCode(p, id);
}

/** Moves a code under a new parent (null = top level), before `beforeId` among its new siblings. */
export function moveCode(p: Project, id: string, parentId: string | null, beforeId?: string | null): Code {
  const coder = currentCoder(p);
  const row = codes.getCodeRow(p, id);
  if (parentId && codes.descendantIds(p, id).includes(parentId)) throw new InputError(`cannot move "${row.name}" inside itself`);
  action(p, `Move code "${row.name}"`, () => {
    if (parentId) codes.getCodeRow(p, parentId);
    checkName(p, parentId, row.name, id);
    let sort = codes.nextSort(p, parentId);
    if (beforeId) {
      const siblings = codes.listCodes(p).filter((c) => c.parentId === parentId && c.id !== id);
      const at = siblings.findIndex((c) => c.id === beforeId);
      if (at >= 0) sort = at === 0 ? siblings[0].sort - 1 : (siblings[at - 1].sort + siblings[at].sort) / 2;
    }
    codes.updateCodeRow(p, id, { parent_id: parentId, sort }, coder.id);
  });
  return codes.getCode(p, id);
}

/** How much a delete or merge touches: the code, its descendants, their segments. */
export function codeImpact(p: Project, id: string): { codes: number; segments: number } {
  const ids = codes.descendantIds(p, id);
  const inIds = inList('code_id', ids);
  const segments = p.db.prepare(`SELECT count(*) FROM segments WHERE deleted_at IS NULL AND ${inIds.sql}`).pluck().get(inIds.param) as number;
  return { codes: ids.length, segments };
}

export async function deleteCode(p: Project, id: string): Promise<{ codes: number; segments: number }> {
  const coder = currentCoder(p);
  const row = codes.getCodeRow(p, id);
  const impact = codeImpact(p, id);
  await backupProject(p, 'delete-code');
  action(p, `Delete code "${row.name}"`, () => codes.tombstoneCodes(p, codes.descendantIds(p, id).reverse(), coder.id));
  return impact;
}

/** Merges `fromId` into `intoId`: segments and child codes move over; duplicates collapse. */
export async function mergeCodes(p: Project, fromId: string, intoId: string): Promise<Code> {
  if (fromId === intoId) throw new InputError('cannot merge a code into itself');
  const coder = currentCoder(p);
  const from = codes.getCodeRow(p, fromId);
  const into = codes.getCodeRow(p, intoId);
  if (codes.descendantIds(p, fromId).includes(intoId)) throw new InputError(`cannot merge "${from.name}" into its own child`);
  await backupProject(p, 'merge-codes');
  action(p, `Merge "${from.name}" into "${into.name}"`, () => {
    const now = p.now();
    p.db.prepare('UPDATE segments SET code_id = ?, updated_at = ? WHERE code_id = ? AND deleted_at IS NULL').run(intoId, now, fromId);
    // The same passage coded with both codes by the same coder becomes one segment.
    p.db
      .prepare(
        `UPDATE segments SET deleted_at = ?, updated_at = ? WHERE code_id = ? AND deleted_at IS NULL AND id NOT IN (
           SELECT min(id) FROM segments WHERE code_id = ? AND deleted_at IS NULL GROUP BY document_id, coder_id, start, end)`,
      )
      .run(now, now, intoId, intoId);
    for (const child of codes.listCodes(p).filter((c) => c.parentId === fromId)) {
      const taken = codes.siblingNameTaken(p, intoId, child.name);
      codes.updateCodeRow(p, child.id, { parent_id: intoId, name: taken ? `${child.name} (from ${from.name})` : undefined }, coder.id);
    }
    p.db
      .prepare(
        `UPDATE anchor_examples SET code_id = ?, updated_at = ? WHERE code_id = ? AND deleted_at IS NULL
                  AND segment_id NOT IN (SELECT segment_id FROM anchor_examples WHERE code_id = ?)`,
      )
      .run(intoId, now, fromId, intoId);
    codes.tombstoneCodes(p, [fromId], coder.id);
    const extra = [from.definition && `Merged from "${from.name}": ${from.definition}`].filter(Boolean).join('\n');
    if (extra) codes.updateCodeRow(p, intoId, { definition: [into.definition, extra].filter(Boolean).join('\n') }, coder.id);
  });
  return codes.getCode(p, intoId);
}

/** Links a segment as an anchor example of a code (note null removes it). */
export function setAnchorExample(p: Project, codeId: string, segmentId: string, note: string | null): Code {
  const coder = currentCoder(p);
  codes.getCodeRow(p, codeId);
  action(p, note === null ? 'Remove anchor example' : 'Add anchor example', () => codes.setAnchor(p, codeId, segmentId, note, coder.id));
  return codes.getCode(p, codeId);
}

export const listCodes = codes.listCodes;
export const resolveCodePath = codes.resolveCodePath;

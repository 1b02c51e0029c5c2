import type { Coder } from '../../shared/types';
import type { Project } from './db';
import { NotFoundError } from '../../shared/errors';
import { getSetting, setSetting } from './settings';

interface CoderRow {
  id: string;
  name: string;
}

export function listCoders(p: Project): Coder[] {
  return p.db.prepare('SELECT id, name FROM coders WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE').all() as CoderRow[];
}

export function getCoder(p: Project, id: string): Coder {
  const row = p.db.prepare('SELECT id, name FROM coders WHERE id = ?').get(id) as CoderRow | undefined;
  if (!row) throw new NotFoundError(`no coder with id ${id}`);
  return row;
}

export function findCoderByName(p: Project, name: string): Coder | null {
  const row = p.db.prepare('SELECT id, name FROM coders WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL ORDER BY created_at LIMIT 1').get(name.trim()) as
    CoderRow | undefined;
  return row ?? null;
}

/** The coder with this name, created on first use (coders are named people, not accounts). */
export function ensureCoder(p: Project, name: string): Coder {
  const clean = name.trim() || 'Coder';
  const found = findCoderByName(p, clean);
  if (found) return found;
  const now = p.now();
  const coder = { id: p.newId(), name: clean };
  p.db.prepare('INSERT INTO coders (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(coder.id, coder.name, now, now);
  return coder;
}

/** Who is writing in this project file: set at creation, by a coder copy, or by the user. */
export function currentCoder(p: Project): Coder {
  const id = getSetting(p, 'coder');
  if (id) {
    const row = p.db.prepare('SELECT id, name FROM coders WHERE id = ? AND deleted_at IS NULL').get(id) as CoderRow | undefined;
    if (row) return row;
  }
  if (p.readonly) return listCoders(p)[0] ?? { id: '', name: 'Coder' };
  const coder = ensureCoder(p, 'Coder');
  setSetting(p, 'coder', coder.id);
  return coder;
}

export function setCurrentCoder(p: Project, name: string): Coder {
  const coder = ensureCoder(p, name);
  setSetting(p, 'coder', coder.id);
  return coder;
}

/** Resolves an optional --coder name to a coder, defaulting to the current one. */
export function coderFor(p: Project, name?: string | null): Coder {
  return name ? ensureCoder(p, name) : currentCoder(p);
}

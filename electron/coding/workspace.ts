import type { KeyBindings, Place } from '../../shared/api/workspace';
import { InputError } from '../../shared/errors';
import { currentCoder } from '../store/coders';
import type { Project } from '../store/db';
import { getSetting, setSetting } from '../store/settings';

// Each coder's workspace settings, in the project's settings table under a key
// naming the coder ("keys:<coder id>", "place:<coder id>").

const KEYS = 9;

function parsed<T>(raw: string | null): T | null {
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

/** The current coder's number keys; a key whose code was deleted shows as free, never as another code. */
export function keyBindings(p: Project): KeyBindings {
  const stored = parsed<unknown[]>(getSetting(p, `keys:${currentCoder(p).id}`)) ?? [];
  const live = new Set((p.db.prepare('SELECT id FROM codes WHERE deleted_at IS NULL').all() as { id: string }[]).map((r) => r.id));
  return Array.from({ length: KEYS }, (_, i) => {
    const id = stored[i];
    return typeof id === 'string' && live.has(id) ? id : null;
  });
}

/** Puts a code on a key (off any other key it held), or frees the key. */
export function bindKey(p: Project, key: number, codeId: string | null): KeyBindings {
  if (!Number.isInteger(key) || key < 1 || key > KEYS) throw new InputError(`key ${key} is not one of 1–9`);
  return p.db.transaction(() => {
    if (codeId && !p.db.prepare('SELECT 1 FROM codes WHERE id = ? AND deleted_at IS NULL').get(codeId)) throw new InputError('that code no longer exists');
    const keys = keyBindings(p).map((id) => (id === codeId ? null : id));
    keys[key - 1] = codeId;
    setSetting(p, `keys:${currentCoder(p).id}`, JSON.stringify(keys));
    return keys;
  })();
}

/** Where the current coder was: the document and its scroll offset (null when the document is gone). */
export function lastPlace(p: Project): Place | null {
  const place = parsed<Place>(getSetting(p, `place:${currentCoder(p).id}`));
  if (!place || typeof place.documentId !== 'string') return null;
  const exists = p.db.prepare('SELECT 1 FROM documents WHERE id = ? AND deleted_at IS NULL').get(place.documentId);
  return exists ? { documentId: place.documentId, scroll: Math.max(0, Number(place.scroll) || 0) } : null;
}

export function rememberPlace(p: Project, place: Place): null {
  setSetting(p, `place:${currentCoder(p).id}`, JSON.stringify({ documentId: place.documentId, scroll: Math.round(place.scroll) }));
  return null;
}

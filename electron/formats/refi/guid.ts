import { createHash } from 'node:crypto';

// REFI-QDA identifies everything by GUID. Fieldcode's ids are UUIDs already and
// are written as they are, so a round trip keeps every identity; anything else
// (an id from a tool that wrote no GUID) gets a stable GUID derived from it.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A GUID from the given parts, the same every time (a name-based UUID, version 5 layout). */
export function deriveGuid(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('\u0000')).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** An id as a schema-valid GUID: itself when it is one. */
export function asGuid(id: string): string {
  return GUID.test(id) ? id : deriveGuid('fieldcode-id', id);
}

/**
 * A second GUID belonging to the thing `id` names (a segment's Coding beside its
 * selection): the first group XOR-ed with a constant, which is one-to-one, stable
 * and far cheaper than hashing 50,000 ids.
 */
export function companionGuid(id: string): string {
  if (!GUID.test(id)) return deriveGuid('fieldcode-companion', id);
  const head = ((parseInt(id.slice(0, 8), 16) ^ 0xc0d1c0d1) >>> 0).toString(16).padStart(8, '0');
  return head + id.slice(8).toLowerCase();
}

/** A GUID read from a file, in one spelling: no braces, lower case. Empty when missing. */
export function readGuid(raw: string | undefined | null): string {
  return (raw ?? '')
    .trim()
    .replace(/^\{(.*)\}$/, '$1')
    .toLowerCase();
}

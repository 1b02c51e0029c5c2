// The one place that says how a REFI-QDA colour and a code name become
// Fieldcode's: used by the project import, the codebook import and the writer.

/** #RGB or #RRGGBB (with or without "#") as upper-case #RRGGBB; anything else is no colour (''). */
export function refiColour(raw: string | null | undefined): string {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(raw?.trim() ?? '');
  if (!m) return '';
  return `#${(m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1]).toUpperCase()}`;
}

/** "/" separates a code path in Fieldcode, so one inside a name becomes "∕"; spaces fold; never empty. */
export function cleanCodeName(name: string): string {
  return name.replace(/\//g, '\u2215').replace(/\s+/g, ' ').trim() || 'Unnamed code';
}

// Small text helpers every exporter shares.

import { markupText, validXml } from '../xml-escape';

// A transcript pasted from a PDF can carry characters XML cannot hold, and one such
// character makes Word or Excel refuse the whole file: reports drop them (see
// ../xml-escape.ts for why REFI-QDA keeps a U+FFFD instead).
export function xmlSafe(s: string): string {
  return validXml(s, 'drop');
}

/** For HTML and inline SVG, where the same string may go in text or an attribute. */
export function escapeXml(s: string): string {
  return markupText(s, 'drop');
}

/** Seconds → "h:mm:ss" (with milliseconds when the source had them); '' when unknown. */
export function formatTime(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '';
  const whole = Math.floor(seconds);
  const ms = Math.round((seconds - whole) * 1000);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const base = `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return ms ? `${base}.${String(ms).padStart(3, '0')}` : base;
}

/** "document, speaker, case" — the source reference under a quotation. */
export function sourceReference(s: { document: string; speaker: string | null; role?: string | null; caseName: string | null }): string {
  const speaker = s.speaker && s.role ? `${s.speaker} (${s.role})` : (s.speaker ?? s.role);
  return [s.document, speaker, s.caseName].filter(Boolean).join(', ');
}

/** A file name's stem from a title: no path separators or characters Windows refuses. */
export function safeFileStem(title: string): string {
  const stem = title
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return stem || 'Fieldcode report';
}

/** A colour as reports write it: only a validated #rrggbb, never anything a style could run. */
export function colourOf(colour: string): string {
  return /^#[0-9a-f]{6}$/i.test(colour) ? colour : '#888888';
}

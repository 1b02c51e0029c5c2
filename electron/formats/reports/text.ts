// Small text helpers every exporter shares.

// XML 1.0 forbids most C0 controls (and lone surrogates, FFFE/FFFF); a transcript
// pasted from a PDF can carry them, and one such character makes Word or Excel
// refuse the whole file. They are dropped from XML-based formats only.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlSafe(s: string): string {
  return s.replace(XML_INVALID, '');
}

export function escapeXml(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
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

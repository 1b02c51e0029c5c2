// The one XML escaper of every writer in formats/ (DOCX, XLSX, REFI-QDA, HTML/SVG).
// They share what XML itself demands; where they differ on purpose, the caller says
// so by name:
//   - characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF,
//     even as references): REFI-QDA keeps a visible U+FFFD where one was, so a
//     researcher sees that the transcript held something; Word and Excel exports drop
//     them, as a report is read, not exchanged;
//   - which characters become references depends on where the text goes (element
//     content, an attribute, or HTML where the same string may go in either);
//   - XLSX adds its own `_xHHHH_` escape on top (xlsx-writer.ts).

export type InvalidXml = 'drop' | 'replace';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// A cheap first look, so most strings (plain words) pass through untouched.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_CARE = /[\u0000-\u001F&<>"'\uD800-\uDFFF\uFFFE\uFFFF]/;

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' };
/** element content: a carriage return kept as a reference, since parsers fold a literal one into LF */
const TEXT_SPECIAL = /[&<>\r]/g;
/** attribute values: line breaks and tabs as references, since parsers fold literal ones into spaces */
const ATTR_SPECIAL = /[&<>"\r\n\t]/g;
/** HTML and inline SVG, where one string may land in text or in an attribute */
const MARKUP_SPECIAL = /[&<>"']/g;

/** The string without the characters XML cannot hold: dropped, or each replaced by U+FFFD. */
export function validXml(s: string, invalid: InvalidXml): string {
  return s.replace(XML_INVALID, invalid === 'drop' ? '' : '\uFFFD');
}

function escape(s: string, special: RegExp, invalid: InvalidXml): string {
  if (!NEEDS_CARE.test(s)) return s;
  return validXml(s, invalid).replace(special, (c) => ENTITY[c]);
}

export const xmlText = (s: string, invalid: InvalidXml): string => escape(s, TEXT_SPECIAL, invalid);
export const xmlAttr = (s: string, invalid: InvalidXml): string => escape(s, ATTR_SPECIAL, invalid);
export const markupText = (s: string, invalid: InvalidXml): string => escape(s, MARKUP_SPECIAL, invalid);

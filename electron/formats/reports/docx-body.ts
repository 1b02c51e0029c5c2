import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { escapeXml, xmlSafe } from './text';

// WordprocessingML paragraphs written as strings. The `docx` package builds the
// package (styles, numbering, properties) and the report's front matter; the
// thousands of quotation paragraphs are spliced in here, because building them
// as `docx` objects costs ~10 s for 50,000 segments against a 10 s budget.

export interface WRun {
  text: string;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  rtl?: boolean;
}

/** A marker paragraph the body replaces; its text cannot occur in a transcript. */
export const BODY_MARKER = 'FIELDCODE-BODY-7f3c2a91';

function run(r: WRun): string {
  const props = `${r.bold ? '<w:b/><w:bCs/>' : ''}${r.italics ? '<w:i/><w:iCs/>' : ''}${r.color ? `<w:color w:val="${r.color}"/>` : ''}${r.rtl ? '<w:rtl/>' : ''}`;
  // Word ignores "\n" inside <w:t>: each line break becomes <w:br/>.
  const lines = xmlSafe(r.text).replace(/\r\n?/g, '\n').split('\n');
  const body = lines.map((l, i) => `${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(l)}</w:t>`).join('');
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${body}</w:r>`;
}

export function paragraph(style: string | null, runs: WRun[], opts: { bidi?: boolean } = {}): string {
  const pPr = style || opts.bidi ? `<w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${opts.bidi ? '<w:bidi/>' : ''}</w:pPr>` : '';
  return `<w:p>${pPr}${runs
    .filter((r) => r.text !== '')
    .map(run)
    .join('')}</w:p>`;
}

export function headingParagraph(text: string, depth: number): string {
  return paragraph(`Heading${Math.min(depth + 1, 6)}`, [{ text }]);
}

/** Replaces the marker paragraph of a `docx`-built file with `body` (paragraph XML). */
export function spliceBody(docx: Uint8Array, body: string): Uint8Array {
  const files = unzipSync(docx);
  const xml = strFromU8(files['word/document.xml']);
  const at = xml.indexOf(BODY_MARKER);
  const open = xml.lastIndexOf('<w:p>', at);
  const close = xml.indexOf('</w:p>', at);
  if (at < 0 || open < 0 || close < 0) throw new Error('the DOCX template lost its body marker');
  files['word/document.xml'] = strToU8(`${xml.slice(0, open)}${body}${xml.slice(close + '</w:p>'.length)}`);
  // [Content_Types].xml first, as Word writes it; some readers look for it there.
  const zippable: Zippable = { '[Content_Types].xml': files['[Content_Types].xml'] };
  for (const [name, data] of Object.entries(files))
    if (name !== '[Content_Types].xml') zippable[name] = [data, { level: name === 'word/document.xml' ? 6 : 9 }];
  return zipSync(zippable);
}

import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';

// Reads a written DOCX back as Word sees it: paragraphs with their style and text
// (tables flattened, marked), so tests check headings, order and quotations.

export interface Para {
  style: string;
  text: string;
  inTable: boolean;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(x?)([0-9a-f]+);/gi, (_, x: string, n: string) => String.fromCodePoint(parseInt(n, x ? 16 : 10)))
    .replace(/&amp;/g, '&');

export function docxParts(data: Uint8Array | string): Record<string, string> {
  const files = unzipSync(typeof data === 'string' ? readFileSync(data) : data);
  return Object.fromEntries(
    Object.entries(files)
      .filter(([n]) => n.endsWith('.xml'))
      .map(([n, b]) => [n, strFromU8(b)]),
  );
}

export function paragraphs(data: Uint8Array | string): Para[] {
  const xml = docxParts(data)['word/document.xml'];
  const out: Para[] = [];
  const re = /<w:tbl>|<\/w:tbl>|<w:p\b[^>]*\/>|<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g;
  let inTable = false;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[0] === '<w:tbl>') inTable = true;
    else if (m[0] === '</w:tbl>') inTable = false;
    else {
      const body = m[1] ?? '';
      const style = /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? '';
      const text = [...body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1])).join('');
      out.push({ style, text, inTable });
    }
  }
  return out;
}

/** Paragraphs between each Heading1 and the next: section title → its paragraphs. */
export function sections(paras: Para[], level = 'Heading1'): [string, Para[]][] {
  const out: [string, Para[]][] = [];
  for (const p of paras) {
    if (p.style === level) out.push([p.text, []]);
    else if (out.length) out[out.length - 1][1].push(p);
  }
  return out;
}

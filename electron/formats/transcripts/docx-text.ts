// Paragraph text from WordprocessingML (word/document.xml). A small tag scanner
// rather than a DOM: it never resolves entities beyond XML's own five and
// character references, and it keeps memory flat on long transcripts.

const WORD_NAMESPACES = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];
const TOKEN = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>/g;
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The prefix bound to the WordprocessingML namespace (Word always writes `w`). */
function wordPrefix(xml: string): string {
  const head = xml.slice(0, 32768);
  for (const m of head.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)) if (WORD_NAMESPACES.includes(m[2])) return m[1];
  return 'w';
}

export function decodeXmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (all, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name];
    const cp = hex ? parseInt(hex, 16) : Number(dec);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
  });
}

/**
 * Paragraphs in document order; a line break inside a paragraph becomes "\n".
 * Tracked deletions, moved-from text, field instructions and the fallback copy
 * of text boxes are left out (Word shows none of them). Runs of empty
 * paragraphs collapse to one blank line; none at the start or end.
 */
export function paragraphsOf(xml: string): string[] {
  const w = wordPrefix(xml);
  const P = `${w}:p`;
  const R = `${w}:r`;
  const texts = new Set([`${w}:t`, 'm:t']);
  const skipped = new Set([`${w}:del`, `${w}:moveFrom`, `${w}:instrText`, `${w}:delText`, 'mc:Fallback']);
  const inRun: Record<string, string> = { [`${w}:tab`]: '\t', [`${w}:br`]: '\n', [`${w}:cr`]: '\n', [`${w}:noBreakHyphen`]: '-' };

  const out: string[] = [];
  const open: string[][] = [];
  let skipDepth = 0;
  let runDepth = 0;
  let inText = false;
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    if (inText && open.length > 0) open[open.length - 1].push(decodeXmlEntities(xml.slice(last, m.index)));
    last = TOKEN.lastIndex;
    const name = m[2];
    if (!name) continue; // comment, processing instruction, CDATA, declaration
    const closing = m[1] === '/';
    const selfClosing = !closing && m[3].endsWith('/');
    if (skipDepth > 0) {
      if (!selfClosing) skipDepth += closing ? -1 : 1;
      continue;
    }
    if (!closing && skipped.has(name)) {
      if (!selfClosing) skipDepth = 1;
      continue;
    }
    if (name === P) {
      if (selfClosing) out.push('');
      else if (closing) out.push((open.pop() ?? []).join(''));
      else open.push([]);
    } else if (name === R && !selfClosing) runDepth += closing ? -1 : 1;
    else if (texts.has(name)) inText = !closing && !selfClosing;
    else if (!closing && runDepth > 0 && inRun[name] !== undefined && open.length > 0) {
      // A page or column break is still a break between lines of the same paragraph.
      open[open.length - 1].push(inRun[name]);
    }
  }
  return tidy(out);
}

function tidy(paragraphs: string[]): string[] {
  const lines: string[] = [];
  for (const p of paragraphs) {
    const blank = !/\S/.test(p);
    if (blank && (lines.length === 0 || lines[lines.length - 1] === '')) continue;
    lines.push(
      blank
        ? ''
        : p
            .replace(/^\n+/, '')
            .replace(/\s+$/, '')
            .replace(/[ \t]+$/gm, ''),
    );
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

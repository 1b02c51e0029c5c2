import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { RefiError } from './errors';

// Reads the XML of project.qde and .qdc files into a plain tree. Safe by refusal:
// a DOCTYPE or ENTITY declaration (entity expansion, external entities) is never
// needed by REFI-QDA and is refused before any parsing; only the five XML entities
// and character references are expanded, by us. Namespace prefixes are dropped so
// files with a missing or mistyped namespace (some tools' codebooks) still read.

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** The text of XML bytes: a byte-order mark decides, then UTF-8 (the standard's encoding). */
export function decodeXml(file: string, part: string, bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0x3c && bytes[1] === 0) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0 && bytes[1] === 0x3c) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const declared = /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 200)))?.[1].toLowerCase();
    if (declared && /^(iso-8859-1|latin-?1|windows-1252|cp1252)$/.test(declared)) return new TextDecoder('windows-1252').decode(bytes);
    throw new RefiError(file, `${part} is not UTF-8 text (REFI-QDA files are UTF-8)`);
  }
}

const DECLARATION = /<!\s*(DOCTYPE|ENTITY)\b/i;

function refuseDeclarations(file: string, part: string, xml: string): void {
  if (!DECLARATION.test(xml)) return;
  // Only outside comments and CDATA does it declare anything.
  const m = DECLARATION.exec(xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, ''));
  if (m)
    throw new RefiError(
      file,
      `${part} declares ${m[1].toUpperCase() === 'ENTITY' ? 'an ENTITY' : 'a DOCTYPE'}, which REFI-QDA files never need; refused for safety`,
    );
}

const REFERENCE = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function fromCodePoint(n: number): string {
  return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '\uFFFD';
}

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(REFERENCE, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) =>
    name ? NAMED[name] : fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16)),
  );
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
});

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function toNode(name: string, item: Ordered): XmlNode {
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(item[':@'] ?? {})) attrs[k] = decodeEntities(String(v));
  const node: XmlNode = { name, attrs, children: [], text: '' };
  for (const child of (item[name] as Ordered[] | undefined) ?? []) {
    if ('#text' in child) node.text += decodeEntities(String(child['#text']));
    else if ('#cdata' in child) node.text += ((child['#cdata'] as Ordered[]) ?? []).map((c) => String(c['#text'] ?? '')).join('');
    else {
      const key = Object.keys(child).find((k) => k !== ':@');
      if (key) node.children.push(toNode(key, child));
    }
  }
  return node;
}

/** Parses one XML document (refusing DTDs and malformed XML) and returns its root element. */
export function parseXml(file: string, part: string, xml: string): XmlNode {
  if (!xml.trim()) throw new RefiError(file, `${part} is empty`);
  refuseDeclarations(file, part, xml);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { line, msg } = valid.err;
    throw new RefiError(file, `${part} is not well-formed XML (line ${line}: ${msg.replace(/\s+/g, ' ')})`);
  }
  let ordered: Ordered[];
  try {
    ordered = parser.parse(xml) as Ordered[];
  } catch (e) {
    const reason = e instanceof Error && /nested/i.test(e.message) ? 'its elements are nested too deeply' : 'it cannot be read as XML';
    throw new RefiError(file, `${part}: ${reason}`);
  }
  const roots = ordered.flatMap((item) => {
    const key = Object.keys(item).find((k) => k !== ':@' && !k.startsWith('#'));
    return key ? [toNode(key, item)] : [];
  });
  if (roots.length !== 1) throw new RefiError(file, `${part} is not well-formed XML (it has ${roots.length} root elements)`);
  return roots[0];
}

export function kids(n: XmlNode | undefined, name: string): XmlNode[] {
  return n ? n.children.filter((c) => c.name === name) : [];
}

export function kid(n: XmlNode | undefined, name: string): XmlNode | undefined {
  return n?.children.find((c) => c.name === name);
}

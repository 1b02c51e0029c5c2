import { RefiError } from './errors';
import type { RefiCodebook, RefiProject } from './model';
import { readCodebook, readProject } from './qde-read';
import { codebookXml, projectXml } from './qde-write';
import { decodeXml, parseXml } from './xml-read';
import { writeZip, ZipReader, ZIP_LIMITS, type ZipEntry, type ZipLimits } from './zip';

// A .qdpx is a zip of project.qde and a flat sources/ folder. Tools differ in the
// details (fixtures README): `sources/` or `Sources/`, `project.qde` or
// `Project.qde`, and internal files named `internal://<GUID>.txt` or by a bare
// file name — all looked up ignoring case. A bare project.qde (no zip) reads too,
// without its internal sources.

const encoder = new TextEncoder();

/** The bytes of a .qdpx: project.qde plus each internal file ("sources/<guid>.txt" → text). */
export function packQdpx(project: RefiProject, sources: Map<string, string>): Uint8Array {
  const files: Record<string, Uint8Array> = { 'project.qde': encoder.encode(projectXml(project)) };
  for (const [name, text] of sources) files[name] = encoder.encode(text);
  return writeZip(files);
}

export function codebookBytes(codebook: RefiCodebook): Uint8Array {
  return encoder.encode(codebookXml(codebook));
}

/** A source file's text; `bom` when the file began with a byte-order mark (removed from `text`). */
export type SourceText = { text: string; bom?: boolean } | { missing: 'external' | 'absent' };

const BOMS = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
];
const hasBom = (bytes: Uint8Array) => BOMS.some((b) => b.every((x, i) => bytes[i] === x));

export interface OpenedQdpx {
  project: RefiProject;
  /** a bare project.qde: internal sources cannot be in it */
  bare: boolean;
  /** the text an internal path (internal://x.txt, or a bare name) refers to */
  text(path: string): SourceText;
}

/** Plain text of a source file: a byte-order mark decides, then UTF-8 (the standard), else Windows-1252. */
export function decodeSource(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** True when the bytes are XML text rather than a zip (a bare project.qde or a .qdc). */
export function looksLikeXml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1')
    .decode(bytes.subarray(0, 64))
    .replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '')
    .replace(/\0/g, '');
  return /^\s*</.test(head);
}

function projectEntry(file: string, zip: ZipReader): ZipEntry {
  const direct = zip.find('project.qde');
  if (direct) return direct;
  const qde = zip.entries.filter((e) => !e.name.includes('/') && /\.qde$/i.test(e.name));
  if (qde.length === 1) return qde[0];
  throw new RefiError(
    file,
    qde.length ? 'it holds several .qde files; a QDPX holds one project.qde' : 'not a QDPX project (there is no project.qde inside the zip)',
  );
}

function checkXmlSize(file: string, bytes: Uint8Array, limit: number): void {
  if (bytes.byteLength > limit)
    throw new RefiError(file, `refused: the XML is ${Math.ceil(bytes.byteLength / 1048576)} MB (the limit is ${Math.ceil(limit / 1048576)} MB)`);
}

export function openQdpx(file: string, bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): OpenedQdpx {
  if (bytes.byteLength === 0) throw new RefiError(file, 'the file is empty');
  if (looksLikeXml(bytes)) {
    checkXmlSize(file, bytes, limits.entryBytes);
    const project = readProject(file, parseXml(file, 'project.qde', decodeXml(file, 'project.qde', bytes)));
    return { project, bare: true, text: (path) => ({ missing: /^(relative|absolute):/i.test(path) ? 'external' : 'absent' }) };
  }
  const zip = new ZipReader(file, bytes, limits);
  const entry = projectEntry(file, zip);
  const project = readProject(file, parseXml(file, entry.name, decodeXml(file, entry.name, zip.read(entry))));
  const byBaseName = new Map<string, ZipEntry | null>();
  for (const e of zip.entries) {
    const base = e.name.slice(e.name.lastIndexOf('/') + 1).toLowerCase();
    byBaseName.set(base, byBaseName.has(base) ? null : e);
  }
  const cache = new Map<ZipEntry, { text: string; bom: boolean }>();
  return {
    project,
    bare: false,
    text(path) {
      const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(path)?.[1].toLowerCase();
      if (scheme && scheme !== 'internal') return { missing: 'external' };
      const name = scheme ? path.slice('internal://'.length) : path;
      const base = name.slice(name.replace(/\\/g, '/').lastIndexOf('/') + 1);
      const found = zip.find(`sources/${name}`) ?? zip.find(name) ?? byBaseName.get(base.toLowerCase()) ?? undefined;
      if (!found) return { missing: 'absent' };
      let read = cache.get(found);
      if (read === undefined) {
        const bytes = zip.read(found);
        cache.set(found, (read = { text: decodeSource(bytes), bom: hasBom(bytes) }));
      }
      return read;
    },
  };
}

/** A .qdc codebook (or the codebook of a bare project.qde). */
export function openCodebook(file: string, bytes: Uint8Array): RefiCodebook {
  if (bytes.byteLength === 0) throw new RefiError(file, 'the file is empty');
  if (!looksLikeXml(bytes)) throw new RefiError(file, 'not a REFI-QDA codebook (a .qdc is an XML file)');
  checkXmlSize(file, bytes, ZIP_LIMITS.entryBytes);
  return readCodebook(file, parseXml(file, 'the codebook', decodeXml(file, 'the codebook', bytes)));
}

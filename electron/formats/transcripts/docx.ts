import { unzipSync, type Unzipped } from 'fflate';
import { paragraphsOf } from './docx-text';
import { ImportError } from './errors';

const DAMAGED = 'not a valid Word document (the zip is damaged or truncated)';
// document.xml of a 50 MB docx can legitimately be large; anything beyond this is a zip bomb.
const MAX_PART_BYTES = 512 * 1024 * 1024;
const OFFICE_DOCUMENT = /\/officeDocument$/;

/**
 * The text of a .docx, one paragraph per line, in document order (tables cell
 * by cell). Read with fflate and our own XML scan rather than mammoth so that
 * line breaks inside a paragraph survive, tracked deletions and field codes are
 * left out, and every kind of damage gets its own clear reason.
 */
export function readDocx(file: string, bytes: Uint8Array): string {
  const starts = (...sig: number[]) => sig.every((v, i) => bytes[i] === v);
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    throw new ImportError(file, 'not a .docx file (it is an old Word 97–2003 document or is password-protected; save it as .docx without a password)');
  }
  if (!starts(0x50, 0x4b, 0x03, 0x04)) throw new ImportError(file, 'not a valid Word document (it is not a .docx zip package; was it renamed from another format?)');
  const parts = unzipParts(file, bytes, (name) => name === '_rels/.rels');
  const main = mainPartName(parts['_rels/.rels']);
  const body = unzipParts(file, bytes, (name) => name === main)[main];
  if (!body) throw new ImportError(file, `not a valid Word document (it has no ${main})`);
  const xml = xmlText(body);
  if (/<!DOCTYPE/i.test(xml.slice(0, 4096))) throw new ImportError(file, 'not a valid Word document (its XML declares a DTD, which Word never writes)');
  if (!/<(?:\w+:)?body[\s>/]/.test(xml)) throw new ImportError(file, `not a valid Word document (${main} has no document body)`);
  return paragraphsOf(xml).join('\n');
}

function unzipParts(file: string, bytes: Uint8Array, wanted: (name: string) => boolean): Unzipped {
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        if (f.originalSize > MAX_PART_BYTES) throw new ImportError(file, `not a valid Word document (${f.name} would unpack to more than 512 MB)`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(file, DAMAGED);
  }
}

/** The main document part named by the package relationships; Word always uses word/document.xml. */
function mainPartName(rels: Uint8Array | undefined): string {
  if (!rels) return 'word/document.xml';
  const xml = xmlText(rels);
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const type = /\bType\s*=\s*["']([^"']*)["']/.exec(m[1])?.[1] ?? '';
    const target = /\bTarget\s*=\s*["']([^"']*)["']/.exec(m[1])?.[1];
    if (target && OFFICE_DOCUMENT.test(type)) return target.replace(/^\.?\//, '');
  }
  return 'word/document.xml';
}

function xmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

import { unzipSync, type Unzipped } from 'fflate';
import { paragraphsOf } from './docx-text';
import { ImportError } from './errors';

const DAMAGED = 'not a valid Word document (the zip is damaged or truncated)';
// A transcript's document.xml is a few MB; 100 MB unpacked (all parts read, together)
// is far beyond any real one, and refusing by the sizes the zip declares means a zip
// bomb is refused before anything is inflated (fflate never writes past them).
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** As for a .txt: no transcript holds more text than a 50 MB file. */
const MAX_TEXT_CHARS = 50 * 1024 * 1024;
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
  if (!starts(0x50, 0x4b, 0x03, 0x04))
    throw new ImportError(file, 'not a valid Word document (it is not a .docx zip package; was it renamed from another format?)');
  const budget = { left: MAX_UNPACKED_BYTES };
  const parts = unzipParts(file, bytes, (name) => name === '_rels/.rels', budget);
  const main = mainPartName(file, parts['_rels/.rels']);
  const body = unzipParts(file, bytes, (name) => name === main, budget)[main];
  if (!body) throw new ImportError(file, `not a valid Word document (it has no ${main})`);
  const xml = xmlText(body);
  refuseDtd(file, xml);
  if (!/<(?:\w+:)?body[\s>/]/.test(xml)) throw new ImportError(file, `not a valid Word document (${main} has no document body)`);
  const text = paragraphsOf(xml).join('\n');
  if (text.length > MAX_TEXT_CHARS)
    throw new ImportError(
      file,
      `the document holds too much text (${Math.round(text.length / 1e6)} million characters; the limit is ${MAX_TEXT_CHARS / 1024 / 1024} million)`,
    );
  return text;
}

/** Anywhere in a part, not only near its start: Word never writes a DTD. */
function refuseDtd(file: string, xml: string): void {
  if (/<!DOCTYPE/i.test(xml)) throw new ImportError(file, 'not a valid Word document (its XML declares a DTD, which Word never writes)');
}

function unzipParts(file: string, bytes: Uint8Array, wanted: (name: string) => boolean, budget: { left: number }): Unzipped {
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        budget.left -= f.originalSize;
        if (budget.left < 0)
          throw new ImportError(file, `not a valid Word document (${f.name} would unpack to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB: a zip bomb?)`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(file, DAMAGED);
  }
}

/** The main document part named by the package relationships; Word always uses word/document.xml. */
function mainPartName(file: string, rels: Uint8Array | undefined): string {
  if (!rels) return 'word/document.xml';
  const xml = xmlText(rels);
  refuseDtd(file, xml);
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

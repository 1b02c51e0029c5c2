import chardet from 'chardet';
import iconv from 'iconv-lite';
import { checkSize, ImportError } from './errors';

export interface DecodedText {
  /** BOM stripped, CRLF and CR turned into LF */
  text: string;
  /** what the bytes were read as: utf-8, utf-16le, utf-16be, windows-1252 … */
  encoding: string;
}

const BINARY = 'looks like a binary file, not a transcript';

/**
 * Text from the bytes of a plain-text file (transcripts, case sheets). Refuses
 * empty, binary and oversized files with an ImportError naming the file.
 *
 * Order: a BOM decides; then UTF-16 without a BOM by its NUL-byte pattern
 * (chardet does not detect BOM-less UTF-16); then strict UTF-8; then chardet
 * for legacy code pages. Latin-1 and unclear guesses are read as Windows-1252,
 * because that is what Word and Notepad on Windows wrote (curly quotes, £, —).
 */
export function decodeText(file: string, bytes: Uint8Array): DecodedText {
  checkSize(file, bytes);
  const decoded = decodeBytes(file, bytes);
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (!/\S/.test(text)) throw new ImportError(file, 'the file is empty');
  if (mostlyControl(text)) throw new ImportError(file, binaryReason(bytes));
  return { text, encoding: decoded.encoding };
}

function decodeBytes(file: string, b: Uint8Array): DecodedText {
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  if (starts(0xff, 0xfe, 0, 0)) return { text: iconv.decode(b.subarray(4) as Buffer, 'utf-32le'), encoding: 'utf-32le' };
  if (starts(0, 0, 0xfe, 0xff)) return { text: iconv.decode(b.subarray(4) as Buffer, 'utf-32be'), encoding: 'utf-32be' };
  if (starts(0xef, 0xbb, 0xbf)) return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'utf-8' };
  if (starts(0xff, 0xfe)) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16le' };
  if (starts(0xfe, 0xff)) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16be' };
  const utf16 = bomlessUtf16(b);
  if (utf16) return { text: new TextDecoder(utf16).decode(b), encoding: utf16 };
  if (b.includes(0)) throw new ImportError(file, binaryReason(b));
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
  } catch {
    const encoding = legacyEncoding(b);
    return { text: iconv.decode(b as Buffer, encoding), encoding };
  }
}

/**
 * UTF-16 without a BOM: text in Latin, Arabic or most other scripts has a zero
 * byte in every ASCII character (spaces, digits, punctuation) on one side of
 * each byte pair and almost never on the other.
 */
function bomlessUtf16(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(b.length / 2);
  if (pairs < 2 || b.length % 2 !== 0) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i + 1 < b.length; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const guess = oddZero >= pairs * 0.1 && evenZero <= pairs * 0.01 ? 'utf-16le' : evenZero >= pairs * 0.1 && oddZero <= pairs * 0.01 ? 'utf-16be' : null;
  if (!guess) return null;
  try {
    const text = new TextDecoder(guess, { fatal: true }).decode(b);
    return mostlyControl(text) ? null : guess;
  } catch {
    return null;
  }
}

const LATIN1 = new Set(['iso-8859-1', 'ascii', 'utf-8', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be']);

function legacyEncoding(b: Uint8Array): string {
  const [best, runnerUp] = chardet.analyse(b);
  const name = best?.name.toLowerCase();
  // Trust a clear guess only (Cyrillic, Greek, CJK code pages are recognised
  // plainly); a close call on mostly-English text is usually a wrong exotic code page.
  const clear = best !== undefined && best.confidence >= 20 && best.confidence >= 2 * (runnerUp?.confidence ?? 0);
  if (!name || !clear || LATIN1.has(name) || !iconv.encodingExists(name)) return 'windows-1252';
  return name;
}

/** Control characters other than tab, newline, vertical tab and form feed, and undecodable bytes. */
function mostlyControl(text: string): boolean {
  const n = Math.min(text.length, 65536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 11 && c !== 12) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) bad++;
  }
  return bad > n * 0.05;
}

function binaryReason(b: Uint8Array): string {
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return `${BINARY} (it is a zip archive; if it is a Word document, rename it to .docx)`;
  if (starts(0x25, 0x50, 0x44, 0x46)) return `${BINARY} (it is a PDF; save it as .docx or .txt first)`;
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return `${BINARY} (it is an old Office file; save it as .docx first)`;
  if (starts(0x89, 0x50, 0x4e, 0x47)) return `${BINARY} (it is a PNG image)`;
  if (starts(0xff, 0xd8, 0xff)) return `${BINARY} (it is a JPEG image)`;
  return BINARY;
}

// Transcript importers: bytes in, text and speaker turns out. No database and
// no file system here, so files uploaded through the browser bridge are read
// exactly like files from disk.
import { detectTurns, type TurnDraft } from '../../../shared/turns';
import { cuesToTranscript } from './captions';
import { decodeText } from './decode';
import { readDocx } from './docx';
import { checkSize, ImportError } from './errors';
import { readHeadedTurns } from './headed';
import { stripMarkdown } from './markdown';
import { parseSrt } from './srt';
import { parseVtt } from './vtt';

export { ImportError } from './errors';
export type { TurnDraft } from '../../../shared/turns';

export type TranscriptFormat = 'txt' | 'docx' | 'vtt' | 'srt' | 'md';

export interface ImportedTranscript {
  /** NFC-normalised, LF line endings; offsets of turns are into this text */
  text: string;
  turns: TurnDraft[];
  format: TranscriptFormat;
  encoding: string;
}

const EXTENSIONS: Record<string, TranscriptFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  docx: 'docx',
  vtt: 'vtt',
  srt: 'srt',
};

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The transcript format a file name stands for, or null when we cannot read it. */
export function supportedFormat(fileName: string): TranscriptFormat | null {
  return EXTENSIONS[extensionOf(fileName)] ?? null;
}

/** The reason a file of this name is not read, e.g. "unsupported file type .pdf". */
export function unsupportedReason(fileName: string): string {
  const ext = extensionOf(fileName);
  return ext ? `unsupported file type .${ext}` : 'unsupported file type (the name has no extension)';
}

/**
 * Reads one transcript. Text is NFC-normalised so that the same words typed
 * on different systems (é as one or two code points) compare, hash and search
 * alike; offsets are taken after that, in the final text.
 */
export async function readTranscript(fileName: string, bytes: Uint8Array): Promise<ImportedTranscript> {
  const format = supportedFormat(fileName);
  if (!format) throw new ImportError(fileName, `${unsupportedReason(fileName)}; Fieldcode reads .txt, .md, .docx, .vtt and .srt`);
  checkSize(fileName, bytes);
  if (format === 'docx') {
    const text = readDocx(fileName, bytes).normalize('NFC');
    if (!/\S/.test(text)) throw new ImportError(fileName, 'the document has no text');
    const headed = readHeadedTurns(text);
    if (headed) return { ...headed, format, encoding: 'utf-8' };
    return { text: `${text}\n`, turns: detectTurns(text), format, encoding: 'utf-8' };
  }
  const { text: decoded, encoding } = decodeText(fileName, bytes);
  const text = decoded.normalize('NFC');
  if (format === 'vtt' || format === 'srt') {
    const cues = format === 'vtt' ? parseVtt(fileName, text) : parseSrt(fileName, text);
    const transcript = cuesToTranscript(cues);
    if (transcript.turns.length === 0) throw new ImportError(fileName, 'the file has no cues with words');
    return { ...transcript, format, encoding };
  }
  const { text: body, headings } = format === 'md' ? stripMarkdown(text) : { text, headings: [] };
  if (!/\S/.test(body)) throw new ImportError(fileName, 'the file is empty');
  const headed = format === 'txt' ? readHeadedTurns(body) : null;
  if (headed) return { ...headed, format, encoding };
  return { text: body, turns: detectTurns(body, { headings }), format, encoding };
}

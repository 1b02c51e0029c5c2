// The native file dialogs the renderer may ask for, kept in a plain module (no
// 'electron' import) so what a request may open is tested in Node. The renderer
// names a kind of file; it never passes dialog options of its own.

import type { FileKind } from '../../shared/shell';

export type { FileKind };

export const FILE_FILTERS: Record<FileKind, { name: string; extensions: string[] }[]> = {
  transcripts: [{ name: 'Transcripts', extensions: ['txt', 'docx', 'vtt', 'srt', 'md'] }],
  projects: [{ name: 'Fieldcode project', extensions: ['fieldcode'] }],
  exchange: [{ name: 'REFI-QDA project or codebook', extensions: ['qdpx', 'qde', 'qdc'] }],
};

export interface OpenRequest {
  kind: FileKind;
  title: string;
}

/** An open-dialog request from the renderer, or null when it is not one. */
export function openRequest(input: unknown): OpenRequest | null {
  if (!input || typeof input !== 'object') return null;
  const { kind, title } = input as { kind?: unknown; title?: unknown };
  if (typeof kind !== 'string' || !Object.hasOwn(FILE_FILTERS, kind)) return null;
  const safeTitle = typeof title === 'string' ? title.replace(/\p{Cc}/gu, ' ').slice(0, 120) : 'Choose files';
  return { kind: kind as FileKind, title: safeTitle };
}

/** A save-dialog file name from the renderer: a bare name, no folders, no control characters. */
export function saveName(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const name = input
    .replace(/[\p{Cc}<>:"|?*]/gu, '')
    .replace(/^.*[\\/]/, '')
    .trim()
    .slice(0, 200);
  return name && name !== '.' && name !== '..' ? name : null;
}

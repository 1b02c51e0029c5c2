import type { ExportedFile } from '../../../shared/api/reports';
import { messageOf } from '../../store/project';
import { plural } from '../common/files';
import { downloadExport } from './download';
import type { ChooseSavePath } from './types';

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Runs an export: with a save dialog the main process writes to the chosen path;
 * without one the bytes come back and download. `what` names what a row is
 * ("segment", "code", "row"). Returns a status line, or null when the user
 * cancelled the dialog.
 */
export async function saveExport(
  suggestedName: string,
  what: string,
  call: (path?: string, overwrite?: boolean) => Promise<ExportedFile>,
  choose?: ChooseSavePath,
  confirmReplace: (path: string) => boolean = (path) => window.confirm(`${path} already exists. Replace it?`),
): Promise<string | null> {
  const none = (file: ExportedFile) => (file.rows === 0 && what === 'segment' ? '. No coded segment passed the filters' : '');
  if (choose) {
    const path = await choose(suggestedName);
    if (!path) return null;
    // The core refuses to replace a file unless told to: ask first, then say so.
    const file = await call(path).catch((e: unknown) => {
      if (!/the file already exists/.test(messageOf(e)) || !confirmReplace(path)) throw e;
      return call(path, true);
    });
    return `Saved ${plural(file.rows, what)} to ${file.path}${none(file)}`;
  }
  const file = await call();
  downloadExport(file);
  return `Downloaded ${file.fileName}: ${plural(file.rows, what)}, ${fileSize(file.bytes)}${none(file)}`;
}

export const errorText = messageOf;

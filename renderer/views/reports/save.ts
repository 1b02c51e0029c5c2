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
export async function saveExport(suggestedName: string, what: string, call: (path?: string) => Promise<ExportedFile>, choose?: ChooseSavePath): Promise<string | null> {
  const none = (file: ExportedFile) => (file.rows === 0 && what === 'segment' ? '. No coded segment passed the filters' : '');
  if (choose) {
    const path = await choose(suggestedName);
    if (!path) return null;
    const file = await call(path);
    return `Saved ${plural(file.rows, what)} to ${file.path}${none(file)}`;
  }
  const file = await call();
  downloadExport(file);
  return `Downloaded ${file.fileName}: ${plural(file.rows, what)}, ${fileSize(file.bytes)}${none(file)}`;
}

export const errorText = messageOf;

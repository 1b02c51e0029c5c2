import type { BigIntStats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { supportedFormat, unsupportedReason } from './index';

export interface Skipped {
  file: string;
  reason: string;
}

// Files a researcher never meant to import: hidden files, Word's "~$" lock
// files and the thumbnail caches Windows and macOS leave in every folder.
const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini', 'ehthumbs.db']);

function ignoredInFolder(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || SYSTEM_FILES.has(name.toLowerCase());
}

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The transcripts among the given files and folders, in a stable order
 * (folders expanded recursively, names sorted naturally). Links are followed,
 * but a folder reached twice — a link back up the tree — is walked only once.
 * Unsupported files and unreadable paths are reported, never thrown.
 */
export async function listImportable(paths: string[]): Promise<{ files: string[]; skipped: Skipped[] }> {
  const files: string[] = [];
  const skipped: Skipped[] = [];
  const seenFolders = new Set<string>();
  const seenFiles = new Set<string>();

  const addFile = (file: string, st: BigIntStats) => {
    const id = identity(file, st);
    if (seenFiles.has(id)) return;
    seenFiles.add(id);
    if (supportedFormat(file)) files.push(file);
    else skipped.push({ file, reason: unsupportedReason(file) });
  };

  const walk = async (folder: string, st: BigIntStats): Promise<void> => {
    const id = identity(folder, st);
    if (seenFolders.has(id)) return;
    seenFolders.add(id);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (e) {
      skipped.push({ file: folder, reason: `cannot read the folder (${codeOf(e)})` });
      return;
    }
    for (const name of names.sort(byName.compare)) {
      if (ignoredInFolder(name)) continue;
      const path = join(folder, name);
      let child: BigIntStats;
      try {
        child = await stat(path, { bigint: true });
      } catch (e) {
        skipped.push({ file: path, reason: codeOf(e) === 'ENOENT' ? 'a link to a file that no longer exists' : `cannot read (${codeOf(e)})` });
        continue;
      }
      if (child.isDirectory()) await walk(path, child);
      else if (child.isFile()) addFile(path, child);
    }
  };

  for (const path of paths) {
    let st: BigIntStats;
    try {
      st = await stat(path, { bigint: true });
    } catch (e) {
      skipped.push({ file: path, reason: codeOf(e) === 'ENOENT' ? 'no such file or folder' : `cannot read (${codeOf(e)})` });
      continue;
    }
    if (st.isDirectory()) await walk(path, st);
    else if (basename(path).startsWith('~$'))
      skipped.push({ file: path, reason: 'a Word lock file, not a document (Word creates it while the document is open)' });
    else if (st.isFile()) addFile(path, st);
    else skipped.push({ file: path, reason: 'not a file or folder' });
  }
  return { files, skipped };
}

/** Device and inode (as bigints: Windows file ids overflow a double); the path where a file system has none. */
function identity(path: string, st: BigIntStats): string {
  return st.ino === 0n ? `path:${path}` : `${st.dev}:${st.ino}`;
}

const CODES: Record<string, string> = { EACCES: 'permission denied', EPERM: 'permission denied', ELOOP: 'too many links', ENOTDIR: 'not a folder' };

function codeOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code) return CODES[code] ?? code;
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}

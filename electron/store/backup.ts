import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Project } from './db';

/** How many automatic backups are kept beside each project. */
export const BACKUPS_KEPT = 10;

export function backupFolder(p: Project): string {
  return join(dirname(p.path), `${basename(p.path)}.backups`);
}

export function listBackups(p: Project): string[] {
  try {
    return readdirSync(backupFolder(p))
      .filter((f) => f.endsWith('.fieldcode'))
      .sort()
      .map((f) => join(backupFolder(p), f));
  } catch {
    return [];
  }
}

/**
 * Copies the project with SQLite's online backup API before a destructive
 * operation (code merge or delete, import batch, project merge), keeping the
 * newest BACKUPS_KEPT copies. Returns the backup's path.
 */
export async function backupProject(p: Project, reason: string): Promise<string> {
  const folder = backupFolder(p);
  mkdirSync(folder, { recursive: true });
  const stamp = p.now().replace(/[:.]/g, '-');
  const safeReason = reason.replace(/[^a-z0-9-]+/gi, '-').slice(0, 40);
  const target = join(folder, `${stamp}_${safeReason}.fieldcode`);
  await p.db.backup(target);
  const all = listBackups(p);
  for (const old of all.slice(0, Math.max(0, all.length - BACKUPS_KEPT))) rmSync(old, { force: true });
  return target;
}

/**
 * A backup for a stream of small operations (the import dialog sends files in
 * batches): skipped when one for the same reason was made within `withinMs`, so a
 * long import keeps the older backups instead of rotating them all away.
 */
export async function backupUnlessRecent(p: Project, reason: string, withinMs: number): Promise<string | null> {
  const newest = listBackups(p).filter((f) => f.endsWith(`_${reason}.fieldcode`)).at(-1);
  if (newest && Date.now() - statSync(newest).mtimeMs < withinMs) return null;
  return backupProject(p, reason);
}

import { closeSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Project } from './db';
import { APPLICATION_ID, fsyncDir, LEFTOVER, removeWithSideFiles, renameIntoPlace } from './files';

/** How many automatic backups are kept beside each project. */
export const BACKUPS_KEPT = 10;

export function backupFolder(p: Project | string): string {
  const path = typeof p === 'string' ? p : p.path;
  return join(dirname(path), `${basename(path)}.backups`);
}

/** Every finished backup (oldest first); temporary files of a killed backup are never listed. */
export function listBackups(p: Project | string): string[] {
  try {
    return readdirSync(backupFolder(p))
      .filter((f) => f.endsWith('.fieldcode') && !LEFTOVER.test(f))
      .sort()
      .map((f) => join(backupFolder(p), f));
  } catch {
    return [];
  }
}

/** A complete Fieldcode file by its header: our id, and as long as its header says. */
function looksComplete(path: string): boolean {
  try {
    const buf = Buffer.alloc(100);
    const fd = openSync(path, 'r');
    try {
      if (readSync(fd, buf, 0, 100, 0) < 100) return false;
    } finally {
      closeSync(fd);
    }
    const pageSize = buf.readUInt16BE(16) === 1 ? 65536 : buf.readUInt16BE(16);
    const pages = buf.readUInt32BE(28);
    return (
      buf.toString('latin1', 0, 16) === 'SQLite format 3\u0000' &&
      buf.readUInt32BE(68) === APPLICATION_ID &&
      pages > 0 &&
      statSync(path).size === pageSize * pages
    );
  } catch {
    return false;
  }
}

/**
 * SQLite's own verdict on a backup: it is ours and quick_check is ok. Read through
 * the project's connection (ATTACH), so the app's own SQLite build does the check.
 */
export function verifyBackup(p: Project, path: string): boolean {
  if (!looksComplete(path)) return false;
  let attached = false;
  try {
    p.db.prepare('ATTACH DATABASE ? AS backup_check').run(path);
    attached = true;
    return (
      p.db.pragma('backup_check.application_id', { simple: true }) === APPLICATION_ID && p.db.pragma('backup_check.quick_check', { simple: true }) === 'ok'
    );
  } catch {
    return false;
  } finally {
    if (attached) p.db.exec('DETACH DATABASE backup_check');
  }
}

export interface BackupStatus {
  path: string;
  good: boolean;
}

/** Each backup with SQLite's verdict, oldest first. */
export function checkBackups(p: Project): BackupStatus[] {
  return listBackups(p).map((path) => ({ path, good: verifyBackup(p, path) }));
}

/**
 * Copies the project with SQLite's online backup API before a destructive
 * operation (code merge or delete, import batch, project merge): written under a
 * temporary name, verified, then renamed into place, so a crash never leaves a
 * broken backup among the kept ones. Keeps the newest BACKUPS_KEPT good copies;
 * a broken one (left by an older version) is never counted. Returns the backup's path.
 */
export async function backupProject(p: Project, reason: string): Promise<string> {
  const folder = backupFolder(p);
  mkdirSync(folder, { recursive: true });
  for (const f of readdirSync(folder)) if (LEFTOVER.test(f)) rmSync(join(folder, f), { force: true });
  const stamp = p.now().replace(/[:.]/g, '-');
  const safeReason = reason.replace(/[^a-z0-9-]+/gi, '-').slice(0, 40);
  const target = join(folder, `${stamp}_${safeReason}.fieldcode`);
  const temp = `${target}.partial`;
  try {
    await p.db.backup(temp);
    if (!verifyBackup(p, temp)) throw new Error(`the backup ${basename(target)} did not verify; the project was not changed`);
    renameIntoPlace(temp, target);
  } finally {
    removeWithSideFiles(temp);
  }
  const good = listBackups(p).filter(looksComplete);
  for (const old of good.slice(0, Math.max(0, good.length - BACKUPS_KEPT))) rmSync(old, { force: true });
  fsyncDir(folder);
  return target;
}

/**
 * A backup for a stream of small operations (the import dialog sends files in
 * batches): skipped when one for the same reason was made within `withinMs`, so a
 * long import keeps the older backups instead of rotating them all away.
 */
export async function backupUnlessRecent(p: Project, reason: string, withinMs: number): Promise<string | null> {
  const newest = listBackups(p)
    .filter((f) => f.endsWith(`_${reason}.fieldcode`))
    .at(-1);
  if (newest && Date.now() - statSync(newest).mtimeMs < withinMs) return null;
  return backupProject(p, reason);
}

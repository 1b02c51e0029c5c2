import { copyFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newProject } from '../../electron/project/project';
import { backupFolder, backupProject, BACKUPS_KEPT, checkBackups, listBackups } from '../../electron/store/backup';
import { closeProject } from '../../electron/store/db';
import { cliInProcess } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

describe('backups', () => {
  it('are verified before they count: a broken one never pushes out good ones, and is named', async () => {
    const dir = tempDir();
    const p = newProject(join(dir, 'P.fieldcode'), { codebook: 'nssp' });
    try {
      const first = await backupProject(p, 'first');
      // A backup broken by an older version's crash, older than every new one.
      const broken = join(backupFolder(p), `0000-broken_old.fieldcode`);
      copyFileSync(first, broken);
      truncateSync(broken, Math.floor(statSync(broken).size / 2));
      // A killed backup's temporary file is never listed.
      writeFileSync(join(backupFolder(p), 'x_killed.fieldcode.partial'), 'half');
      for (let i = 0; i < BACKUPS_KEPT + 2; i++) await backupProject(p, `step-${i}`);
      const status = checkBackups(p);
      expect(status.filter((b) => b.good)).toHaveLength(BACKUPS_KEPT);
      expect(status.filter((b) => !b.good).map((b) => basename(b.path))).toEqual(['0000-broken_old.fieldcode']);
      expect(listBackups(p).some((f) => f.endsWith('.partial'))).toBe(false);
      expect(readdirSync(backupFolder(p)).some((f) => f.endsWith('.partial'))).toBe(false);
    } finally {
      closeProject(p);
    }
    const r = await cliInProcess('backups', join(dir, 'P.fieldcode'));
    expect(r.stdout).toMatch(/^BROKEN {2}.*0000-broken_old\.fieldcode$/m);
    expect(r.stdout).toMatch(new RegExp(`^${BACKUPS_KEPT} of ${BACKUPS_KEPT + 1} backup\\(s\\) are good$`, 'm'));
  });
});

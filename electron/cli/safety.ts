import type { Command } from 'commander';
import { basename } from 'node:path';
import { print, printJson, withProject } from './output';

// fieldcode backup <project>            a verified backup now, beside the project
// fieldcode backups <project> [--json]  the kept backups, each checked by SQLite
// fieldcode consensus <project>         accept every passage the coders agree on
// Use cases are loaded when a command runs, so `fieldcode --help` starts fast.

const BACKUPS_KEPT = 10; // store/backup.ts keeps this many good ones

export function registerSafetyCommands(program: Command): void {
  program
    .command('backup <project>')
    .description(`write a verified backup into <project>.backups (the newest ${BACKUPS_KEPT} good ones are kept)`)
    .action(async (path: string) => {
      const { backupProject } = await import('../project/backups');
      const target = await withProject(path, (p) => backupProject(p, 'manual'), { who: 'fieldcode backup' });
      print(`Backed up ${basename(path)} to ${target}`);
    });

  program
    .command('backups <project>')
    .description('list the backups of a project and say which ones SQLite finds intact')
    .option('--json', 'JSON output')
    .action(async (path: string, o: { json?: boolean }) => {
      const { checkBackups } = await import('../project/backups');
      const list = await withProject(path, (p) => checkBackups(p), { readonly: true });
      if (o.json) return printJson(list);
      if (list.length === 0) return print(`${basename(path)} has no backups yet`);
      for (const b of list) print(`${b.good ? 'good  ' : 'BROKEN'}  ${b.path}`);
      const good = list.filter((b) => b.good).length;
      print(`${good} of ${list.length} backup(s) are good`);
    });

  program
    .command('consensus <project>')
    .description('copy every passage all coders agree on into the consensus coder (one undoable step)')
    .option('--consensus-coder <name>', 'the coder who holds the consensus', undefined)
    .action(async (path: string, o: { consensusCoder?: string }) => {
      const { acceptAgreements } = await import('../team/consensus');
      const r = await withProject(path, (p) => acceptAgreements(p, { consensusCoder: o.consensusCoder }), { who: 'fieldcode consensus' });
      print(`accepted ${r.segments} agreed segment(s) into the consensus`);
    });
}

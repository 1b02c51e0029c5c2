import type { Command } from 'commander';
import { MERGE_KINDS } from '../../shared/api/choices';
import type { MergeReport } from '../../shared/api/team';
import { print, printJson, printTable, withProject } from './output';
import { commandProgress } from './progress';

// fieldcode coder-copy <master> <out> --coder NAME [--docs name,name]
// fieldcode merge <master> <copy>... [--dry-run] [--json]
// (agreement, sample and methods: cli/reliability.ts)
// The use cases are imported inside each command so other commands start at once.

const list = (value?: string) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function printMerge(r: MergeReport, master: string): void {
  print(r.dryRun ? `Dry run: nothing was written to ${master}.` : r.changed ? `Merged into ${master}.` : `Nothing to change in ${master}.`);
  if (r.backup) print(`Backup before the merge: ${r.backup}`);
  for (const f of r.files) {
    const who = f.coder ? ` (coder copy for ${f.coder})` : '';
    const before = f.alreadyMerged ? ` — already merged ${f.alreadyMerged}, nothing to do` : '';
    print(`${f.file}${who}${before}`);
  }
  print();
  printTable(
    ['', 'new', 'updated', 'deleted', 'unchanged', 'conflicts'],
    MERGE_KINDS.map((k) => [k, r.totals[k].new, r.totals[k].updated, r.totals[k].deleted, r.totals[k].unchanged, r.totals[k].conflicts]),
  );
  const conflicts = r.files.flatMap((f) => f.conflicts.map((c) => ({ ...c, file: f.file })));
  if (conflicts.length === 0) return;
  print();
  print(`${conflicts.length} conflict(s), resolved by the rules and listed here:`);
  for (const c of conflicts) {
    const fields = c.fields.map((d) => `${d.field}: ${JSON.stringify(d.master)} in the master, ${JSON.stringify(d.copy)} in the copy`).join('; ');
    print(`  ${c.file}: ${c.kind} ${c.label}: ${c.reason}${fields ? ` (${fields})` : ''}`);
  }
}

export function registerTeamCommands(program: Command): void {
  program
    .command('coder-copy <master> <out>')
    .description("write a copy of the master for one coder to code offline (others' codings left out)")
    .requiredOption('--coder <name>', 'the coder who will code in the copy')
    .option('--docs <names>', 'only these documents (comma-separated names)')
    .option('--with-codings', "keep every coder's codings in the copy")
    .option('--sample <name>', 'exactly the documents of this reliability sample')
    .action(async (master: string, out: string, o: { coder: string; docs?: string; withCodings?: boolean; sample?: string }) => {
      const { coderCopy } = await import('../team/coder-copy');
      const { sampleCoderCopy } = await import('../team/samples');
      const r = await withProject(
        master,
        (p) => (o.sample ? sampleCoderCopy(p, o.sample, out, o.coder) : coderCopy(p, out, o.coder, { documents: list(o.docs), withCodings: o.withCodings })),
        { lock: false },
      );
      print(`Wrote ${r.file} for ${r.coder.name}: ${r.documents} document(s), ${r.segments} segment(s)`);
    });

  program
    .command('merge <master> <copies...>')
    .description("merge coders' copies (or other Fieldcode projects) into the master, in one transaction")
    .option('--dry-run', 'show what would change, change nothing')
    .option('--force', 'compare files merged before (same SHA-256) again, row by row')
    .option('--json', 'print the merge report as JSON')
    .action(async (master: string, copies: string[], o: { dryRun?: boolean; force?: boolean; json?: boolean }) => {
      const { merge } = await import('../team/merge/merge');
      const progress = commandProgress('merging');
      const r = await withProject(master, (p) => merge(p, copies, { dryRun: o.dryRun, force: o.force, progress }), { who: 'fieldcode merge' }).finally(
        progress.end,
      );
      if (o.json) return printJson(r);
      printMerge(r, master);
    });
}

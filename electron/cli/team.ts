import type { Command } from 'commander';
import { MERGE_KINDS } from '../../shared/api/choices';
import type { AgreementRow, MergeReport } from '../../shared/api/team';
import { InputError } from '../../shared/errors';
import { print, printJson, printTable, withProject } from './output';

// fieldcode coder-copy <master> <out> --coder NAME [--docs name,name]
// fieldcode merge <master> <copy>... [--dry-run] [--json]
// fieldcode agreement <project> [--coders A,B,...] [--unit char|turn] [--json]
// The use cases are imported inside each command so other commands start at once.

const list = (value?: string) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

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

const fixed = (x: number | null) => (x === null ? '—' : x.toFixed(3));

/** The --json shape of the issue: code, units, percentAgreement, kappa, alpha. */
const jsonRow = (r: AgreementRow) => ({ code: r.code, units: r.units, percentAgreement: r.percentAgreement, kappa: r.kappa, alpha: r.alpha });

export function registerTeamCommands(program: Command): void {
  program
    .command('coder-copy <master> <out>')
    .description("write a copy of the master for one coder to code offline (others' codings left out)")
    .requiredOption('--coder <name>', 'the coder who will code in the copy')
    .option('--docs <names>', 'only these documents (comma-separated names)')
    .option('--with-codings', "keep every coder's codings in the copy")
    .action(async (master: string, out: string, o: { coder: string; docs?: string; withCodings?: boolean }) => {
      const { coderCopy } = await import('../team/coder-copy');
      const r = await withProject(master, (p) => coderCopy(p, out, o.coder, { documents: list(o.docs), withCodings: o.withCodings }), { lock: false });
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
      const r = await withProject(master, (p) => merge(p, copies, { dryRun: o.dryRun, force: o.force }), { who: 'fieldcode merge' });
      if (o.json) return printJson(r);
      printMerge(r, master);
    });

  program
    .command('agreement <project>')
    .description("inter-coder agreement per code and pooled: percent agreement, Cohen's kappa (two coders), Krippendorff's alpha")
    .option('--coders <names>', 'the coders to compare (comma-separated; default: everyone who coded)')
    .option('--unit <unit>', 'char (each character) or turn (each speaker turn)', 'char')
    .option('--json', 'JSON output')
    .action(async (path: string, o: { coders?: string; unit: string; json?: boolean }) => {
      if (o.unit !== 'char' && o.unit !== 'turn') throw new InputError(`--unit must be char or turn, not "${o.unit}"`);
      const coderIds = list(o.coders);
      const { agreement } = await import('../team/agreement');
      const r = await withProject(path, (p) => agreement(p, { unit: o.unit as 'char' | 'turn', coderIds }), { readonly: true });
      if (o.json) return printJson({ codes: r.codes.map(jsonRow), pooled: jsonRow(r.pooled) });
      const unit = r.unit === 'char' ? 'characters' : 'speaker turns';
      print(`Agreement of ${r.coders.map((c) => c.name).join(', ')} on ${r.documents.length} document(s) coded by two or more of them; unit: ${unit}`);
      printTable(
        ['code', 'units', '% agreement', 'kappa', 'alpha'],
        [...r.codes, { ...r.pooled, code: '(pooled)' }].map((c) => [c.code ?? '', c.units, c.percentAgreement === null ? '—' : (100 * c.percentAgreement).toFixed(1), fixed(c.kappa), fixed(c.alpha)]),
      );
    });
}

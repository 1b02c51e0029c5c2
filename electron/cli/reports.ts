import { Option, type Command } from 'commander';
import {
  MATRIX_COUNTS,
  REFI_TARGETS,
  SEGMENT_FORMATS,
  TABLE_FORMATS,
  COOCCURRENCE_UNITS,
  type MatrixCount,
  type RefiTarget,
  type SegmentFormat,
  type TableFormat,
} from '../../shared/api/choices';
import type { RenderedQdpx } from '../refi/refi';
import { InputError } from '../../shared/errors';
import type { FilterByName } from '../reports/filter';
import type { Rendered } from '../reports/output';
import type { Progress } from '../../shared/progress';
import type { NumberTable } from '../reports/tables';
import { collect, print, printJson, printTable, withProject } from './output';
import { exportWithProgress, withProgress } from './progress';

// The report and exchange use cases load their format libraries (exceljs, docx,
// fflate, fast-xml-parser): they are imported when a command that needs them runs,
// so every other command starts at once.
const crosstab = () => import('../reports/crosstab');
const cooccurrence = () => import('../reports/cooccurrence');
const matrix = () => import('../reports/matrix');
const refi = () => import('../refi/refi');
const segments = () => import('../reports/reports');
const codebook = () => import('../reports/codebook');
const filters = () => import('../reports/filter');
const tables = () => import('../reports/tables');

interface FilterOptions {
  code?: string[];
  descendants?: boolean;
  where?: string[];
  coder?: string[];
  kind?: string[];
  speaker?: string[];
  context?: string;
}

function addFilterOptions(cmd: Command, withContext: boolean): Command {
  cmd
    .option('--code <path>', 'only this code (repeatable), e.g. "Students/Skills"', collect)
    .option('--descendants', 'include the sub-codes of each --code')
    .option('--where <attr=value>', 'only cases with this attribute value (repeatable; the same attribute twice means either)', collect)
    .option('--coder <name>', 'only this coder (repeatable)', collect)
    .option('--kind <kind>', 'only this document kind (repeatable)', collect)
    .option('--speaker <name>', 'only turns of this speaker or participant role (repeatable)', collect);
  if (withContext) cmd.option('--context <n>', 'characters of context either side of each segment');
  return cmd;
}

function byName(o: FilterOptions): FilterByName {
  let context: number | undefined;
  if (o.context !== undefined) {
    context = Number(o.context);
    if (!/^\d+$/.test(o.context.trim())) throw new InputError(`--context must be a whole number of characters, not "${o.context}"`);
  }
  return { codes: o.code, descendants: o.descendants, where: o.where, coders: o.coder, kinds: o.kind, speakers: o.speaker, context };
}

function hasFilter(o: FilterOptions): boolean {
  return !!(o.code?.length || o.descendants || o.where?.length || o.coder?.length || o.kind?.length || o.speaker?.length || o.context !== undefined);
}

function list(value: string): string[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new InputError('name at least one case attribute, e.g. continent,phase');
  return names;
}

/** What an output may not overwrite: the project read, its backups, any other project; an existing file without --force. */
interface Target {
  project: string;
  force?: boolean;
}

async function written(out: string, render: (p: Progress) => Rendered | Promise<Rendered>, what: string, t: Target): Promise<void> {
  const { file } = await exportWithProgress(out, render, { project: t.project, overwrite: t.force });
  print(`wrote ${file.rows} ${what} to ${out} (${size(file.bytes)})`);
}

const size = (bytes: number) => (bytes < 10_240 ? `${bytes} bytes` : `${Math.round(bytes / 1024)} KB`);

/** A .qdpx and, for a target tool, each code renamed for it and what else was written its way. */
async function writtenQdpx(out: string, render: (p: Progress) => Promise<RenderedQdpx>, t: Target): Promise<void> {
  const { file, rendered: r } = await exportWithProgress(out, render, { project: t.project, overwrite: t.force });
  print(`wrote ${file.rows} segments to ${out} (${size(file.bytes)})`);
  for (const line of r.adapted) print(`for QualCoder: ${line}`);
  for (const line of r.renamed) print(`renamed: ${line}`);
}

/** Tables go to a file with -o; without one, JSON or CSV print, and the default is a text table. */
async function outputTable(t: NumberTable, format: TableFormat | undefined, out: string | undefined, target: Target): Promise<void> {
  const { renderTable } = await tables();
  if (out) return written(out, () => renderTable(t, format ?? 'csv'), 'rows', target);
  if (format === 'xlsx' || format === 'html') throw new InputError(`--format ${format} writes a file: add -o FILE`);
  if (format === 'json') return printJson(t.json);
  if (format === 'csv') {
    // No byte-order mark on a terminal or a pipe: TextDecoder drops it.
    process.stdout.write(new TextDecoder().decode((await renderTable(t, 'csv')).data));
    return;
  }
  printTable(
    t.header,
    t.rows.map((r) => r.cells),
  );
}

const exportFormats = [...SEGMENT_FORMATS, 'qdpx', 'qdc'] as const;

export function registerReportCommands(program: Command): void {
  addFilterOptions(
    program
      .command('export <project>')
      .description('export coded segments (csv, xlsx, docx, html, md) or the project (qdpx) or codebook (qdc) for REFI-QDA tools')
      .addOption(new Option('--format <format>', 'file format').choices(exportFormats).makeOptionMandatory())
      .requiredOption('-o, --out <file>', 'the file to write')
      .option('--force', 'replace the file if it exists (never a project file)')
      .addOption(
        new Option(
          '--for <tool>',
          'qdpx: standard REFI-QDA, or shaped for QualCoder (unique code names, its case links and memos; prints the renamed codes)',
        ).choices(REFI_TARGETS),
      )
      .option('--group-by <attrs>', 'group the HTML chart by case attributes, e.g. continent,phase')
      .option('--title <title>', 'report title'),
    true,
  ).action(
    async (
      path: string,
      o: FilterOptions & { format: (typeof exportFormats)[number]; out: string; force?: boolean; for?: RefiTarget; groupBy?: string; title?: string },
    ) => {
      if (o.for && o.format !== 'qdpx') throw new InputError(`--for chooses the tool a qdpx export is for; it does not apply to --format ${o.format}`);
      if ((o.format === 'qdpx' || o.format === 'qdc') && hasFilter(o)) {
        throw new InputError(
          `--format ${o.format} exports the whole ${o.format === 'qdpx' ? 'project' : 'codebook'}; the filters apply to segment reports (${SEGMENT_FORMATS.join(', ')})`,
        );
      }
      const [{ exportProjectQdpxInStages, renderCodebookQdc }, { filterFromNames }, { renderSegments }] = await Promise.all([refi(), filters(), segments()]);
      await withProject(
        path,
        async (p) => {
          const target = { project: path, force: o.force };
          if (o.format === 'qdpx') return writtenQdpx(o.out, (progress) => exportProjectQdpxInStages(p, o.for ?? 'standard', progress), target);
          if (o.format === 'qdc') return written(o.out, () => renderCodebookQdc(p), 'codes', target);
          const filter = filterFromNames(p, byName(o));
          const groupBy = o.groupBy ? list(o.groupBy) : [];
          await written(o.out, () => renderSegments(p, filter, o.format as SegmentFormat, { title: o.title, groupBy }), 'segments', target);
        },
        { readonly: true },
      );
    },
  );

  program
    .command('codebook <project>')
    .description('export the codebook with definitions and anchor examples')
    .addOption(new Option('--format <format>', 'file format').choices(['docx', 'csv', 'qdc']).makeOptionMandatory())
    .requiredOption('-o, --out <file>', 'the file to write')
    .option('--force', 'replace the file if it exists (never a project file)')
    .action(async (path: string, o: { format: 'docx' | 'csv' | 'qdc'; out: string; force?: boolean }) => {
      const [{ renderCodebookQdc }, { renderCodebook }] = await Promise.all([refi(), codebook()]);
      await withProject(
        path,
        async (p) =>
          written(o.out, () => (o.format === 'qdc' ? renderCodebookQdc(p) : renderCodebook(p, o.format)), 'codes', { project: path, force: o.force }),
        { readonly: true },
      );
    });

  addFilterOptions(
    program
      .command('matrix <project>')
      .description('codes × groups of cases (e.g. --cols continent,phase), counting segments, cases or % of cases')
      .requiredOption('--cols <attrs>', 'case attributes whose value combinations make the columns')
      .addOption(new Option('--count <what>', 'what a cell counts').choices(MATRIX_COUNTS).default('segments'))
      .addOption(new Option('--format <format>', 'output format (default: a text table, or csv with -o)').choices(TABLE_FORMATS))
      .option('--own', 'count each code on its own (parents do not add up their sub-codes)')
      .option('-o, --out <file>', 'write to this file')
      .option('--force', 'replace the file if it exists (never a project file)'),
    false,
  ).action(
    async (path: string, o: FilterOptions & { cols: string; count: MatrixCount; format?: TableFormat; own?: boolean; out?: string; force?: boolean }) => {
      const [{ codeMatrix, matrixTable }, { filterFromNames }] = await Promise.all([matrix(), filters()]);
      const t = await withProject(
        path,
        (p) => matrixTable(p, codeMatrix(p, { columns: list(o.cols), count: o.count, aggregate: !o.own, filter: filterFromNames(p, byName(o)) })),
        { readonly: true },
      );
      await outputTable(t, o.format, o.out, { project: path, force: o.force });
    },
  );

  program
    .command('crosstab <project>')
    .description('cases by one attribute against another, with totals (e.g. --rows country --cols phase)')
    .requiredOption('--rows <attrs>', 'case attribute(s) for the rows')
    .requiredOption('--cols <attrs>', 'case attribute(s) for the columns')
    .option('--json', 'JSON: {columns, rows: [{row, cells, total}], totals}')
    .addOption(new Option('--format <format>', 'output format').choices(TABLE_FORMATS))
    .option('-o, --out <file>', 'write to this file')
    .option('--force', 'replace the file if it exists (never a project file)')
    .action(async (path: string, o: { rows: string; cols: string; json?: boolean; format?: TableFormat; out?: string; force?: boolean }) => {
      const { caseCrosstab, crosstabTable } = await crosstab();
      const t = await withProject(
        path,
        (p) => {
          const rows = list(o.rows);
          const cols = list(o.cols);
          return crosstabTable(p, caseCrosstab(p, rows, cols), rows, cols);
        },
        { readonly: true },
      );
      await outputTable(t, o.json ? 'json' : o.format, o.out, { project: path, force: o.force });
    });

  addFilterOptions(
    program
      .command('cooccurrence <project>')
      .description('how often codes are applied together, by one coder')
      .addOption(new Option('--unit <unit>', 'overlapping segments or the same speaker turn').choices(COOCCURRENCE_UNITS).default('overlap'))
      .addOption(new Option('--format <format>', 'output format').choices(TABLE_FORMATS))
      .option('--json', 'JSON output')
      .option('-o, --out <file>', 'write to this file')
      .option('--force', 'replace the file if it exists (never a project file)'),
    false,
  ).action(async (path: string, o: FilterOptions & { unit: 'overlap' | 'turn'; format?: TableFormat; json?: boolean; out?: string; force?: boolean }) => {
    const [{ codeCooccurrence, cooccurrenceTable }, { filterFromNames }] = await Promise.all([cooccurrence(), filters()]);
    const t = await withProject(path, (p) => cooccurrenceTable(p, codeCooccurrence(p, o.unit, filterFromNames(p, byName(o)))), { readonly: true });
    await outputTable(t, o.json ? 'json' : o.format, o.out, { project: path, force: o.force });
  });

  addFilterOptions(
    program
      .command('code-coders <project>')
      .description('segments per code and coder')
      .addOption(new Option('--format <format>', 'output format').choices(TABLE_FORMATS))
      .option('--json', 'JSON output')
      .option('-o, --out <file>', 'write to this file')
      .option('--force', 'replace the file if it exists (never a project file)'),
    false,
  ).action(async (path: string, o: FilterOptions & { format?: TableFormat; json?: boolean; out?: string; force?: boolean }) => {
    const [{ codeCoderCounts, codeCoderTable }, { filterFromNames }] = await Promise.all([cooccurrence(), filters()]);
    const t = await withProject(path, (p) => codeCoderTable(p, codeCoderCounts(p, filterFromNames(p, byName(o)))), { readonly: true });
    await outputTable(t, o.json ? 'json' : o.format, o.out, { project: path, force: o.force });
  });

  program
    .command('import-qdpx <file> <new-project>')
    .description('import a REFI-QDA project (.qdpx, or a bare project.qde) from another tool as a new project')
    .option('--json', 'JSON output')
    .action(async (file: string, target: string, o: { json?: boolean }) => {
      const [{ importProjectQdpx }, { closeProject }] = await Promise.all([refi(), import('../project/project')]);
      const { project, report } = await withProgress('importing', (progress) => importProjectQdpx({ path: file }, target, { progress }));
      closeProject(project);
      if (o.json)
        return printJson({ path: report.project.path, ...report.counts, converted: report.converted, renamed: report.renamed, skipped: report.skipped });
      const c = report.counts;
      print(`Created ${target}: ${c.documents} documents, ${c.codes} codes, ${c.segments} segments, ${c.cases} cases, ${c.coders} coders, ${c.memos} memos`);
      for (const s of report.converted) print(`converted: ${s}`);
      for (const s of report.renamed) print(`renamed: ${s}`);
      for (const s of report.skipped) process.stderr.write(`fieldcode: ${file}: skipped ${s}\n`);
    });

  program
    .command('import-qdc <project> <file>')
    .description('add the codes of a REFI-QDA codebook (.qdc) to the project (matched by path, ignoring case)')
    .action(async (path: string, file: string) => {
      const { importCodebookQdc } = await refi();
      const r = await withProject(path, (p) => importCodebookQdc(p, { path: file }));
      print(`${file}: ${r.added} codes added, ${r.updated} updated, ${r.unchanged} unchanged`);
    });
}

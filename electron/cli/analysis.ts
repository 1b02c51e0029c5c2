import { Option, type Command } from 'commander';
import { extname, resolve } from 'node:path';
import { InputError } from '../../shared/errors';
import type { AnalysisFormat } from '../analysis/export';
import { readFileSync } from 'node:fs';
import { print, printJson, printTable, withProject } from './output';
import { exportWithProgress, withProgress } from './progress';

// Analysis from the command line: pairs, the pair matrix, case-study drafts,
// group summaries and the framework-matrix summaries. The use cases (and their
// format libraries: docx, exceljs) are imported when a command runs, so that
// every other command starts at once.
const rows = () => import('../analysis/rows');
const exports = () => import('../analysis/export');

function attrs(value: string): string[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0 || names.length > 2) throw new InputError('--by takes one or two case attributes, e.g. continent,phase');
  return names;
}

function attrValue(value: string, flag: string): { attribute: string; value: string } {
  const eq = value.indexOf('=');
  if (eq <= 0 || !value.slice(eq + 1).trim()) throw new InputError(`${flag} "${value}" must look like ATTRIBUTE=VALUE, e.g. continent=UK`);
  return { attribute: value.slice(0, eq).trim(), value: value.slice(eq + 1).trim() };
}

function formatOf(out: string, given: string | undefined, allowed: AnalysisFormat[]): AnalysisFormat {
  const f = (given ?? extname(out).slice(1).toLowerCase()) || 'docx';
  if (!(allowed as string[]).includes(f)) throw new InputError(`--format must be ${allowed.join(' or ')}, not "${f}"`);
  return f as AnalysisFormat;
}

function wrote(out: string, bytes: number, what: string): void {
  print(`wrote ${what} to ${out} (${bytes < 10_240 ? `${bytes} bytes` : `${Math.round(bytes / 1024)} KB`})`);
}

const drafts = () => import('../analysis/drafts');

export function registerAnalysisCommands(program: Command): void {
  program
    .command('pairs <project> [more...]')
    .description('the partner-school pairs; "pairs import PROJECT SHEET" imports them (two case-name columns, or a "partner" column)')
    .option('--json', 'JSON: [{"a","b"}]')
    .action(async (first: string, more: string[], o: { json?: boolean }) => {
      const [second, sheet, ...extra] = more;
      const { importPairs, listPairs } = await import('../analysis/pairs');
      if (first === 'import') {
        if (!second || !sheet || extra.length) throw new InputError('usage: fieldcode pairs import PROJECT SHEET.csv|xlsx');
        const bytes = readFileSync(resolve(sheet));
        const r = await withProject(second, (p) => importPairs(p, sheet, bytes));
        for (const line of r.refused) process.stderr.write(`${r.file}: ${line}\n`);
        print(`${r.file}: ${r.imported} pair(s) imported, ${r.unchanged} unchanged, ${r.refused.length} row(s) refused`);
        if (r.refused.length) process.exitCode = 1;
        return;
      }
      if (second) throw new InputError(`unexpected "${second}" (to import pairs: fieldcode pairs import PROJECT SHEET)`);
      const pairs = await withProject(first, (p) => listPairs(p), { readonly: true });
      if (o.json) return printJson(pairs.map((x) => ({ a: x.a.name, b: x.b.name })));
      if (pairs.length === 0) return print('no pairs yet (fieldcode pairs import PROJECT SHEET)');
      printTable(
        ['case', 'partner'],
        pairs.map((x) => [x.a.name, x.b.name]),
      );
    });

  program
    .command('pair-matrix <project>')
    .description('pairs × codes: present in both schools, only the Northern one, only the Southern one, or neither')
    .option('--codes <paths>', 'codes to show, comma-separated paths (default: every code)')
    .option('--descendants', 'a code counts its sub-codes\u2019 segments too')
    .option('--north <attr=value>', 'which school is the Northern one', 'continent=UK')
    .option('--where <attr=value>', 'only pairs whose Northern school has this attribute value')
    .option('--json', 'JSON: {"pairs":[{"north","south","codes":{PATH:"both"|"north"|"south"|"none"}}]}')
    .addOption(new Option('--format <format>', 'file format for -o').choices(['docx', 'xlsx']))
    .option('-o, --out <file>', 'write the matrix to a DOCX or XLSX file')
    .action(
      async (
        path: string,
        o: { codes?: string; descendants?: boolean; north: string; where?: string; json?: boolean; format?: 'docx' | 'xlsx'; out?: string },
      ) => {
        const [{ codesFromList }, { renderPairMatrix }, { pairMatrix }] = await Promise.all([rows(), exports(), import('../analysis/pair-matrix')]);
        await withProject(
          path,
          async (p) => {
            const w = o.where ? attrValue(o.where, '--where') : null;
            const spec = {
              codeIds: o.codes ? codesFromList(p, o.codes) : undefined,
              descendants: !!o.descendants,
              north: attrValue(o.north, '--north'),
              where: w ? { [w.attribute]: [w.value] } : undefined,
            };
            if (o.out) {
              const format = formatOf(o.out, o.format, ['docx', 'xlsx']);
              const { file } = await exportWithProgress(o.out, () => renderPairMatrix(p, spec, format));
              return wrote(o.out, file.bytes, `${file.rows} pairs`);
            }
            const m = pairMatrix(p, spec);
            for (const line of m.unsided) process.stderr.write(`fieldcode: pair left out: ${line}\n`);
            if (o.json)
              return printJson({
                pairs: m.pairs.map((x) => ({
                  north: x.north.name,
                  south: x.south.name,
                  codes: Object.fromEntries(m.codes.map((c, i) => [c.path, x.presence[i]])),
                })),
              });
            printTable(
              ['code', 'both', 'north', 'south', 'none'],
              m.codes.map((c, i) => [c.path, m.totals[i].both, m.totals[i].north, m.totals[i].south, m.totals[i].none]),
            );
          },
          { readonly: true },
        );
      },
    );

  program
    .command('case-study <project>')
    .description('case-study drafts from a template: one case, or every case into a folder (one file per case)')
    .option('--case <name>', 'the case (school) to write')
    .option('--all', 'every case, one file each, into the folder given by -o')
    .requiredOption('-o, --out <path>', 'a file (one case) or a folder')
    .addOption(new Option('--format <format>', 'file format').choices(['docx', 'md']))
    .option('--template <name>', 'the case-study template (default: the six sections of the NSSP report)')
    .action(async (path: string, o: { case?: string; all?: boolean; out: string; format?: 'docx' | 'md'; template?: string }) => {
      if (!!o.case === !!o.all) throw new InputError('give either --case NAME or --all');
      const [{ caseByName }, { renderCaseStudy }, { writeCaseStudies }, { listCases }] = await Promise.all([
        rows(),
        exports(),
        drafts(),
        import('../cases/cases'),
      ]);
      await withProject(
        path,
        async (p) => {
          const out = resolve(o.out);
          const toFile = !!o.case && /\.(docx|md)$/i.test(o.out);
          const format = (o.format ?? (toFile ? extname(out).slice(1).toLowerCase() : 'docx')) as 'docx' | 'md';
          if (toFile) {
            const c = caseByName(p, o.case!);
            const { file } = await exportWithProgress(out, () => renderCaseStudy(p, c.id, o.template, format));
            return wrote(o.out, file.bytes, `the case study of ${c.name}`);
          }
          const ids = o.case ? [caseByName(p, o.case).id] : listCases(p).map((c) => c.id);
          const files = await withProgress('exporting', (progress) => writeCaseStudies(p, ids, out, format, o.template, progress));
          print(`wrote ${files.length} case stud${files.length === 1 ? 'y' : 'ies'} to ${o.out}`);
        },
        { readonly: true },
      );
    });

  program
    .command('group-summary <project>')
    .description('per analysis group (e.g. --by continent,phase): k of n cases per code, segments, exemplar quotations')
    .requiredOption('--by <attrs>', 'one or two case attributes whose value combinations are the groups')
    .option('--codes <paths>', 'codes to include, comma-separated paths (default: every code with segments)')
    .option('--descendants', 'a code counts its sub-codes\u2019 segments too')
    .addOption(new Option('--format <format>', 'file format').choices(['docx', 'md']))
    .option('--json', 'JSON: {"groups":[{"group":{ATTR:VALUE},"cases":n,"codes":[{"code","cases","segments"}]}]}')
    .option('-o, --out <file>', 'write the summaries (one file, a section per group)')
    .action(async (path: string, o: { by: string; codes?: string; descendants?: boolean; format?: 'docx' | 'md'; json?: boolean; out?: string }) => {
      if (!o.out && !o.json) throw new InputError('add -o FILE to write the group summaries, or --json to print them');
      const [{ codesFromList }, { renderGroups }, { groupSummaries }] = await Promise.all([rows(), exports(), import('../analysis/groups')]);
      await withProject(
        path,
        async (p) => {
          const spec = { by: attrs(o.by), codeIds: o.codes ? codesFromList(p, o.codes) : undefined, descendants: !!o.descendants };
          if (o.out) {
            const format = formatOf(o.out, o.format, ['docx', 'md']);
            const { file } = await exportWithProgress(o.out, () => renderGroups(p, spec, format));
            wrote(o.out, file.bytes, `${file.rows} groups`);
          }
          if (o.json)
            printJson({
              groups: groupSummaries(p, spec).map((g) => ({
                group: g.group,
                cases: g.cases,
                codes: g.codes.map((c) => ({ code: c.path, cases: c.cases, segments: c.segments })),
              })),
            });
        },
        { readonly: true },
      );
    });

  program
    .command('summaries <project>')
    .description('the framework-matrix, case-study and group summaries written in the project')
    .option('--json', 'JSON: [{"row","column","text","coder","updatedAt"}]')
    .action(async (path: string, o: { json?: boolean }) => {
      const { labelledSummaries } = await import('../analysis/summaries');
      const written = await withProject(path, (p) => labelledSummaries(p), { readonly: true });
      if (o.json) return printJson(written);
      if (written.length === 0) return print('no summaries yet');
      for (const r of written) print(`${r.row} · ${r.column} (${r.coder}): ${r.text.replace(/\s+/g, ' ')}`);
    });
}

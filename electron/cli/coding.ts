import type { Command } from 'commander';
import { AUTOCODE_UNITS } from '../../shared/api/choices';
import { InputError } from '../../shared/errors';
import { autocode, type AutocodeUnit } from '../coding/autocode';
import { filterFromNames } from '../reports/filter';
import { codedSegments } from '../reports/retrieval';
import { print, printJson, printTable, withProject } from './output';

export function registerCodingCommands(program: Command): void {
  program
    .command('autocode <project>')
    .description('code every match of a pattern, or every turn of a speaker')
    .requiredOption('--code <path>', 'code path, e.g. "Students/Skills/ICT" (created if missing)')
    .option('--pattern <regex>', 'JavaScript regular expression (matched within each turn)')
    .option('--speaker <name>', 'code the turns of this speaker')
    .option('--unit <unit>', 'match or turn', 'match')
    .option('--coder <name>', 'code as this coder')
    .option('--json', 'JSON output')
    .action(async (path: string, o: { code: string; pattern?: string; speaker?: string; unit: string; coder?: string; json?: boolean }) => {
      if (o.pattern === undefined && o.speaker === undefined) throw new InputError('autocode needs --pattern or --speaker');
      if (!(AUTOCODE_UNITS as readonly string[]).includes(o.unit)) throw new InputError(`--unit must be match or turn, not "${o.unit}"`);
      const result = await withProject(path, (p) => autocode(p, { ...o, unit: o.unit as AutocodeUnit }), { who: 'fieldcode autocode' });
      if (o.json) printJson(result);
      else print(`coded ${result.passages} passages with ${result.code} as ${result.coder} (${result.segments} segments)`);
    });

  program
    .command('segments <project>')
    .description('coded segments, optionally for one code (with descendants) or coder')
    .option('--code <path>', 'code path (includes its descendants)')
    .option('--coder <name>', 'only this coder')
    .option('--json', 'JSON output')
    .action(async (path: string, o: { code?: string; coder?: string; json?: boolean }) => {
      const rows = await withProject(
        path,
        (p) => codedSegments(p, filterFromNames(p, { codes: o.code ? [o.code] : [], descendants: true, coders: o.coder ? [o.coder] : [] })),
        { readonly: true },
      );
      const out = rows.map((s) => ({ id: s.id, document: s.document, code: s.code, coder: s.coder, start: s.start, end: s.end, text: s.text }));
      if (o.json) return printJson(out);
      printTable(
        ['document', 'code', 'coder', 'start', 'end', 'text'],
        out.map((s) => [s.document, s.code, s.coder, s.start, s.end, s.text.replace(/\s+/g, ' ').slice(0, 80)]),
      );
    });
}

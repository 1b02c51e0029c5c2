import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { DOCUMENT_KINDS, type DocumentKind } from '../../shared/types';
import { InputError } from '../../shared/errors';
import { listCodes } from '../codebook/codebook';
import { documentText, listDocuments } from '../documents/documents';
import { print, printJson, printTable, withProject } from './output';
import { commandProgress } from './progress';

function kindOption(kind?: string): DocumentKind | undefined {
  if (kind === undefined) return undefined;
  const k = kind.toLowerCase().replace(/[-_]/g, ' ');
  if (!(DOCUMENT_KINDS as readonly string[]).includes(k)) throw new InputError(`unknown document kind "${kind}" (use ${DOCUMENT_KINDS.join(', ')})`);
  return k as DocumentKind;
}

export function registerProjectCommands(program: Command): void {
  program
    .command('new <project>')
    .description('create a project file (with the NSSP codebook unless --codebook empty)')
    .option('--name <name>', 'project name')
    .option('--codebook <codebook>', 'nssp or empty', 'nssp')
    .option('--coder <name>', 'who is coding in this file', 'Coder')
    .action(async (path: string, o: { name?: string; codebook: string; coder: string }) => {
      if (o.codebook !== 'nssp' && o.codebook !== 'empty') throw new InputError(`unknown codebook "${o.codebook}" (use nssp or empty)`);
      const { closeProject, newProject, projectInfo } = await import('../project/project');
      const p = newProject(path, { name: o.name, codebook: o.codebook, coder: o.coder });
      const info = projectInfo(p);
      closeProject(p);
      print(`Created ${path}: ${info.counts.codes} codes, coder ${info.coder.name}`);
    });

  program
    .command('import <project> <paths...>')
    .description('import transcripts (.txt .docx .vtt .srt .md) from files and folders')
    .option('--kind <kind>', `document kind: ${DOCUMENT_KINDS.join(', ')}`)
    .option('--case <name>', 'assign the documents to this case (created if new)')
    .option('--json', 'print the import report as JSON')
    .action(async (path: string, paths: string[], o: { kind?: string; case?: string; json?: boolean }) => {
      const kind = kindOption(o.kind);
      // The transcript readers (fflate, chardet, iconv-lite) load only for an import.
      const { importPaths } = await import('../documents/import');
      const progress = commandProgress('importing');
      const report = await withProject(path, (p) => importPaths(p, paths, { kind, caseName: o.case, progress })).finally(progress.end);
      if (o.json) printJson(report);
      else {
        for (const d of report.imported) print(`imported ${d.name} (${d.turns} turns)`);
        for (const d of report.duplicates) print(`skipped ${d.file}: same text as "${d.existing}"`);
      }
      for (const f of report.failed) process.stderr.write(`fieldcode: ${f.file}: ${f.reason}\n`);
      if (report.failed.length > 0) process.exitCode = 1;
    });

  const cases = program.command('cases <project>').description('list cases with their attributes').option('--json', 'JSON output');
  cases.action(async (path: string, o: { json?: boolean }) => {
    const { listCases } = await import('../cases/cases'); // the case-sheet readers load with it
    const list = await withProject(path, (p) => listCases(p), { readonly: true });
    if (o.json) return printJson(list.map((c) => ({ id: c.id, name: c.name, documents: c.documents, attributes: c.attributes })));
    const attrs = [...new Set(list.flatMap((c) => Object.keys(c.attributes)))];
    printTable(
      ['case', 'documents', ...attrs],
      list.map((c) => [c.name, c.documents, ...attrs.map((a) => c.attributes[a] ?? '')]),
    );
  });
  cases
    .command('import <project> <sheet>')
    .description('import a case sheet (.csv or .xlsx): first column the case, other columns attributes')
    .action(async (path: string, sheet: string) => importSheet(path, sheet));

  program
    .command('info <project>')
    .description('counts: documents, cases, codes, segments, coders')
    .option('--json', 'JSON output')
    .action(async (path: string, o: { json?: boolean }) => {
      const { projectInfo } = await import('../project/info');
      const info = await withProject(path, (p) => projectInfo(p), { readonly: true });
      if (o.json) return printJson({ id: info.id, name: info.name, schemaVersion: info.schemaVersion, coder: info.coder.name, ...info.counts });
      print(`${info.name} (schema ${info.schemaVersion}, coder ${info.coder.name})`);
      for (const [k, v] of Object.entries(info.counts)) print(`  ${k.padEnd(10)} ${v}`);
    });

  program
    .command('docs <project>')
    .description('documents with kind, case, size, turns and speakers')
    .option('--json', 'JSON output')
    .action(async (path: string, o: { json?: boolean }) => {
      const docs = await withProject(path, (p) => listDocuments(p), { readonly: true });
      const rows = docs.map((d) => ({
        id: d.id,
        name: d.name,
        kind: d.kind,
        case: d.caseName,
        chars: d.chars,
        sha256: d.sha256,
        turns: d.turns,
        speakers: d.speakers,
      }));
      if (o.json) return printJson(rows);
      printTable(
        ['name', 'kind', 'case', 'chars', 'turns', 'speakers'],
        rows.map((d) => [d.name, d.kind, d.case ?? '', d.chars, d.turns, d.speakers.join(', ')]),
      );
    });

  program
    .command('text <project> <document>')
    .description('print the stored plain text of a document (by name or id)')
    .action(async (path: string, name: string) => {
      const text = await withProject(path, (p) => documentText(p, name), { readonly: true });
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    });

  program
    .command('codes <project>')
    .description('the codebook tree with segment counts')
    .option('--json', 'JSON output')
    .action(async (path: string, o: { json?: boolean }) => {
      const codes = await withProject(path, (p) => listCodes(p), { readonly: true });
      if (o.json) {
        return printJson(
          codes.map((c) => ({ id: c.id, path: c.path, name: c.name, parent: c.parentId, colour: c.colour, segments: c.segments, definition: c.definition })),
        );
      }
      const depth = (c: { path: string }) => c.path.split('/').length - 1;
      for (const c of codes) print(`${'  '.repeat(depth(c))}${c.name}${c.segments ? ` (${c.segments})` : ''}`);
    });
}

async function importSheet(path: string, sheet: string): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(sheet);
  } catch {
    throw new InputError(`${sheet}: cannot read the file`);
  }
  const { importCaseSheet } = await import('../cases/cases'); // exceljs, only here
  const r = await withProject(path, (p) => importCaseSheet(p, sheet, bytes));
  print(`${r.file}: ${r.created} cases created, ${r.updated} updated, ${r.unchanged} unchanged; attributes: ${r.attributes.join(', ')}`);
}

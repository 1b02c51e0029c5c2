import type { Command } from 'commander';
import { coderFor, findCoderByName } from '../store/coders';
import type { Project } from '../store/db';
import { InputError, NotFoundError } from '../../shared/errors';
import { applyCodeToMany } from '../coding/coding';
import { ensureCodePath } from '../codebook/codebook';
import { codedSegments } from '../reports/retrieval';
import { resolveCodePath } from '../store/codes';
import { print, printJson, printTable, withProject } from './output';

interface AutocodeOptions {
  code: string;
  pattern?: string;
  speaker?: string;
  unit: string;
  coder?: string;
  json?: boolean;
}

function compile(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'gu');
  } catch (e) {
    throw new InputError(`--pattern is not a valid JavaScript regular expression: ${(e as Error).message}`);
  }
}

/** Passages to code: every match, or every turn containing a match or spoken by the speaker. */
export function autocodePassages(p: Project, o: Pick<AutocodeOptions, 'pattern' | 'speaker' | 'unit'>): { documentId: string; start: number; end: number }[] {
  const re = o.pattern !== undefined ? compile(o.pattern) : null;
  const speaker = o.speaker?.trim().toLowerCase();
  const docs = p.db.prepare('SELECT id, text FROM documents WHERE deleted_at IS NULL ORDER BY name').all() as { id: string; text: string }[];
  const turnsOf = p.db.prepare('SELECT start, end, speaker FROM turns WHERE document_id = ? ORDER BY idx');
  const out: { documentId: string; start: number; end: number }[] = [];
  for (const d of docs) {
    const turns = turnsOf.all(d.id) as { start: number; end: number; speaker: string | null }[];
    for (const t of turns) {
      if (speaker !== undefined && (t.speaker ?? '').toLowerCase() !== speaker) continue;
      if (!re) {
        if (t.end > t.start) out.push({ documentId: d.id, start: t.start, end: t.end });
        continue;
      }
      const body = d.text.slice(t.start, t.end);
      re.lastIndex = 0;
      for (let m = re.exec(body); m; m = re.exec(body)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        if (o.unit === 'turn') {
          out.push({ documentId: d.id, start: t.start, end: t.end });
          break;
        }
        out.push({ documentId: d.id, start: t.start + m.index, end: t.start + m.index + m[0].length });
      }
    }
  }
  return out;
}

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
    .action(async (path: string, o: AutocodeOptions) => {
      if (o.pattern === undefined && o.speaker === undefined) throw new InputError('autocode needs --pattern or --speaker');
      if (o.unit !== 'match' && o.unit !== 'turn') throw new InputError(`--unit must be match or turn, not "${o.unit}"`);
      const unit = o.speaker !== undefined && o.pattern === undefined ? 'turn' : o.unit;
      const result = await withProject(path, (p) => {
        const code = ensureCodePath(p, o.code);
        const passages = autocodePassages(p, { ...o, unit });
        const coder = coderFor(p, o.coder);
        const segments = passages.length ? applyCodeToMany(p, code.id, passages, coder.name) : 0;
        return { code: code.path, coder: coder.name, passages: passages.length, segments };
      });
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
        (p) => {
          const codeIds = o.code ? [resolveCodePath(p, o.code).id] : undefined;
          const coder = o.coder ? findCoderByName(p, o.coder) : undefined;
          if (o.coder && !coder) throw new NotFoundError(`no coder named "${o.coder}" in this project`);
          return codedSegments(p, { codeIds, descendants: true, coderIds: coder ? [coder.id] : undefined });
        },
        { readonly: true },
      );
      const out = rows.map((s) => ({ id: s.id, document: s.document, code: s.code, coder: s.coder, start: s.start, end: s.end, text: s.text }));
      if (o.json) return printJson(out);
      printTable(['document', 'code', 'coder', 'start', 'end', 'text'], out.map((s) => [s.document, s.code, s.coder, s.start, s.end, s.text.replace(/\s+/g, ' ').slice(0, 80)]));
    });
}

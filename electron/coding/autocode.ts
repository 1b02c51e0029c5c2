import type { AutocodeReport } from '../../shared/api/autocode';
import { InputError } from '../../shared/errors';
import { coderFor } from '../store/coders';
import type { Project } from '../store/db';
import { getTurns, listDocumentTexts } from '../store/documents';
import { action } from '../store/history';
import { ensureCodePath } from '../codebook/codebook';
import { applyCodeToMany } from './coding';

// Autocoding: code every match of a pattern, or every turn of a speaker, in every
// document. The command line and the app share this one use case.

export type AutocodeUnit = 'match' | 'turn';

export interface AutocodeSearch {
  /** JavaScript regular expression, matched within each turn */
  pattern?: string;
  /** code the turns of this speaker (ignoring case) */
  speaker?: string;
  /** code the match itself or the whole turn around it; a speaker alone always codes turns */
  unit?: AutocodeUnit;
}

export interface Autocode extends AutocodeSearch {
  /** code path like "Students/Skills/ICT"; missing parts are created */
  code: string;
  /** code as this coder (created if new); defaults to the current coder */
  coder?: string;
}

export interface Passage {
  documentId: string;
  start: number;
  end: number;
}

function compile(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'gu');
  } catch (e) {
    throw new InputError(`the pattern is not a valid JavaScript regular expression: ${(e as Error).message}`);
  }
}

/** Passages to code: every match, or every turn containing a match or spoken by the speaker. */
export function autocodePassages(p: Project, o: AutocodeSearch): Passage[] {
  if (o.pattern === undefined && o.speaker === undefined) throw new InputError('autocode needs a pattern or a speaker');
  const re = o.pattern !== undefined ? compile(o.pattern) : null;
  const unit = re ? (o.unit ?? 'match') : 'turn';
  const speaker = o.speaker?.trim().toLowerCase();
  const out: Passage[] = [];
  for (const d of listDocumentTexts(p)) {
    for (const t of getTurns(p, d.id)) {
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
        if (unit === 'turn') {
          out.push({ documentId: d.id, start: t.start, end: t.end });
          break;
        }
        out.push({ documentId: d.id, start: t.start + m.index, end: t.start + m.index + m[0].length });
      }
    }
  }
  return out;
}

/** Finds the passages and codes them: the code path, the coding and the coder are one undo step. */
export function autocode(p: Project, o: Autocode): AutocodeReport {
  const passages = autocodePassages(p, o);
  return action(p, `Autocode "${o.code}"`, () => {
    const code = ensureCodePath(p, o.code);
    const coder = coderFor(p, o.coder);
    const segments = passages.length ? applyCodeToMany(p, code.id, passages, coder.name) : 0;
    return { code: code.path, coder: coder.name, passages: passages.length, segments };
  });
}

import type { SearchHit } from '../../shared/api';
import type { Project } from '../store/db';
import { parseQuery, positiveTerms, satisfies, type Query } from './query';
import { spreader } from './spread';

/**
 * Quoted FTS5 prefix terms: the user's words are data, never query syntax. A hit
 * starts at a word's beginning, so each of its words begins some word of the
 * document: prefix terms keep every document that can hold a hit ("teach" finds
 * "teachers" in every document, whether or not another holds "teach" alone).
 */
function ftsQuery(term: string): string | null {
  const words = term.match(/[\p{L}\p{N}]+/gu);
  return words ? words.map((w) => `"${w}"*`).join(' ') : null;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const NON_ASCII = /[^\t\n\r -~]/; // anything but printable ASCII, tab and line ends takes the per-character path
const foldedChars = new Map<string, string>();

/** One character folded; a corpus holds few distinct characters, so each is folded once. */
function foldChar(c: string): string {
  let f = foldedChars.get(c);
  if (f === undefined) {
    f = fold(c);
    if (foldedChars.size < 65536) foldedChars.set(c, f);
  }
  return f;
}

/**
 * A document's text folded per character (ignoring case and accents), with each
 * folded character's offset in the text; `origin` is null when folding kept every
 * offset (plain ASCII text, the common case, folded in one pass).
 */
function folded(text: string): { hay: string; origin: number[] | null } {
  if (!NON_ASCII.test(text)) return { hay: text.toLowerCase(), origin: null };
  const chars: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      chars.push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i]);
      origin.push(i);
      continue;
    }
    for (const ch of foldChar(text[i])) {
      chars.push(ch);
      origin.push(i);
    }
  }
  origin.push(text.length);
  return { hay: chars.join(''), origin };
}

/**
 * The documents worth reading for this query, in the order of the document list.
 * FTS5 narrows a plain phrase to the documents holding all its words; emoji, lone
 * combining marks, boolean queries and regular expressions (which FTS5's tokenizer
 * cannot answer) read every document.
 */
function candidates(p: Project, q: Query): string[] {
  const all = () => p.db.prepare('SELECT id FROM documents WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, imported_at').pluck().all() as string[];
  if (q.kind !== 'term') return all();
  const match = ftsQuery(q.text);
  if (!match || /[^\p{L}\p{N}\s\p{P}]/u.test(q.text)) return all();
  let held: Set<string>;
  try {
    held = new Set(p.db.prepare('SELECT document_id FROM document_search WHERE document_search MATCH ?').pluck().all(match) as string[]);
  } catch {
    // A word SQLite's tokenizer splits in two makes a phrase, which an index without
    // word positions cannot answer: reading every document finds the same hits.
    return all();
  }
  // The index keeps no word counts to rank by: documents come in the order of the list.
  return held.size ? all().filter((id) => held.has(id)) : all();
}

/** Every occurrence of a term: folded where folding leaves something (from a word's beginning), else the characters carrying a lone combining mark. */
function occurrences(text: string, f: { hay: string; origin: number[] | null }, term: string): [number, number][] {
  const needle = fold(term);
  const out: [number, number][] = [];
  if (needle) {
    const o = f.origin;
    // A term that begins with a letter or digit is found at a word's beginning
    // ("plan" in "planning", not in "explanation"), as the index narrows it.
    const atWordStart = WORD_CHAR.test(needle[0]);
    let at = f.hay.indexOf(needle);
    while (at >= 0) {
      if (atWordStart && at > 0 && WORD_CHAR.test(f.hay[at - 1])) {
        at = f.hay.indexOf(needle, at + 1);
        continue;
      }
      out.push(o ? [o[at], o[at + needle.length - 1] + 1] : [at, at + needle.length]);
      at = f.hay.indexOf(needle, at + needle.length);
    }
    return out;
  }
  // Marks alone: a character holds the mark when its decomposition does (ï holds U+0308).
  const mark = term.normalize('NFD');
  if (!mark) return out;
  for (let i = 0; i < text.length; i++) if (text[i].normalize('NFD').includes(mark)) out.push([i, i + 1]);
  return out;
}

/**
 * Full-text search. A plain query is one phrase, found ignoring case and accents;
 * "quoted phrases", AND, OR, NOT/-word and brackets combine per document;
 * /pattern/flags (or `regex`) is a regular expression over the exact text.
 * Each hit carries the sentence and the turn it would spread to when coded.
 */
export function searchText(p: Project, query: string, opts: { documentIds?: string[]; limit?: number; regex?: boolean } = {}): SearchHit[] {
  if (!query.trim()) return [];
  const q = parseQuery(query, opts.regex);
  const limit = opts.limit ?? 2000;
  const wanted = opts.documentIds ? new Set(opts.documentIds) : null;
  const terms = [...new Set(positiveTerms(q))];
  const docStmt = p.db.prepare('SELECT name, text FROM documents WHERE id = ? AND deleted_at IS NULL');
  const turnStmt = p.db.prepare('SELECT speaker, start, end FROM turns WHERE document_id = ? ORDER BY start');
  const hits: SearchHit[] = [];
  for (const id of candidates(p, q)) {
    if (hits.length >= limit) break;
    if (wanted && !wanted.has(id)) continue;
    const doc = docStmt.get(id) as { name: string; text: string } | undefined;
    if (!doc) continue;
    let found: [number, number][];
    if (q.kind === 'regex') {
      found = [...doc.text.matchAll(q.pattern)].filter((m) => m[0].length > 0).map((m) => [m.index, m.index + m[0].length]);
    } else {
      const f = folded(doc.text);
      const byTerm = new Map(terms.map((t) => [t, occurrences(doc.text, f, t)]));
      const has = (t: string) => (byTerm.get(t) ?? occurrences(doc.text, f, t)).length > 0;
      if (!satisfies(q, has)) continue;
      const seen = new Set<string>();
      found = [...byTerm.values()]
        .flat()
        .sort((a, b) => a[0] - b[0] || b[1] - a[1])
        .filter(([s, e]) => !seen.has(`${s}:${e}`) && !!seen.add(`${s}:${e}`));
    }
    if (!found.length) continue;
    const turns = turnStmt.all(id) as { speaker: string | null; start: number; end: number }[];
    const spread = spreader(doc.text, turns);
    for (const [start, end] of found) {
      if (hits.length >= limit) break;
      const { sentence, turn } = spread({ start, end });
      hits.push({
        documentId: id,
        document: doc.name,
        start,
        end,
        before: doc.text.slice(Math.max(0, start - 60), start),
        match: doc.text.slice(start, end),
        after: doc.text.slice(end, end + 60),
        speaker: turns.find((t) => t.start <= start && t.end > start)?.speaker ?? null,
        sentence,
        turn,
      });
    }
  }
  return hits;
}

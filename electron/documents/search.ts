import type { SearchHit } from '../../shared/api';
import type { Project } from '../store/db';
import { parseQuery, positiveTerms, satisfies, type Query } from './query';
import { spreader } from './spread';

/** Quoted FTS5 terms: the user's words are data, never query syntax. */
function ftsQuery(term: string): string | null {
  const words = term.match(/[\p{L}\p{N}]+/gu);
  return words ? words.map((w) => `"${w}"`).join(' ') : null;
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A document's text folded per character (ignoring case and accents), with each folded character's offset in the text. */
function folded(text: string): { hay: string; origin: number[] } {
  const chars: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    for (const ch of fold(text[i])) {
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

/** Every occurrence of a term: folded where folding leaves something, else the characters carrying a lone combining mark. */
function occurrences(text: string, f: { hay: string; origin: number[] }, term: string): [number, number][] {
  const needle = fold(term);
  const out: [number, number][] = [];
  if (needle) {
    for (let at = f.hay.indexOf(needle); at >= 0; at = f.hay.indexOf(needle, at + needle.length))
      out.push([f.origin[at], f.origin[at + needle.length - 1] + 1]);
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

import type { SearchHit } from '../../shared/api';
import type { Project } from '../store/db';

/** Quoted FTS5 terms: the user's words are data, never query syntax. */
function ftsQuery(query: string): string | null {
  const words = query.match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words.map((w) => `"${w}"`).join(' ');
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Full-text search: FTS5 finds the documents, then each occurrence of the phrase
 * (ignoring case and accents) is located in the text so it can be highlighted and coded.
 */
export function searchText(p: Project, query: string, opts: { documentIds?: string[]; limit?: number } = {}): SearchHit[] {
  const match = ftsQuery(query);
  const limit = opts.limit ?? 2000;
  if (!match) return [];
  const docIds = p.db.prepare('SELECT document_id FROM document_search WHERE document_search MATCH ? ORDER BY rank').pluck().all(match) as string[];
  const wanted = opts.documentIds ? new Set(opts.documentIds) : null;
  const needle = fold(query.trim());
  const docStmt = p.db.prepare('SELECT name, text FROM documents WHERE id = ? AND deleted_at IS NULL');
  const turnStmt = p.db.prepare('SELECT speaker FROM turns WHERE document_id = ? AND start <= ? AND end > ? LIMIT 1').pluck();
  const hits: SearchHit[] = [];
  for (const id of docIds) {
    if (wanted && !wanted.has(id)) continue;
    const doc = docStmt.get(id) as { name: string; text: string } | undefined;
    if (!doc) continue;
    // Folding can change lengths (é → e + mark), so fold per character to keep offsets.
    const folded: string[] = [];
    const origin: number[] = [];
    for (let i = 0; i < doc.text.length; i++) {
      const f = fold(doc.text[i]);
      for (const ch of f) {
        folded.push(ch);
        origin.push(i);
      }
    }
    const hay = folded.join('');
    origin.push(doc.text.length);
    for (let at = hay.indexOf(needle); at >= 0 && hits.length < limit; at = hay.indexOf(needle, at + needle.length)) {
      const start = origin[at];
      const end = origin[at + needle.length - 1] + 1;
      hits.push({
        documentId: id,
        document: doc.name,
        start,
        end,
        before: doc.text.slice(Math.max(0, start - 60), start),
        match: doc.text.slice(start, end),
        after: doc.text.slice(end, end + 60),
        speaker: (turnStmt.get(id, start, start) as string | null | undefined) ?? null,
      });
    }
    if (hits.length >= limit) break;
  }
  return hits;
}

// Fuzzy matching for the quick-code palette: every typed character must appear
// in order; matches at word starts and in the code's own name score higher.

export interface Scored<T> {
  item: T;
  score: number;
}

export function fuzzyScore(query: string, target: string): number | null {
  const q = query.toLowerCase().replace(/\s+/g, ' ').trim();
  if (!q) return 0;
  const t = target.toLowerCase();
  const direct = t.indexOf(q);
  if (direct >= 0) return 1000 - direct + (direct === 0 || /[\s/]/.test(t[direct - 1]) ? 200 : 0);
  let score = 0;
  let ti = 0;
  let run = 0;
  for (const ch of q) {
    if (ch === ' ') continue;
    const found = t.indexOf(ch, ti);
    if (found < 0) return null;
    const wordStart = found === 0 || /[\s/(-]/.test(t[found - 1]);
    run = found === ti ? run + 1 : 0;
    score += 10 + (wordStart ? 15 : 0) + run * 5 - Math.min(found - ti, 10);
    ti = found + 1;
  }
  return score;
}

/** Items ranked by how well `query` matches their name (preferred) or path. */
export function rank<T>(query: string, items: readonly T[], name: (t: T) => string, path: (t: T) => string, limit = 50): T[] {
  const out: Scored<T>[] = [];
  for (const item of items) {
    const a = fuzzyScore(query, name(item));
    const b = fuzzyScore(query, path(item));
    if (a === null && b === null) continue;
    out.push({ item, score: Math.max(a === null ? -Infinity : a + 50, b ?? -Infinity) });
  }
  return out
    .sort((x, y) => y.score - x.score || path(x.item).localeCompare(path(y.item)))
    .slice(0, limit)
    .map((s) => s.item);
}

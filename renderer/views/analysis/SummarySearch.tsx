import { useState } from 'react';
import type { Summary } from '../../../shared/api/analysis';
import type { Case, Code } from '../../../shared/types';
import { api } from '../../api';
import { useFetch } from '../common/useFetch';

/** Where a summary was written, in the researcher's words: "Mbale Primary School × Perceived impact (memo)". */
function placeOf(s: Summary, names: Map<string, string>): string {
  const row = s.rowKind === 'group' ? s.rowKey.replace(/;/g, ', ') : (names.get(s.rowKey) ?? `a deleted ${s.rowKind}`);
  const column = names.get(s.columnKey) ?? s.columnKey;
  return `${row} × ${column}${s.columnKind === 'memo' ? ' (memo)' : ''}`;
}

/** Finds summaries (matrix cells, case-study sections and memos, group summaries) containing every word typed. */
export function SummarySearch({ cases, codes }: { cases: Case[]; codes: Code[] }) {
  const [query, setQuery] = useState('');
  const words = query.trim();
  const found = useFetch(`summary-search|${words}`, () => (words ? api['analysis.summaries']({ search: words }) : Promise.resolve(null)));
  const templates = useFetch('templates', () => api['analysis.templates']({})).data ?? [];
  const names = new Map<string, string>([
    ...cases.map((c) => [c.id, c.name] as [string, string]),
    ...codes.map((c) => [c.id, c.path] as [string, string]),
    ...templates.flatMap((t) => t.sections.map((s) => [s.id, s.title] as [string, string])),
  ]);
  const list = found.data;
  return (
    <div className="summary-search">
      <input type="search" aria-label="Find in summaries" placeholder="Find in summaries…" value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      {list && (
        <div role="status" data-testid="summary-results">
          {list.length === 0 ? (
            <p className="muted">No summary contains {words.split(/\s+/).length > 1 ? 'all of these words' : 'this word'}.</p>
          ) : (
            <ul className="summary-results">
              {list.map((s) => (
                <li key={s.id}>
                  <strong>{placeOf(s, names)}</strong>
                  {s.coder && <span className="muted"> · {s.coder}</span>}
                  <p>{s.body}</p>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

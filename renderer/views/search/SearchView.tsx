import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { SearchHit } from '../../../shared/api';
import { useShallow } from 'zustand/react/shallow';
import { useCodebook } from '../../store/codebook';
import { useDocuments } from '../../store/documents';
import { useNav } from '../../store/nav';
import { CodeSelect } from '../common/CodeSelect';
import { plural } from '../common/files';
import { lead, trail } from '../common/excerpt';
import { ShowMore, usePaged } from '../common/paged';
import { hitKey, SEARCH_LIMIT, useSearch, type HitUnit } from './searchStore';
import '../views.css';

/** Full-text search across the transcripts (or the open one), with "code all hits with…". */
export function SearchView() {
  const s = useSearch(
    useShallow((x) => ({
      query: x.query,
      onlyCurrent: x.onlyCurrent,
      regex: x.regex,
      asked: x.asked,
      hits: x.hits,
      searching: x.searching,
      error: x.error,
      excluded: x.excluded.size,
      done: x.done,
    })),
  );
  const { search, setQuery, setOnlyCurrent } = useSearch.getState();
  const currentId = useDocuments((d) => d.currentId);
  const currentName = useDocuments((d) => d.list.find((x) => x.id === d.currentId)?.name ?? d.current?.name ?? null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
  }, []);
  const documents = useMemo(() => new Set(s.hits.map((h) => h.documentId)).size, [s.hits]);
  const included = s.hits.length - s.excluded;

  return (
    <section className="view-scroll view-page" aria-labelledby="search-heading">
      <h1 id="search-heading" className="view-title">
        Search
      </h1>
      <form
        className="view-toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void search(currentId);
        }}
      >
        <input
          ref={input}
          type="search"
          className="grow"
          aria-label="Search the transcripts"
          placeholder="Words or a phrase, e.g. partner school"
          value={s.query}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
        <label className="check">
          <input type="checkbox" checked={s.regex} onChange={(e) => useSearch.getState().setRegex(e.currentTarget.checked)} data-testid="search-regex" />
          Regular expression
        </label>
        <label className="check">
          <input type="checkbox" checked={s.onlyCurrent} disabled={!currentId} onChange={(e) => setOnlyCurrent(e.currentTarget.checked)} />
          Only in {currentName ? `“${currentName}”` : 'the open document'}
        </label>
        <button type="submit" className="primary" disabled={!s.query.trim() || s.searching}>
          {s.searching ? 'Searching…' : 'Search'}
        </button>
      </form>
      {s.error && (
        <p className="view-error" role="alert">
          {s.error}
        </p>
      )}
      {s.asked && !s.error && (
        <>
          <p className="view-summary" role="status" data-testid="search-summary">
            {s.hits.length
              ? `${plural(s.hits.length, 'hit')} for “${s.asked.query}” in ${plural(documents, 'document')}${s.hits.length >= SEARCH_LIMIT ? ` (the first ${SEARCH_LIMIT.toLocaleString()})` : ''}`
              : `No hits for “${s.asked.query}”${s.asked.documentId ? ' in this document' : ''}.`}
          </p>
          {s.hits.length > 0 && <CodeAllHits included={included} />}
          {s.done && (
            <p className="view-done" role="status">
              {s.done}
            </p>
          )}
          <HitList hits={s.hits} resetKey={`${s.asked.query}:${s.asked.documentId}`} />
        </>
      )}
      {!s.asked && (
        <div className="pane-empty">
          <p>Type words and press Enter. Matches ignore case and accents; emoji and marks are found too. Click a hit to open it in its transcript.</p>
          <p>
            <code>partner school</code> finds the phrase; <code>garden AND &quot;partner school&quot;</code>, <code>visit OR trip</code>,{' '}
            <code>garden NOT field</code> (or <code>-field</code>) and brackets combine words within a document; <code>/lesson(s| plan)/</code> or “Regular
            expression” searches with a pattern.
          </p>
        </div>
      )}
    </section>
  );
}

function CodeAllHits({ included }: { included: number }) {
  const codes = useCodebook((c) => c.codes);
  const selectedId = useCodebook((c) => c.selectedId);
  const [picked, setPicked] = useState<string | null>(null);
  const [unit, setUnit] = useState<HitUnit>('hit');
  const codeId = picked ?? selectedId ?? '';
  const code = codes.find((c) => c.id === codeId);
  const excluded = useSearch((s) => s.excluded.size);
  const id = useId();
  return (
    <div className="view-toolbar code-all" role="group" aria-label="Code all hits">
      <label htmlFor={id}>Code all hits with</label>
      <CodeSelect
        id={id}
        codes={codes}
        value={code ? codeId : ''}
        onChange={setPicked}
        label="Code all hits with"
        none="Choose a code…"
        testId="code-all-select"
      />
      <button
        type="button"
        className="primary"
        disabled={!code || included === 0}
        onClick={() => code && void useSearch.getState().codeAll(code.id, code.path, unit)}
      >
        Code {plural(included, 'hit')}
      </button>
      <label className="inline-field">
        <span>each as</span>
        <select value={unit} onChange={(e) => setUnit(e.currentTarget.value as HitUnit)} data-testid="code-all-unit">
          <option value="hit">the words found</option>
          <option value="sentence">its sentence</option>
          <option value="turn">its whole turn</option>
        </select>
      </label>
      <button type="button" className="link" onClick={() => useSearch.getState().includeAll(excluded > 0)}>
        {excluded > 0 ? 'Tick all hits' : 'Untick all hits'}
      </button>
    </div>
  );
}

function HitList({ hits, resetKey }: { hits: SearchHit[]; resetKey: string }) {
  const excluded = useSearch((s) => s.excluded);
  const { visible, left, showMore } = usePaged(hits, resetKey);
  return (
    <>
      <ol className="result-list" aria-label="Search hits" data-testid="search-hits">
        {visible.map((h, i) => {
          const key = hitKey(h);
          return (
            <li key={key} className={`result hit${excluded.has(key) ? ' excluded' : ''}`}>
              <input
                type="checkbox"
                aria-label={`Include hit ${i + 1} when coding all hits`}
                checked={!excluded.has(key)}
                onChange={() => useSearch.getState().toggle(key)}
              />
              <button
                type="button"
                className="result-open"
                onClick={() => useNav.getState().openAt(h.documentId, h.start, h.end)}
                title="Open this passage in its transcript"
              >
                <span className="result-meta">
                  <span className="result-doc">{h.document}</span>
                  {h.speaker && <span className="result-speaker">{h.speaker}</span>}
                </span>
                <span className="result-text">
                  <span className="context">{lead(h.before)}</span>
                  <mark>{h.match}</mark>
                  <span className="context">{trail(h.after)}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <ShowMore left={left} onClick={showMore} what="hit" />
    </>
  );
}

import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CodedSegment } from '../../../shared/api';
import { DOCUMENT_KINDS, type Code } from '../../../shared/types';
import { api } from '../../api';
import { useCodebook } from '../../store/codebook';
import { useNav } from '../../store/nav';
import { useProject } from '../../store/project';
import { CodeSelect } from '../common/CodeSelect';
import { plural } from '../common/files';
import { lead, trail } from '../common/excerpt';
import { ShowMore, usePaged } from '../common/paged';
import { useFetch } from '../common/useFetch';
import { isFiltered, retrievalOf, useSegmentsFilter } from './segmentsFilter';
import '../views.css';

/** What the filter pickers offer: attribute values of the cases, coders, speakers. */
function useOptions() {
  return useFetch('options', async () => {
    const [attributes, cases, coders, documents] = await Promise.all([
      api['cases.attributes']({}),
      api['cases.list']({}),
      api['coders.list']({}),
      api['documents.list']({}),
    ]);
    const values = attributes.map((a) => ({
      name: a.name,
      values: [...new Set(cases.map((c) => c.attributes[a.name]).filter((v): v is string => !!v))].sort((x, y) => x.localeCompare(y)),
    }));
    const speakers = [...new Set(documents.flatMap((d) => d.speakers))].sort((x, y) => x.localeCompare(y));
    const kinds = DOCUMENT_KINDS.filter((k) => documents.some((d) => d.kind === k));
    return { attributes: values.filter((a) => a.values.length > 0), coders, speakers, kinds };
  });
}

/** "Coded segments": everything coded with a code (and its sub-codes), filtered, each row a way back to its place. */
export function SegmentsView() {
  const asked = useNav((s) => s.segmentsCode);
  const selected = useCodebook((s) => s.selectedId);
  const codes = useCodebook((s) => s.codes);
  const filter = useSegmentsFilter(
    useShallow((s) => ({ allCodes: s.allCodes, descendants: s.descendants, where: s.where, kind: s.kind, speaker: s.speaker, coderId: s.coderId })),
  );
  // the code asked for, else all codes if chosen, else the code selected in the codebook
  const code = codes.find((c) => c.id === (asked ?? (filter.allCodes ? null : selected))) ?? null;
  const idle = !code && !filter.allCodes;
  const request = useMemo(() => retrievalOf(code?.id ?? null, filter), [code, filter]);
  const key = idle ? 'idle' : JSON.stringify(request);
  const rows = useFetch(key, () => (idle ? Promise.resolve(null) : api['segments.retrieve'](request)));
  const options = useOptions().data;
  const set = useSegmentsFilter.getState().set;
  const colours = useMemo(() => new Map(codes.map((c) => [c.id, c.colour])), [codes]);
  const documents = useMemo(() => new Set(rows.data?.map((r) => r.documentId)).size, [rows.data]);

  return (
    <section className="view-scroll view-page" aria-labelledby="segments-heading">
      <h1 id="segments-heading" className="view-title">
        Coded segments
      </h1>
      <div className="view-toolbar" role="group" aria-label="Code">
        <label className="inline-field">
          <span>Code</span>
          <CodeSelect
            codes={codes}
            value={code?.id ?? (filter.allCodes ? '*' : '')}
            onChange={(id) => {
              set({ allCodes: id === '*' });
              useNav.getState().showSegments(id && id !== '*' ? id : null);
            }}
            label="Code"
            none="Choose a code…"
            extra={[['*', 'All codes']]}
            testId="segments-code"
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={filter.descendants} disabled={!code} onChange={(e) => set({ descendants: e.currentTarget.checked })} /> Include
          sub-codes
        </label>
      </div>
      {options && (
        <div className="view-toolbar filters" role="group" aria-label="Filters">
          {options.attributes.map((a) => (
            <label key={a.name} className="inline-field">
              <span>{a.name}</span>
              <select value={filter.where[a.name] ?? ''} onChange={(e) => useSegmentsFilter.getState().setWhere(a.name, e.currentTarget.value)}>
                <option value="">any</option>
                {a.values.map((v) => (
                  <option key={v}>{v}</option>
                ))}
              </select>
            </label>
          ))}
          <Choice label="Document kind" value={filter.kind} onChange={(kind) => set({ kind })} options={options.kinds.map((k) => [k, k])} />
          <Choice label="Speaker" value={filter.speaker} onChange={(speaker) => set({ speaker })} options={options.speakers.map((s) => [s, s])} />
          <Choice label="Coder" value={filter.coderId} onChange={(coderId) => set({ coderId })} options={options.coders.map((c) => [c.id, c.name])} />
          {isFiltered(filter) && (
            <button type="button" className="link" onClick={() => useSegmentsFilter.getState().clear()}>
              Clear filters
            </button>
          )}
        </div>
      )}
      {rows.error && (
        <p className="view-error" role="alert">
          {rows.error}
        </p>
      )}
      {idle && <p className="pane-empty">Choose a code to see everything coded with it (or all codes).</p>}
      <p className="view-summary" role="status" data-testid="segments-count" hidden={idle}>
        {rows.data
          ? `${plural(rows.data.length, 'coded segment')} in ${plural(documents, 'document')}${code ? ` · ${code.path}${filter.descendants ? ' and sub-codes' : ''}` : ''}`
          : 'Loading…'}
      </p>
      {rows.data && <SegmentRows rows={rows.data} resetKey={key} colours={colours} />}
      {rows.data?.length === 0 && (
        <p className="pane-empty">
          Nothing is coded {code ? `with “${code.name}”` : 'yet'}
          {isFiltered(filter) ? ' under these filters' : ''}.
        </p>
      )}
    </section>
  );
}

function Choice({ label, value, onChange, options }: { label: string; value: string; onChange: (v: string) => void; options: [string, string][] }) {
  return (
    <label className="inline-field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Recode and uncode from the list: each one undo step; the list refreshes after the write. */
function RowActions({ row, codes }: { row: CodedSegment; codes: readonly Code[] }) {
  const write = <T,>(fn: () => Promise<T>) => useProject.getState().write(fn);
  return (
    <div className="result-actions">
      <CodeSelect
        codes={codes}
        value=""
        label={`Recode “${row.text.slice(0, 40)}” as`}
        none="Recode as…"
        onChange={(codeId) => codeId && codeId !== row.codeId && void write(() => api['segments.update']({ id: row.id, codeId }))}
      />
      <button
        type="button"
        className="danger"
        aria-label={`Uncode “${row.text.slice(0, 40)}” (${row.code})`}
        onClick={() => void write(() => api['segments.remove']({ id: row.id }))}
      >
        Uncode
      </button>
    </div>
  );
}

function SegmentRows({ rows, resetKey, colours }: { rows: CodedSegment[]; resetKey: string; colours: Map<Code['id'], string> }) {
  const { visible, left, showMore } = usePaged(rows, resetKey);
  const codes = useCodebook((c) => c.codes);
  return (
    <>
      <ol className="result-list" aria-label="Coded segments" data-testid="segment-rows">
        {visible.map((r) => (
          <li key={r.id} className="result">
            <button
              type="button"
              className="result-open"
              onClick={() => useNav.getState().openAt(r.documentId, r.start, r.end)}
              title="Open this passage in its transcript"
            >
              <span className="result-meta">
                <span className="result-code">
                  <span className="swatch" style={{ background: colours.get(r.codeId) }} aria-hidden />
                  {r.code}
                </span>
                <span className="result-doc">{r.document}</span>
                {r.caseName && <span className="tag case">{r.caseName}</span>}
                {r.speaker && <span className="result-speaker">{r.speaker}</span>}
                <span className="result-coder">coded by {r.coder || 'unknown coder'}</span>
              </span>
              <span className="result-text">
                <span className="context">{lead(r.before)}</span>
                <mark className="coded">{r.text}</mark>
                <span className="context">{trail(r.after)}</span>
              </span>
              {r.memo && <span className="result-memo">Memo: {r.memo}</span>}
            </button>
            <RowActions row={r} codes={codes} />
          </li>
        ))}
      </ol>
      <ShowMore left={left} onClick={showMore} what="segment" />
    </>
  );
}

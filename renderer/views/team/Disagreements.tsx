import { useEffect, useRef, useState } from 'react';
import type { Disagreement, Resolution } from '../../../shared/api/team';
import { api } from '../../api';
import { useNav } from '../../store/nav';
import { useProject } from '../../store/project';
import { attempt } from '../common/attempt';
import { plural } from '../common/files';
import { ShowMore, usePaged } from '../common/paged';
import { useFetch } from '../common/useFetch';
import { filterInput, type AgreementFilters } from './teamStore';

const write = <T,>(fn: () => Promise<T>) => useProject.getState().write(fn);

/** Where the coders differ on one code, side by side, each resolved into the consensus coder. */
export function Disagreements({ codeId, filters }: { codeId: string; filters: AgreementFilters }) {
  const input = { ...filterInput(filters), codeId, limit: 5000 };
  const key = JSON.stringify(input);
  const { data, error } = useFetch(`disagreements:${key}`, () => api['team.disagreements'](input));
  const [hideResolved, setHideResolved] = useState(false);
  const section = useRef<HTMLElement>(null);
  const loaded = data !== null;
  useEffect(() => {
    // (a block body: Chromium's scrollIntoView returns a promise, which React would take for a cleanup)
    if (loaded) section.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [codeId, loaded]);
  const [accepted, setAccepted] = useState<string | null>(null);
  const shown = (data ?? []).filter((d) => !hideResolved || !d.resolved);
  const { visible, left, showMore } = usePaged(shown, `${key}:${hideResolved}`, 50);
  const resolved = (data ?? []).filter((d) => d.resolved).length;
  const acceptAgreed = async () => {
    const r = await attempt(() => api['team.acceptAgreements'](filterInput(filters)));
    setAccepted(r.ok ? `Copied ${plural(r.ok.segments, 'agreed coded segment')} into the consensus.` : (r.error ?? ''));
  };
  return (
    <section ref={section} className="view-section disagreements" aria-labelledby="disagreements-heading">
      <div className="view-toolbar">
        <h3 id="disagreements-heading">Disagreements{data?.[0] ? ` on ${data[0].code}` : ''}</h3>
        <span className="muted" role="status" data-testid="disagreements-count">
          {data ? `${plural(data.length, 'passage')}, ${resolved} resolved` : 'Loading…'}
        </span>
        <label className="check">
          <input type="checkbox" checked={hideResolved} onChange={(e) => setHideResolved(e.currentTarget.checked)} /> Hide resolved
        </label>
        <button
          type="button"
          className="push-right"
          onClick={() => void acceptAgreed()}
          title="Copy every passage all coders coded identically into the consensus coder"
        >
          Accept all agreed codings
        </button>
      </div>
      {accepted && <p className="view-done">{accepted}</p>}
      {error && (
        <p className="view-error" role="alert">
          {error}
        </p>
      )}
      {data?.length === 0 && <p className="pane-empty">The coders agree everywhere on this code.</p>}
      <ol className="disagreement-list" aria-label="Disagreements">
        {visible.map((d) => (
          <DisagreementCard key={`${d.documentId}:${d.start}:${d.end}`} d={d} coderIds={filters.coderIds} />
        ))}
      </ol>
      <ShowMore left={left} onClick={showMore} step={50} what="passage" />
    </section>
  );
}

function DisagreementCard({ d, coderIds }: { d: Disagreement; coderIds: string[] }) {
  const resolve = (resolution: Resolution) =>
    void write(() =>
      api['team.resolve']({ documentId: d.documentId, codeId: d.codeId, start: d.start, end: d.end, resolution, ...(coderIds.length ? { coderIds } : {}) }),
    );
  const label = `${d.document}, characters ${d.start}–${d.end}`;
  return (
    <li className={`disagreement${d.resolved ? ' resolved' : ''}`} aria-label={label}>
      <div className="disagreement-head">
        <strong>{d.document}</strong>
        <span className="muted">
          {d.start}–{d.end}
        </span>
        <span className={`status-badge ${d.resolved ? 'imported' : 'duplicate'}`}>
          {d.resolved ? (d.consensus.length ? 'resolved' : 'resolved: dropped') : 'unresolved'}
        </span>
        <button type="button" className="link push-right" onClick={() => useNav.getState().openAt(d.documentId, d.start, d.end)}>
          Go to passage
        </button>
      </div>
      <div className="coder-columns" style={{ gridTemplateColumns: `repeat(${d.coders.length + 1}, minmax(0, 1fr))` }}>
        {d.coders.map((c) => (
          <div key={c.coderId} className="coder-column" role="group" aria-label={c.coder}>
            <div className="coder-name">{c.coder}</div>
            <Passage d={d} spans={c.spans} />
          </div>
        ))}
        <div className="coder-column consensus" role="group" aria-label="Consensus">
          <div className="coder-name">Consensus</div>
          {d.resolved || d.consensus.length ? <Passage d={d} spans={d.consensus} /> : <p className="muted">not decided yet</p>}
        </div>
      </div>
      <div className="button-row" role="group" aria-label={`Resolve ${label}`}>
        {d.coders.map((c) => (
          <button key={c.coderId} type="button" onClick={() => resolve({ keep: 'coder', coderId: c.coderId })}>
            Keep {c.coder}
          </button>
        ))}
        <button type="button" onClick={() => resolve({ keep: 'both' })}>
          Keep both
        </button>
        <button type="button" className="danger" onClick={() => resolve({ keep: 'drop' })}>
          Drop
        </button>
      </div>
    </li>
  );
}

/** The passage with one coder's spans marked (or "did not code it"). */
function Passage({ d, spans }: { d: Disagreement; spans: readonly { start: number; end: number }[] }) {
  if (!spans.length) return <p className="passage muted">— not coded —</p>;
  const parts: { text: string; marked: boolean }[] = [];
  let at = d.start;
  const stop = d.start + d.text.length;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const from = Math.max(s.start, at);
    const to = Math.min(s.end, stop);
    if (from > at) parts.push({ text: d.text.slice(at - d.start, from - d.start), marked: false });
    if (to > from) parts.push({ text: d.text.slice(from - d.start, to - d.start), marked: true });
    at = Math.max(at, to);
  }
  if (at < stop) parts.push({ text: d.text.slice(at - d.start), marked: false });
  return <p className="passage">{parts.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</p>;
}

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { Code } from '../../../shared/types';
import { useCodebook } from '../../store/codebook';
import { useCoding, visibleSegments } from '../../store/coding';
import { useDocuments } from '../../store/documents';
import { useNav } from '../../store/nav';
import { useProject } from '../../store/project';
import { TranscriptBlock } from './Block';
import { blocksOf, lanesOf, snapToWords } from './layout';
import { selectedOffsets } from './selection';
import { useVirtual } from './useVirtual';

const LINE = 25;
const CHAR = 7.9;
const MAX_LANES = 10;

/** The transcript pane: virtualised turns with highlights and coding stripes; selecting text is the start of coding. */
export function Transcript() {
  const doc = useDocuments((s) => s.current);
  const loading = useDocuments((s) => s.loading);
  const segments = useCoding((s) => s.segments);
  const viewAs = useCoding((s) => s.viewAs);
  const blind = useCoding((s) => s.blind);
  const selection = useCoding((s) => s.selection);
  const active = useCoding((s) => s.active);
  const me = useProject((s) => s.info?.coder.id);
  const codeList = useCodebook((s) => s.codes);
  const target = useNav((s) => s.target);
  const scroller = useRef<HTMLDivElement>(null);

  const blocks = useMemo(() => (doc ? blocksOf(doc) : []), [doc]);
  const shown = useMemo(() => visibleSegments(segments, viewAs, blind, me), [segments, viewAs, blind, me]);
  const codes = useMemo(() => new Map<string, Code>(codeList.map((c) => [c.id, c])), [codeList]);
  const lanes = useMemo(() => lanesOf(shown), [shown]);
  const laneCount = Math.min(MAX_LANES, Math.max(1, ...lanes.values()) + 1);
  const estimate = useCallback(
    (i: number, width: number) => {
      const b = blocks[i];
      const perLine = Math.max(20, (Math.min(width - 330 - laneCount * 7, 46 * 15)) / CHAR);
      return Math.ceil((b.end - b.start) / perLine) * LINE + (b.speaker ? 18 : 8);
    },
    [blocks, laneCount],
  );
  const v = useVirtual(blocks.length, estimate, scroller, doc?.id);

  // Jump to a passage asked for by search, retrieval or the agreement view.
  useLayoutEffect(() => {
    if (!target || !doc || target.documentId !== doc.id || !scroller.current) return;
    const i = Math.max(0, blocks.findIndex((b) => b.end > target.start));
    scroller.current.scrollTop = Math.max(0, v.topOf(i) - 120);
    if (target.end > target.start) useCoding.getState().select({ start: target.start, end: target.end });
  }, [target, doc, blocks]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (scroller.current && !target) scroller.current.scrollTop = 0;
  }, [doc?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const onMouseUp = (e: MouseEvent) => {
    if (!doc || !scroller.current || (e.target as HTMLElement).closest('.stripe')) return;
    const picked = selectedOffsets(scroller.current);
    if (!picked) return;
    if (picked.collapsed) {
      const at = picked.start;
      const here = shown.filter((s) => s.start <= at && s.end > at);
      useCoding.getState().activate(here.map((s) => s.id));
      useCoding.getState().select(null);
      return;
    }
    const passage = e.altKey ? picked : snapToWords(doc.text, picked.start, picked.end);
    useCoding.getState().select(passage);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-block-start]');
    if (!el || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    useCoding.getState().select({ start: Number(el.dataset.blockStart), end: Number(el.dataset.blockEnd) });
  };

  const onStripe = useCallback((id: string) => useCoding.getState().activate([id]), []);

  if (!doc) {
    return (
      <div className="transcript-empty">
        {loading ? <p>Opening…</p> : <p>Choose a document on the left, or import transcripts to begin.</p>}
      </div>
    );
  }
  return (
    <div className="transcript" ref={scroller} data-testid="transcript" onMouseUp={onMouseUp} onKeyDown={onKeyDown} role="document" aria-label={`Transcript: ${doc.name}`}>
      <div style={{ height: v.padTop }} aria-hidden />
      {blocks.slice(v.first, v.last + 1).map((b, k) => (
        <TranscriptBlock
          key={`${doc.id}:${b.key}`}
          index={v.first + k}
          block={b}
          text={doc.text}
          segments={shown}
          selection={selection && selection.start < b.end && selection.end > b.start ? selection : null}
          codes={codes}
          lanes={lanes}
          laneCount={laneCount}
          active={active}
          height={v.topOf(v.first + k + 1) - v.topOf(v.first + k)}
          measure={v.measure}
          onStripe={onStripe}
        />
      ))}
      <div style={{ height: v.padBottom }} aria-hidden />
    </div>
  );
}

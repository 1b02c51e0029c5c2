import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type CSSProperties, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { api } from '../../api';
import type { Code } from '../../../shared/types';
import { useCodebook } from '../../store/codebook';
import { useCoding, visibleSegments } from '../../store/coding';
import { useDocuments } from '../../store/documents';
import { useNav } from '../../store/nav';
import { useProject } from '../../store/project';
import { TranscriptBlock } from './Block';
import { blockCoding } from './blockCoding';
import { blocksOf, snapToWords } from './layout';
import { useUi } from '../../store/ui';
import { DensityStrip } from './DensityStrip';
import { TRANSCRIPT_ID } from './focus';
import { transcriptKey } from './keyboard';
import { selectedOffsets } from './selection';
import { useVirtual } from './useVirtual';
import { useAfterPaint } from '../common/useAfterPaint';

const LINE = 25;
const CHAR = 7.9;
const MAX_LANES = 10;

let placeTimer: ReturnType<typeof setTimeout> | null = null;

/** Where the coder is, kept in the project (per coder) half a second after scrolling stops. */
function rememberScroll(documentId: string, scroll: number): void {
  useDocuments.getState().keepPlace({ documentId, scroll });
  if (placeTimer) clearTimeout(placeTimer);
  placeTimer = setTimeout(() => void api['workspace.setPlace']({ documentId, scroll: Math.round(scroll) }).catch(() => undefined), 500);
}

/** The transcript pane: virtualised turns with highlights and coding stripes; selecting text is the start of coding. */
export function Transcript() {
  const doc = useDocuments((s) => s.current);
  const loading = useDocuments((s) => s.loading);
  const segments = useCoding((s) => s.segments);
  const viewAs = useCoding((s) => s.viewAs);
  const blind = useCoding((s) => s.blind);
  const selection = useCoding((s) => s.selection);
  const active = useCoding((s) => s.active);
  const caret = useCoding((s) => s.caret);
  const marginWidth = useUi((s) => s.marginWidth);
  const me = useProject((s) => s.info?.coder.id);
  const codeList = useCodebook((s) => s.codes);
  const target = useNav((s) => s.target);
  const scroller = useRef<HTMLDivElement>(null);

  const blocks = useMemo(() => (doc ? blocksOf(doc) : []), [doc]);
  const shown = useMemo(() => visibleSegments(segments, viewAs, blind, me), [segments, viewAs, blind, me]);
  const codes = useMemo(() => new Map<string, Code>(codeList.map((c) => [c.id, c])), [codeList]);
  // Each block's segments and lanes; coding a passage changes only the blocks it covers.
  const coding = useMemo(() => blockCoding(blocks, shown), [blocks, shown]);
  const laneCount = Math.min(MAX_LANES, Math.max(1, coding.laneCount));
  // The strip beside the scrollbar follows a frame later than the highlight.
  const stripSegments = useAfterPaint(shown);
  const estimate = useCallback(
    (i: number, width: number) => {
      const b = blocks[i];
      const perLine = Math.max(20, Math.min(width - 330 - laneCount * 7, 46 * 15) / CHAR);
      return Math.ceil((b.end - b.start) / perLine) * LINE + (b.speaker ? 18 : 8);
    },
    [blocks, laneCount],
  );
  const v = useVirtual(blocks.length, estimate, scroller, doc?.id);

  // Jump to a passage asked for by search, retrieval or the agreement view.
  useLayoutEffect(() => {
    if (!target || !doc || target.documentId !== doc.id || !scroller.current) return;
    const i = Math.max(
      0,
      blocks.findIndex((b) => b.end > target.start),
    );
    scroller.current.scrollTop = Math.max(0, v.topOf(i) - 120);
    if (target.end > target.start) useCoding.getState().select({ start: target.start, end: target.end });
  }, [target, doc, blocks]); // eslint-disable-line react-hooks/exhaustive-deps

  // A document opens where this coder left it (after a reload too), else at the top.
  useEffect(() => {
    if (!scroller.current || target) return;
    const place = useDocuments.getState().place;
    scroller.current.scrollTop = place && place.documentId === doc?.id ? place.scroll : 0;
  }, [doc?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  // The caret moved by keyboard: keep its paragraph in view.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (caret === null || !el || document.activeElement !== el) return;
    const i = Math.max(
      0,
      blocks.findIndex((b) => b.end >= caret),
    );
    const [top, bottom] = [v.topOf(i), v.topOf(i + 1)];
    if (top < el.scrollTop + 10 || bottom > el.scrollTop + el.clientHeight - 10) el.scrollTop = Math.max(0, top - el.clientHeight / 3);
  }, [caret]); // eslint-disable-line react-hooks/exhaustive-deps

  const onMouseUp = (e: MouseEvent) => {
    if (!doc || !scroller.current || (e.target as HTMLElement).closest('.stripe')) return;
    const picked = selectedOffsets(scroller.current);
    if (!picked) return;
    if (picked.collapsed) {
      const at = picked.start;
      useCoding.getState().moveCaret(at, false);
      const here = shown.filter((s) => s.start <= at && s.end > at);
      useCoding.getState().activate(here.map((s) => s.id));
      useCoding.getState().select(null);
      return;
    }
    const passage = e.altKey ? picked : snapToWords(doc.text, picked.start, picked.end);
    useCoding.getState().select(passage);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!doc || e.target !== e.currentTarget) return;
    if (transcriptKey(e, { text: doc.text, blocks, shown })) e.preventDefault();
  };

  // Focus arriving by Tab puts the caret on the first paragraph in view.
  const onFocus = (e: FocusEvent) => {
    if (e.target !== e.currentTarget || useCoding.getState().caret !== null || !blocks.length) return;
    const el = scroller.current!;
    const first = blocks.find((_, i) => v.topOf(i + 1) > el.scrollTop) ?? blocks[0];
    useCoding.getState().moveCaret(first.start, false);
  };

  const jumpTo = (at: number) => {
    if (!scroller.current) return;
    const i = Math.max(
      0,
      blocks.findIndex((b) => b.end > at),
    );
    scroller.current.scrollTop = Math.max(0, v.topOf(i) - 120);
  };

  const onStripe = useCallback((id: string) => useCoding.getState().activate([id]), []);
  // One function for the strip's whole life, so the memoised strip skips the key's render.
  const latestJump = useRef(jumpTo);
  useLayoutEffect(() => {
    latestJump.current = jumpTo;
  });
  const onJump = useCallback((at: number) => latestJump.current(at), []);

  if (!doc) {
    return <div className="transcript-empty">{loading ? <p>Opening…</p> : <p>Choose a document on the left, or import transcripts to begin.</p>}</div>;
  }
  return (
    <div className="transcript-wrap" style={{ '--margin-width': `${marginWidth}px` } as CSSProperties}>
      <div
        className="transcript"
        id={TRANSCRIPT_ID}
        ref={scroller}
        data-testid="transcript"
        tabIndex={0}
        onMouseUp={onMouseUp}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onScroll={() => rememberScroll(doc.id, scroller.current?.scrollTop ?? 0)}
        role="document"
        aria-label={`Transcript: ${doc.name}. Arrow keys move, Shift+arrows select, ? lists the keys.`}
        aria-keyshortcuts="1 2 3 4 5 6 7 8 9 Control+K Control+I S T Enter R M Delete Escape"
      >
        <div style={{ height: v.padTop }} aria-hidden />
        {blocks.slice(v.first, v.last + 1).map((b, k) => (
          <TranscriptBlock
            key={`${doc.id}:${b.key}`}
            index={v.first + k}
            block={b}
            text={doc.text}
            coding={coding.byBlock[v.first + k]}
            selection={selection && selection.start < b.end && selection.end > b.start ? selection : null}
            caret={caret !== null && caret >= b.start && caret <= b.end ? caret : null}
            codes={codes}
            laneCount={laneCount}
            active={active}
            height={v.topOf(v.first + k + 1) - v.topOf(v.first + k)}
            measure={v.measure}
            onStripe={onStripe}
          />
        ))}
        <div style={{ height: v.padBottom }} aria-hidden />
      </div>
      <DensityStrip length={doc.text.length} segments={stripSegments} codes={codes} onJump={onJump} />
    </div>
  );
}

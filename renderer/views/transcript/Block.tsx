import { memo, useCallback } from 'react';
import type { Code } from '../../../shared/types';
import type { ShownSegment } from '../../../shared/transcript-columns';
import type { BlockCoding } from './blockCoding';
import { clock, runsOf, type Block } from './layout';

export interface BlockProps {
  index: number;
  block: Block;
  text: string;
  /** the segments over this block and their lanes (the same object while they do not change) */
  coding: BlockCoding;
  selection: { start: number; end: number } | null;
  /** the keyboard caret, when it is in this block */
  caret: number | null;
  codes: ReadonlyMap<string, Code>;
  laneCount: number;
  active: readonly string[];
  /** the block's height in pixels (measured, or estimated until it is) */
  height: number;
  measure: (i: number, height: number) => void;
  onStripe: (segmentId: string) => void;
}

const LANE = 7;
/** a stripe's click target: the bar and a transparent zone beside it */
const HIT = 24;
const LABEL_PX = 15;

/**
 * One label per code starting in this block, at the height of its first start,
 * pushed down where it would cover the label above; "×n" when the code starts
 * several times here.
 */
function labelsOf(inside: readonly ShownSegment[], block: Block, height: number): { s: ShownSegment; top: number; times: number }[] {
  const span = block.end - block.start;
  const firsts = new Map<string, { s: ShownSegment; times: number }>();
  for (const s of [...inside].sort((a, b) => a.start - b.start)) {
    if (s.start < block.start) continue;
    const seen = firsts.get(s.codeId);
    if (seen) seen.times++;
    else firsts.set(s.codeId, { s, times: 1 });
  }
  let next = 0;
  return [...firsts.values()].map(({ s, times }) => {
    const top = Math.max(next, Math.round(((s.start - block.start) / span) * Math.max(0, height - LABEL_PX)));
    next = top + LABEL_PX;
    return { s, top, times };
  });
}

function tint(hex: string, alpha: number): string {
  return `${hex}${Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0')}`;
}

/** One paragraph of a turn: speaker and time, the text with its highlights, the coding stripes. */
export const TranscriptBlock = memo(function TranscriptBlock(p: BlockProps) {
  const { block, text, codes } = p;
  const inside = p.coding.segments;
  const runs = runsOf(block, inside, p.selection, p.caret);
  const ref = useCallback(
    (el: HTMLDivElement | null) => {
      if (el) p.measure(p.index, el.getBoundingClientRect().height);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- p changes every render; only index and measure matter
    [p.index, p.measure],
  );
  const span = block.end - block.start;
  return (
    <div ref={ref} className={`turn${block.speaker ? ' turn-first' : ''}`} data-testid="turn" data-block-start={block.start} data-block-end={block.end}>
      <div className="turn-speaker" aria-hidden={!block.speaker}>
        {block.speaker && <span className="speaker-name">{block.speaker}</span>}
        {block.time !== null && <time className="speaker-time">{clock(block.time)}</time>}
      </div>
      {/* dir="auto": the Unicode bidi algorithm on this paragraph, by its first strong letter. */}
      <div className="turn-text" data-testid="turn-text" data-start={block.start} dir="auto" lang={block.rtl ? 'ur' : undefined}>
        {runs.map((r) => {
          const quote = text.slice(r.start, r.end);
          const caretMark = p.caret === r.start ? ' caret-before' : p.caret === r.end && r.end === block.end ? ' caret-after' : '';
          if (!r.segments.length && !r.selected)
            return (
              <span key={r.start} data-start={r.start} data-end={r.end} className={caretMark || undefined}>
                {quote}
              </span>
            );
          const colours = r.segments.map((s) => codes.get(s.codeId)?.colour ?? '#888888');
          const isActive = r.segments.some((s) => p.active.includes(s.id));
          const style = r.segments.length
            ? {
                backgroundColor: tint(colours[0], isActive ? 0.42 : 0.24),
                boxShadow:
                  colours
                    .slice(1, 4)
                    .map((c, i) => `inset 0 -${(i + 1) * 3}px 0 ${c}`)
                    .join(', ') || undefined,
              }
            : undefined;
          return (
            <span
              key={r.start}
              data-start={r.start}
              data-end={r.end}
              data-testid={r.segments.length ? 'highlight' : undefined}
              data-codes={r.segments.map((s) => s.codeId).join(' ') || undefined}
              className={`${r.segments.length ? 'highlight' : ''}${r.selected ? ' selected' : ''}${isActive ? ' active' : ''}${caretMark}`}
              style={style}
              title={r.segments.map((s) => codes.get(s.codeId)?.path ?? '').join('\n') || undefined}
            >
              {quote}
            </span>
          );
        })}
      </div>
      <div className="turn-stripes" style={{ width: (p.laneCount - 1) * LANE + HIT }}>
        {inside.map((s, i) => {
          const code = codes.get(s.codeId);
          const top = s.start > block.start ? ((s.start - block.start) / span) * 100 : 0;
          const bottom = s.end < block.end ? ((block.end - s.end) / span) * 100 : 0;
          return (
            <button
              type="button"
              key={s.id}
              tabIndex={-1}
              data-testid="stripe"
              data-code={code?.path}
              className={`stripe${p.active.includes(s.id) ? ' active' : ''}`}
              style={{ left: p.coding.lanes[i] * LANE, top: `${top}%`, bottom: `${bottom}%`, borderColor: code?.colour }}
              title={code?.path}
              aria-label={`Segment coded ${code?.path ?? 'with a deleted code'}`}
              onClick={() => p.onStripe(s.id)}
            />
          );
        })}
      </div>
      <div className="turn-labels" aria-hidden>
        {labelsOf(inside, block, p.height).map(({ s, top, times }) => {
          const code = codes.get(s.codeId);
          return (
            <span
              key={s.id}
              className={`stripe-label${p.active.includes(s.id) ? ' active' : ''}`}
              style={{ top }}
              title={code?.path}
              data-testid="stripe-label"
              onClick={() => p.onStripe(s.id)}
            >
              {/* text colour for every label (readable on white); the code's colour in its chip */}
              <span className="chip" style={{ background: code?.colour }} />
              {code?.name ?? 'deleted code'}
              {times > 1 && <span className="times"> ×{times}</span>}
            </span>
          );
        })}
      </div>
    </div>
  );
}, sameBlock);

/**
 * Whether a block would render the same: coding one passage re-renders only the
 * paragraphs it touches, not every paragraph on screen (a block's coding keeps its
 * object while it does not change; only its own segments are looked at here).
 */
function sameBlock(a: BlockProps, b: BlockProps): boolean {
  if (a.index !== b.index || a.block !== b.block || a.text !== b.text || a.laneCount !== b.laneCount || a.height !== b.height) return false;
  if (a.measure !== b.measure || a.onStripe !== b.onStripe || a.coding !== b.coding) return false;
  if (a.selection?.start !== b.selection?.start || a.selection?.end !== b.selection?.end || a.caret !== b.caret) return false;
  for (const s of b.coding.segments) {
    if (a.active !== b.active && a.active.includes(s.id) !== b.active.includes(s.id)) return false;
    const [c, d] = [a.codes.get(s.codeId), b.codes.get(s.codeId)];
    if (c !== d && (c?.colour !== d?.colour || c?.path !== d?.path || c?.name !== d?.name)) return false;
  }
  return true;
}

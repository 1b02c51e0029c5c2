import type { ShownSegment } from '../../../shared/transcript-columns';
import { lanesOf, type Block } from './layout';

// The coding each paragraph shows: the segments over each block with their margin
// lanes. A change of a few segments (coding a passage, the write's answer, a
// removal) patches only the blocks those segments cover, and a block whose coding
// did not change keeps the very same object, so its row does not re-render. A new
// segment takes the lowest lane free beside the segments it overlaps; the stripes
// already there stay where they are. A new list (another document, a refresh from
// the project) is laid out afresh.

export interface BlockCoding {
  /** the segments over this block */
  segments: readonly ShownSegment[];
  /** the margin lane of each of them */
  lanes: readonly number[];
}

export interface TranscriptCoding {
  byBlock: readonly BlockCoding[];
  /** lanes in use: the highest lane plus one */
  laneCount: number;
}

interface Known extends TranscriptCoding {
  shown: readonly ShownSegment[];
  lanes: Map<string, number>;
}

const NONE: BlockCoding = { segments: [], lanes: [] };
/** more changes than this at once: lay out afresh */
const PATCH_LIMIT = 64;
const last = new WeakMap<readonly Block[], Known>();

/** The first block that ends after `at` (blocks are in text order and do not overlap). */
function firstEndingAfter(blocks: readonly Block[], at: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The indexes of the blocks a segment lies over. */
function blocksUnder(blocks: readonly Block[], s: ShownSegment): number[] {
  const out: number[] = [];
  for (let i = firstEndingAfter(blocks, s.start); i < blocks.length && blocks[i].start < s.end; i++) out.push(i);
  return out;
}

function sameCoding(a: BlockCoding, b: BlockCoding): boolean {
  if (a.segments.length !== b.segments.length) return false;
  for (let i = 0; i < a.segments.length; i++) {
    const [s, t] = [a.segments[i], b.segments[i]];
    if (s !== t && (s.id !== t.id || s.start !== t.start || s.end !== t.end || s.codeId !== t.codeId || s.coderId !== t.coderId)) return false;
    if (a.lanes[i] !== b.lanes[i]) return false;
  }
  return true;
}

function laneCountOf(lanes: Map<string, number>): number {
  let n = 0;
  for (const lane of lanes.values()) if (lane >= n) n = lane + 1;
  return n;
}

/** Every block's coding from scratch; `before` lends its objects to blocks whose coding is the same. */
function afresh(blocks: readonly Block[], shown: readonly ShownSegment[], before: Known | undefined): Known {
  const lanes = lanesOf(shown);
  const lists: { segments: ShownSegment[]; lanes: number[] }[] = new Array(blocks.length).fill(null);
  for (const s of shown) {
    for (const i of blocksUnder(blocks, s)) {
      lists[i] ??= { segments: [], lanes: [] };
      lists[i].segments.push(s);
      lists[i].lanes.push(lanes.get(s.id) ?? 0);
    }
  }
  const byBlock = lists.map((c, i) => {
    const made = c ?? NONE;
    const old = before?.byBlock[i];
    return old && old !== made && sameCoding(made, old) ? old : made;
  });
  return { shown, lanes, byBlock, laneCount: laneCountOf(lanes) };
}

/** The segments in one list and not the other, or null when too many changed to patch. */
function difference(before: readonly ShownSegment[], now: readonly ShownSegment[]): { gone: ShownSegment[]; added: ShownSegment[] } | null {
  let head = 0;
  while (head < before.length && head < now.length && before[head] === now[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < now.length - head && before[before.length - 1 - tail] === now[now.length - 1 - tail]) tail++;
  const was = before.slice(head, before.length - tail);
  const is = now.slice(head, now.length - tail);
  if (Math.abs(was.length - is.length) > PATCH_LIMIT) return null;
  const wasSet = new Set(was);
  const isSet = new Set(is);
  const gone = was.filter((s) => !isSet.has(s));
  const added = is.filter((s) => !wasSet.has(s));
  return gone.length + added.length > PATCH_LIMIT ? null : { gone, added };
}

/** The lowest lane no segment overlapping `s` holds (looked up in the blocks it covers). */
function freeLane(s: ShownSegment, under: number[], lists: readonly BlockCoding[], lanes: Map<string, number>): number {
  const taken = new Set<number>();
  for (const i of under) {
    for (const t of lists[i].segments) if (t.start < s.end && t.end > s.start) taken.add(lanes.get(t.id) ?? 0);
  }
  let lane = 0;
  while (taken.has(lane)) lane++;
  return lane;
}

function patched(blocks: readonly Block[], before: Known, shown: readonly ShownSegment[]): Known | null {
  const diff = difference(before.shown, shown);
  if (!diff) return null;
  const { gone, added } = diff;
  const lanes = before.lanes; // the previous state is never asked for again: patch its map
  const byBlock = [...before.byBlock];
  const goneSet = new Set(gone);
  for (const s of gone) {
    lanes.delete(s.id);
    for (const i of blocksUnder(blocks, s)) {
      const kept = byBlock[i].segments.filter((t) => !goneSet.has(t));
      byBlock[i] = kept.length ? { segments: kept, lanes: kept.map((t) => lanes.get(t.id) ?? 0) } : NONE;
    }
  }
  for (const s of added) {
    const under = blocksUnder(blocks, s);
    const lane = freeLane(s, under, byBlock, lanes);
    lanes.set(s.id, lane);
    for (const i of under) byBlock[i] = { segments: [...byBlock[i].segments, s], lanes: [...byBlock[i].lanes, lane] };
  }
  return { shown, lanes, byBlock, laneCount: laneCountOf(lanes) };
}

/**
 * Each block's coding for the segments shown; asked again with the same blocks, it
 * starts from its last answer and changes only the blocks that need it.
 */
export function blockCoding(blocks: readonly Block[], shown: readonly ShownSegment[]): TranscriptCoding {
  const before = last.get(blocks);
  if (before?.shown === shown) return before;
  const next = (before && patched(blocks, before, shown)) || afresh(blocks, shown, before);
  last.set(blocks, next);
  return next;
}

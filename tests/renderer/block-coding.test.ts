import { describe, expect, it } from 'vitest';
import type { ShownSegment } from '../../shared/transcript-columns';
import { blockCoding } from '../../renderer/views/transcript/blockCoding';
import { blocksOf } from '../../renderer/views/transcript/layout';
import { withSegment } from '../../renderer/store/coding';

// The transcript's per-block coding, patched for a few changed segments: each block
// lists exactly the segments over it, overlapping segments never share a lane, and
// blocks the change does not touch keep their object (their rows do not re-render).

const text = Array.from({ length: 40 }, (_, i) => `Speaker ${i % 2 ? 'A' : 'B'}: turn ${i} says partnership and lessons and letters.`).join('\n');
const doc = { text, turnList: [] };
const blocks = blocksOf(doc);
const seg = (id: string, start: number, end: number, codeId = 'c1'): ShownSegment => ({
  id,
  documentId: 'd',
  codeId,
  coderId: 'me',
  start,
  end,
  memo: '',
});

function check(shown: readonly ShownSegment[]): void {
  const c = blockCoding(blocks, shown);
  blocks.forEach((b, i) => {
    const over = shown.filter((s) => s.start < b.end && s.end > b.start);
    expect(new Set(c.byBlock[i].segments)).toEqual(new Set(over));
  });
  const lane = new Map<string, number>();
  c.byBlock.forEach((b) => b.segments.forEach((s, k) => lane.set(s.id, b.lanes[k])));
  for (const s of shown) for (const t of shown) if (s !== t && s.start < t.end && t.start < s.end) expect(lane.get(s.id)).not.toBe(lane.get(t.id));
}

describe('each block’s coding', () => {
  it('patches only the blocks a new, confirmed or removed segment covers', () => {
    let shown: ShownSegment[] = [];
    for (let i = 0; i < 30; i++) shown.push(seg(`s${i}`, i * 70, i * 70 + 90, `c${i % 3}`));
    check(shown);
    const before = blockCoding(blocks, shown);
    const added = [...shown, seg('provisional:1', 100, 130)];
    check(added);
    const after = blockCoding(blocks, added);
    const touched = after.byBlock.map((b, i) => b !== before.byBlock[i]);
    blocks.forEach((b, i) => expect(touched[i]).toBe(b.start < 130 && b.end > 100));
    // the write answers: the stored segment takes the provisional one's place (absorbing s1's stretch)
    shown = withSegment(
      added.filter((s) => s.id !== 'provisional:1'),
      seg('real', 70, 160, 'c1'),
    );
    check(shown);
    shown = shown.filter((s) => s.id !== 's5');
    check(shown);
    expect(blockCoding(blocks, shown)).toBe(blockCoding(blocks, shown));
  });
});

import { memo, useMemo } from 'react';
import type { Code } from '../../../shared/types';
import type { ShownSegment } from '../../../shared/transcript-columns';

// Beside the scrollbar: where in the document the coding is, one mark per stretch
// of the text (its colour the code coded most there). A click jumps there.

const BINS = 120;

export const DensityStrip = memo(function DensityStrip({
  length,
  segments,
  codes,
  onJump,
}: {
  length: number;
  segments: readonly ShownSegment[];
  codes: ReadonlyMap<string, Code>;
  onJump: (at: number) => void;
}) {
  const bins = useMemo(() => {
    const out: Map<string, number>[] = Array.from({ length: BINS }, () => new Map());
    if (!length) return out;
    for (const s of segments) {
      const [a, b] = [Math.floor((s.start / length) * BINS), Math.min(BINS - 1, Math.floor(((s.end - 1) / length) * BINS))];
      for (let i = a; i <= b; i++) out[i].set(s.codeId, (out[i].get(s.codeId) ?? 0) + 1);
    }
    return out;
  }, [length, segments]);
  const max = Math.max(1, ...bins.map((m) => [...m.values()].reduce((x, y) => x + y, 0)));
  return (
    <div
      className="density"
      data-testid="density-strip"
      title="Where the coding is: click to go there"
      aria-hidden
      onClick={(e) => {
        const box = e.currentTarget.getBoundingClientRect();
        onJump(Math.floor(((e.clientY - box.top) / box.height) * length));
      }}
    >
      {bins.map((m, i) => {
        if (!m.size) return null;
        const [top] = [...m.entries()].sort((x, y) => y[1] - x[1]);
        const n = [...m.values()].reduce((x, y) => x + y, 0);
        return (
          <span
            key={i}
            style={{ top: `${(i / BINS) * 100}%`, height: `${100 / BINS}%`, background: codes.get(top[0])?.colour ?? '#888', opacity: 0.35 + 0.65 * (n / max) }}
          />
        );
      })}
    </div>
  );
});

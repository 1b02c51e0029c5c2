import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';

// A list that only renders the rows in view. Rows start at an estimated height
// and keep the height they are measured at, so a 150,000-word transcript opens at
// once and scrolls without rendering more than a screenful.

export interface VirtualRange {
  first: number;
  last: number;
  padTop: number;
  padBottom: number;
  /** where row i starts, in pixels from the top of the list */
  topOf: (i: number) => number;
  measure: (i: number, height: number) => void;
}

interface Sizes {
  key: unknown;
  count: number;
  heights: Float64Array;
}

const OVERSCAN_PX = 800;

export function useVirtual(
  count: number,
  estimate: (i: number, width: number) => number,
  scroller: RefObject<HTMLElement | null>,
  resetKey: unknown,
): VirtualRange {
  const [view, setView] = useState({ top: 0, height: 900, width: 800 });
  const [sizes, setSizes] = useState<Sizes>(() => ({ key: resetKey, count, heights: new Float64Array(count) }));
  const identity = useRef({ key: resetKey, count });
  const queue = useRef(new Map<number, number>());
  const frame = useRef(0);
  useEffect(() => {
    identity.current = { key: resetKey, count };
  }, [resetKey, count]);
  // Heights measured for another document (or list length) are not this one's.
  const heights = sizes.key === resetKey && sizes.count === count ? sizes.heights : null;

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const read = () =>
      setView((v) =>
        v.top === el.scrollTop && v.height === el.clientHeight && v.width === el.clientWidth
          ? v
          : { top: el.scrollTop, height: el.clientHeight, width: el.clientWidth },
      );
    read();
    el.addEventListener('scroll', read, { passive: true });
    let width = el.clientWidth;
    const ro =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            if (Math.abs(el.clientWidth - width) > 1) {
              width = el.clientWidth;
              setSizes((s) => ({ ...s, heights: new Float64Array(s.count) }));
            }
            read();
          });
    ro?.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      ro?.disconnect();
    };
  }, [scroller, resetKey]);

  const offsets = useMemo(() => {
    const out = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) {
      const h = heights ? heights[i] : 0;
      out[i + 1] = out[i] + (h > 0 ? h : estimate(i, view.width));
    }
    return out;
  }, [count, estimate, view.width, heights]);

  const measure = useCallback((i: number, height: number) => {
    queue.current.set(i, height);
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const updates = queue.current;
      queue.current = new Map();
      const { key, count: n } = identity.current;
      setSizes((prev) => {
        const same = prev.key === key && prev.count === n;
        const base = same ? prev.heights : new Float64Array(n);
        let changed = !same;
        const next = new Float64Array(base);
        for (const [row, h] of updates) {
          if (row < n && Math.abs(next[row] - h) >= 0.5) {
            next[row] = h;
            changed = true;
          }
        }
        return changed ? { key, count: n, heights: next } : prev;
      });
    });
  }, []);

  const find = (y: number) => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid + 1] <= y) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(lo, Math.max(0, count - 1));
  };
  const first = count ? find(Math.max(0, view.top - OVERSCAN_PX)) : 0;
  const last = count ? find(view.top + view.height + OVERSCAN_PX) : -1;
  return {
    first,
    last,
    padTop: offsets[first] ?? 0,
    padBottom: count ? offsets[count] - offsets[last + 1] : 0,
    topOf: (i) => offsets[Math.max(0, Math.min(i, count))],
    measure,
  };
}

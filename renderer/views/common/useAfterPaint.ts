import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { afterNextPaint } from '../../store/provisional';

/** Panes still one frame behind, each with the update that brings it level. */
const behind = new Set<() => void>();

/**
 * The value as it was one painted frame ago: a pane beside the transcript (the
 * inspector, the density strip) follows a coding in the frame after the one that
 * shows its highlight, so the key's own work is only the highlight. Unlike
 * `useDeferredValue`, the update waits for the paint, never for React's lanes
 * (every store update arrives as a synchronous one).
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    const level = () => {
      behind.delete(level);
      setShown(() => value);
    };
    behind.add(level);
    void afterNextPaint().then(() => behind.has(level) && level());
    return () => void behind.delete(level);
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps
  return shown;
}

/**
 * Brings every pane level at once: a key that moves focus into a pane (M for the
 * segment memo) must find what the pane will show, however fast it follows Enter.
 */
export function showPanesNow(): void {
  if (!behind.size) return;
  flushSync(() => {
    for (const level of [...behind]) level();
  });
}

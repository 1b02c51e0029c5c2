import { useCallback, useEffect, useId, useRef } from 'react';
import { useProject } from '../../store/project';

// Typed text is saved after a pause (DELAY ms), and at once when the page hides
// or unloads (reload, close) or the field goes away. While a save waits, the saved
// indicator says "Saving…".

export const DELAY = 400;

/** Returns [call on every change, save now if anything waits]. */
export function useSaveWhileTyping(save: () => unknown): [() => void, () => void] {
  const field = useId();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef(false);
  const latest = useRef(save);
  useEffect(() => {
    latest.current = save;
  });
  const flush = useCallback(() => {
    if (!pending.current) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = false;
    useProject.getState().setUnsent(field, false);
    void latest.current();
  }, [field]);
  useEffect(() => {
    const hidden = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', hidden);
      flush();
    };
  }, [flush]);
  const typed = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    pending.current = true;
    useProject.getState().setUnsent(field, true);
    timer.current = setTimeout(flush, DELAY);
  }, [field, flush]);
  return [typed, flush];
}

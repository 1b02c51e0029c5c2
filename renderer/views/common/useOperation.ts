import { useCallback, useEffect, useRef, useState } from 'react';
import { CANCELLED_MESSAGE, type ProgressEvent } from '../../../shared/progress';
import { api } from '../../api';
import { listenToProgress, newOperationId } from '../../progress';

// A long operation seen from a view: it gets a fresh operation id, the view shows
// its progress events, and Cancel asks the core to stop. The core answers a
// cancelled operation with CANCELLED_MESSAGE ("Cancelled — nothing was changed").

export interface OperationProgress {
  stage: string;
  done: number;
  total: number;
  file?: string;
  /** Cancel was pressed; the core stops at its next check */
  cancelling: boolean;
}

export const wasCancelled = (error: string | undefined | null): boolean => error === CANCELLED_MESSAGE;

/** Steps the page itself takes before the call (reading files to send): shown the same way, and told of a cancel. */
export interface LocalSteps {
  report: (stage: string, done: number, total: number, file?: string) => void;
  cancelled: () => boolean;
}

export function useOperation() {
  const [progress, setProgress] = useState<OperationProgress | null>(null);
  const current = useRef<string | null>(null);
  const cancelled = useRef(false);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  /** Runs `work` under a new operation id, showing `stage` until the first event arrives. */
  const run = useCallback(async <T>(stage: string, work: (operation: string, local: LocalSteps) => Promise<T>): Promise<T> => {
    const id = newOperationId();
    current.current = id;
    cancelled.current = false;
    setProgress({ stage, done: 0, total: 0, cancelling: false });
    const hear = (e: ProgressEvent) => {
      if (e.operation !== id || !mounted.current) return;
      setProgress((p) => ({ stage: e.stage, done: e.done, total: e.total, file: e.file, cancelling: p?.cancelling ?? false }));
    };
    const stop = await listenToProgress(hear);
    const local: LocalSteps = {
      report: (s, done, total, file) => hear({ operation: id, stage: s, done, total, file }),
      cancelled: () => cancelled.current,
    };
    try {
      return await work(id, local);
    } finally {
      stop();
      current.current = null;
      if (mounted.current) setProgress(null);
    }
  }, []);

  const cancel = useCallback(() => {
    const id = current.current;
    if (!id) return;
    cancelled.current = true;
    setProgress((p) => p && { ...p, cancelling: true });
    // An operation that ended meanwhile answers cancelled: false; its own reply tells the view.
    void api['operation.cancel']({ operation: id }).catch(() => undefined);
  }, []);

  return { progress, run, cancel };
}

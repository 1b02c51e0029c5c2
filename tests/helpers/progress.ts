import type { Progress, ProgressEvent } from '../../shared/progress';

/** A `Progress` that records every event and cancels itself at the first event `cancelAt` accepts. */
export function recorder(cancelAt: (e: Omit<ProgressEvent, 'operation'>) => boolean = () => false): Progress & { events: string[] } {
  let cancelled = false;
  const events: string[] = [];
  return {
    events,
    report(stage, done, total, file) {
      events.push(`${stage} ${done}/${total}${file ? ` ${file}` : ''}`);
      if (cancelAt({ stage, done, total, file })) cancelled = true;
    },
    cancelled: () => cancelled,
  };
}

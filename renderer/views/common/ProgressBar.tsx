import { CANCELLED_MESSAGE } from '../../../shared/progress';
import type { OperationProgress } from './useOperation';

// The progress of a long operation with its Cancel button: the stage and the file
// at hand in words, a bar that is determinate once the total is known, and the
// numbers for screen readers (role=progressbar with aria-valuenow/max).

const STAGES: Record<string, string> = {
  preparing: 'Preparing',
  reading: 'Reading',
  checking: 'Checking',
  writing: 'Writing',
  converting: 'Converting',
  packing: 'Packing',
  rendering: 'Rendering',
  computing: 'Computing',
  drafting: 'Drafting',
  sending: 'Sending',
};

/** "Reading 2 of 5: ben.fieldcode" */
export function progressText(p: OperationProgress): string {
  const stage = STAGES[p.stage] ?? p.stage;
  const count = p.total > 0 ? ` ${Math.min(p.done + (p.done < p.total ? 1 : 0), p.total)} of ${p.total}` : '';
  return `${stage}${count}${p.file ? `: ${p.file}` : ''}${p.cancelling ? ' — cancelling…' : ''}`;
}

export function ProgressBar({ progress, label, onCancel, testId }: { progress: OperationProgress; label: string; onCancel: () => void; testId?: string }) {
  const known = progress.total > 0;
  const text = progressText(progress);
  const percent = known ? Math.round((100 * progress.done) / progress.total) : 0;
  return (
    <div className="operation-progress" data-testid={testId}>
      <div
        className={`operation-bar${known ? '' : ' unknown'}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={known ? progress.total : undefined}
        aria-valuenow={known ? progress.done : undefined}
        aria-valuetext={text}
      >
        <div className="operation-fill" style={{ width: known ? `${percent}%` : undefined }} />
      </div>
      <span className="operation-text" aria-live="polite">
        {text}
      </span>
      <button type="button" onClick={onCancel} disabled={progress.cancelling}>
        {progress.cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </div>
  );
}

/** Said after a cancel: the core rolled back, so this is true whatever stage it reached. */
export function CancelledNote() {
  return (
    <p className="operation-cancelled" role="status" data-testid="operation-cancelled">
      {CANCELLED_MESSAGE}
    </p>
  );
}

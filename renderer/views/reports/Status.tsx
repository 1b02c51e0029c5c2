import { useState } from 'react';
import type { ExportedFile } from '../../../shared/api/reports';
import { errorText, saveExport } from './save';
import type { ChooseSavePath } from './types';
import { ProgressBar } from '../common/ProgressBar';
import { useOperation, wasCancelled, type OperationProgress } from '../common/useOperation';

export type Status = { ok: boolean; text: string } | null;

/** One line under a panel's actions: what was done, or why not. */
export function StatusLine({ status }: { status: Status }) {
  if (!status) return null;
  return status.ok ? (
    <p className="view-done" role="status">
      {status.text}
    </p>
  ) : (
    <p className="view-error" role="alert">
      {status.text}
    </p>
  );
}

/** The running export's stage with its Cancel button (nothing when none runs). */
export function ExportProgress({ progress, onCancel, label }: { progress: OperationProgress | null; onCancel: () => void; label: string }) {
  return progress ? <ProgressBar progress={progress} label={label} onCancel={onCancel} testId="export-progress" /> : null;
}

/** A panel's status and busy state, and a runner for its exports (each under an operation id, so it shows progress and can be cancelled). */
export function useStatus(choose?: ChooseSavePath) {
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const operation = useOperation();
  /** runs `fn` with the panel marked busy under `key`; a failure becomes the status */
  const track = async (key: string, fn: () => Promise<Status | undefined>) => {
    setBusy(key);
    setStatus(null);
    try {
      const next = await fn();
      if (next !== undefined) setStatus(next);
    } catch (e) {
      const text = errorText(e);
      // A cancelled export wrote nothing: said as a plain status, not as an error.
      setStatus({ ok: wasCancelled(text), text });
    } finally {
      setBusy(null);
    }
  };
  const exportFile = (
    key: string,
    suggestedName: string,
    what: string,
    call: (path?: string, overwrite?: boolean, operation?: string) => Promise<ExportedFile>,
  ) =>
    track(key, async () => {
      const text = await saveExport(suggestedName, what, (path, overwrite) => operation.run('rendering', (id) => call(path, overwrite, id)), choose);
      return text ? { ok: true, text } : null;
    });
  return { status, setStatus, busy, track, exportFile, progress: operation.progress, cancel: operation.cancel, run: operation.run };
}

/** "Export as CSV · XLSX · HTML · JSON" for a table shown in the app. */
export function ExportButtons<F extends string>({
  label,
  formats,
  busy,
  onExport,
}: {
  label: string;
  formats: readonly F[];
  busy: string | null;
  onExport: (format: F) => void;
}) {
  return (
    <div className="reports-actions" role="group" aria-label={label}>
      <span className="reports-actions-label">Export as</span>
      {formats.map((f) => (
        <button key={f} type="button" disabled={busy !== null} onClick={() => onExport(f)}>
          {busy === f ? 'Exporting…' : f.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

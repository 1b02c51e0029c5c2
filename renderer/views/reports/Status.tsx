import { useState } from 'react';
import type { ExportedFile } from '../../../shared/api/reports';
import { errorText, saveExport } from './save';
import type { ChooseSavePath } from './types';

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

/** A panel's status and busy state, and a runner for its exports. */
export function useStatus(choose?: ChooseSavePath) {
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState<string | null>(null);
  /** runs `fn` with the panel marked busy under `key`; a failure becomes the status */
  const track = async (key: string, fn: () => Promise<Status | undefined>) => {
    setBusy(key);
    setStatus(null);
    try {
      const next = await fn();
      if (next !== undefined) setStatus(next);
    } catch (e) {
      setStatus({ ok: false, text: errorText(e) });
    } finally {
      setBusy(null);
    }
  };
  const exportFile = (key: string, suggestedName: string, what: string, call: (path?: string, overwrite?: boolean) => Promise<ExportedFile>) =>
    track(key, async () => {
      const text = await saveExport(suggestedName, what, call, choose);
      return text ? { ok: true, text } : null;
    });
  return { status, setStatus, busy, track, exportFile };
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

import { useState, type ReactNode } from 'react';
import { attempt } from '../common/attempt';
import { fileToBase64 } from '../common/files';

// A sheet (CSV, TSV or Excel) sent to the project, with its report below: what
// was taken in one line, and any refused rows one line each. Case sheets and pairs
// sheets differ only in the method they call and how they tell the result.

export interface SheetOutcome {
  text: string;
  refused?: string[];
}

export function SheetImport<T>({
  label,
  testId,
  hint,
  send,
  describe,
}: {
  label: string;
  testId: string;
  hint?: ReactNode;
  send: (name: string, data: string) => Promise<T>;
  describe: (result: T) => SheetOutcome;
}) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<(SheetOutcome & { ok: boolean }) | null>(null);
  const load = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setResult(null);
    const data = await fileToBase64(file).catch(() => null);
    const r = data === null ? { error: `${file.name}: the file could not be read` } : await attempt(() => send(file.name, data));
    setResult(r.ok ? { ok: true, ...describe(r.ok) } : { ok: false, text: r.error ?? '' });
    setBusy(false);
  };
  return (
    <div className="sheet-import">
      <label className={`file-button${busy ? ' busy' : ''}`}>
        <input
          type="file"
          className="visually-hidden"
          accept=".csv,.tsv,.xlsx"
          data-testid={`${testId}-input`}
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget;
            void load(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
        {busy ? 'Importing…' : label}
      </label>
      {hint && <span className="muted">{hint}</span>}
      {result && (
        <div className={result.ok ? 'view-done' : 'view-error'} role={result.ok ? 'status' : 'alert'} data-testid={`${testId}-report`}>
          {result.text}
          {result.refused && result.refused.length > 0 && (
            <ul>
              {result.refused.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

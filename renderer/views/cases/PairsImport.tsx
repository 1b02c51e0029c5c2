import { useState } from 'react';
import type { PairImportReport } from '../../../shared/api/analysis';
import { api } from '../../api';
import { attempt } from '../common/attempt';
import { fileToBase64, plural } from '../common/files';

function summary(r: PairImportReport): string {
  return `${r.file}: ${plural(r.imported, 'new pair')}, ${r.unchanged} already paired${r.refused.length ? `, ${plural(r.refused.length, 'row')} refused:` : '.'}`;
}

/** A pairs sheet (two case-name columns, or a case column and a "partner" column); refused rows listed one line each. */
export function PairsImport() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string; refused: string[] } | null>(null);
  const load = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setResult(null);
    const data = await fileToBase64(file).catch(() => null);
    const r =
      data === null ? { error: `${file.name}: the file could not be read` } : await attempt(() => api['analysis.importPairs']({ name: file.name, data }));
    setResult(r.ok ? { ok: true, text: summary(r.ok), refused: r.ok.refused } : { ok: false, text: r.error ?? '', refused: [] });
    setBusy(false);
  };
  return (
    <div className="sheet-import">
      <label className={`file-button${busy ? ' busy' : ''}`}>
        <input
          type="file"
          className="visually-hidden"
          accept=".csv,.tsv,.xlsx"
          data-testid="pairs-sheet-input"
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget;
            void load(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
        {busy ? 'Importing…' : 'Import pairs sheet…'}
      </label>
      {result && (
        <div className={result.ok ? 'view-done' : 'view-error'} role={result.ok ? 'status' : 'alert'} data-testid="pairs-sheet-report">
          {result.text}
          {result.refused.length > 0 && (
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

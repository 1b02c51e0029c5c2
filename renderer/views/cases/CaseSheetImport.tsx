import { useState } from 'react';
import type { CaseSheetReport } from '../../../shared/api';
import { api } from '../../api';
import { attempt } from '../common/attempt';
import { fileToBase64, plural } from '../common/files';

function summary(r: CaseSheetReport): string {
  const attrs = r.attributes.length ? ` Attributes: ${r.attributes.join(', ')}.` : '';
  return `${r.file}: ${plural(r.created, 'new case')}, ${r.updated} updated, ${r.unchanged} unchanged.${attrs}`;
}

/** Case-sheet import: the first column names the case, the others are attributes (CSV or Excel). */
export function CaseSheetImport() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const load = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setResult(null);
    const data = await fileToBase64(file).catch(() => null);
    const r = data === null ? { error: `${file.name}: the file could not be read` } : await attempt(() => api['cases.importSheet']({ name: file.name, data }));
    setResult(r.ok ? { ok: true, text: summary(r.ok) } : { ok: false, text: r.error ?? '' });
    setBusy(false);
  };
  return (
    <div className="sheet-import">
      <label className={`file-button${busy ? ' busy' : ''}`}>
        <input
          type="file"
          className="visually-hidden"
          accept=".csv,.tsv,.xlsx"
          data-testid="case-sheet-input"
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget;
            void load(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
        {busy ? 'Importing…' : 'Import case sheet…'}
      </label>
      <span className="muted">CSV or Excel: case names in the first column, one attribute per column.</span>
      {result && (
        <p className={result.ok ? 'view-done' : 'view-error'} role={result.ok ? 'status' : 'alert'} data-testid="case-sheet-report">
          {result.text}
        </p>
      )}
    </div>
  );
}

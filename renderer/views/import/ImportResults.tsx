import type { FileResult } from './importBatches';

const LABEL: Record<FileResult['status'], string> = { imported: 'Imported', duplicate: 'Already in the project', failed: 'Not imported' };

/** What happened to each file: imported, a duplicate, or failed with the reason. */
export function ImportResults({ results }: { results: FileResult[] }) {
  const count = (s: FileResult['status']) => results.filter((r) => r.status === s).length;
  return (
    <div className="import-results">
      <p className="view-summary">
        {count('imported')} imported · {count('duplicate')} duplicate{count('duplicate') === 1 ? '' : 's'} · {count('failed')} failed
      </p>
      <ul aria-label="Import results" data-testid="import-results">
        {results.map((r, i) => (
          <li key={i} className={`import-result ${r.status}`} data-status={r.status}>
            <span className={`status-badge ${r.status}`}>{LABEL[r.status]}</span>
            <span className="file-name">{r.file}</span>
            <span className="import-detail">{r.detail}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

import type { Input } from '../../../shared/api';
import { api } from '../../api';
import { shell } from '../../shell';
import { ExportProgress, StatusLine, useStatus } from '../reports/Status';

// The exports a methods section needs: the paragraph in Word or Markdown, the table
// with every coefficient in XLSX or CSV. Each runs under an operation id, so the
// stage ("Computing" the coefficients and their intervals, then "Writing") shows
// with a Cancel button; a cancelled export leaves no file.

type Base = Omit<Input<'team.exportAgreement'>, 'format' | 'path' | 'overwrite' | 'operation' | 'ci'>;

export function ReliabilityExports({ base, intervals }: { base: Base; intervals: boolean }) {
  const { status, busy, exportFile, progress, cancel } = useStatus(shell()?.chooseSavePath);
  const methods = (format: 'docx' | 'md') =>
    void exportFile(`methods-${format}`, `methods.${format}`, 'code', (path, overwrite, operation) =>
      api['team.exportMethods']({ ...base, format, path, overwrite, operation }),
    );
  const table = (format: 'xlsx' | 'csv') =>
    void exportFile(`agreement-${format}`, `agreement.${format}`, 'row', (path, overwrite, operation) =>
      api['team.exportAgreement']({ ...base, ...(intervals ? { ci: 1000 } : {}), format, path, overwrite, operation }),
    );
  return (
    <>
      <span className="inline-fieldset" role="group" aria-label="Export">
        <button type="button" disabled={busy !== null} onClick={() => methods('docx')}>
          Methods paragraph (Word)
        </button>
        <button type="button" disabled={busy !== null} onClick={() => methods('md')}>
          Markdown
        </button>
        <button type="button" disabled={busy !== null} onClick={() => table('xlsx')}>
          Agreement table (XLSX)
        </button>
        <button type="button" disabled={busy !== null} onClick={() => table('csv')}>
          CSV
        </button>
      </span>
      <ExportProgress progress={progress} onCancel={cancel} label="Reliability export progress" />
      <StatusLine status={status} />
    </>
  );
}

import type { Input } from '../../../shared/api';
import { api } from '../../api';
import { shell } from '../../shell';
import { ExportButtons, StatusLine, useStatus } from '../reports/Status';

type Request = Omit<Input<'analysis.export'>, 'format' | 'path'>;

/** "Export as DOCX · XLSX · MD" for what an Analysis tab shows (a save dialog under Electron, a download in the browser). */
export function ExportBar({ request, formats, name, what }: { request: Request; formats: readonly ('docx' | 'xlsx' | 'md')[]; name: string; what: string }) {
  const { status, busy, exportFile } = useStatus(shell()?.chooseSavePath);
  return (
    <>
      <ExportButtons
        label={`Export ${what}`}
        formats={formats}
        busy={busy}
        onExport={(format) => void exportFile(format, `${name}.${format}`, what, (path) => api['analysis.export']({ ...request, format, path }))}
      />
      <StatusLine status={status} />
    </>
  );
}

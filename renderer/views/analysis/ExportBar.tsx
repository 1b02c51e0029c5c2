import type { Input } from '../../../shared/api';
import { api } from '../../api';
import { shell } from '../../shell';
import { ExportButtons, ExportProgress, StatusLine, useStatus } from '../reports/Status';

type Request = Omit<Input<'analysis.export'>, 'format' | 'path' | 'overwrite' | 'operation'>;

/**
 * "Export as DOCX · XLSX · MD" for what an Analysis tab shows (a save dialog under
 * Electron, a download in the browser), with the export's stage and Cancel while it runs.
 * `rows` names what the export counts ("case" for drafts), `label` the buttons' group.
 */
export function ExportBar({
  request,
  formats,
  name,
  what,
  label = `Export ${what}`,
  rows = 'row',
  extension,
}: {
  request: Request;
  formats: readonly ('docx' | 'xlsx' | 'md')[];
  name: string;
  what: string;
  label?: string;
  rows?: string;
  /** the saved file's extension when it is not the format's (drafts of many cases come as one .zip) */
  extension?: string;
}) {
  const { status, busy, exportFile, progress, cancel } = useStatus(shell()?.chooseSavePath);
  return (
    <>
      <ExportButtons
        label={label}
        formats={formats}
        busy={busy}
        onExport={(format) =>
          void exportFile(format, `${name}.${extension ?? format}`, rows, (path, overwrite, operation) =>
            api['analysis.export']({ ...request, format, path, overwrite, operation }),
          )
        }
      />
      <ExportProgress progress={progress} onCancel={cancel} label={`${what[0].toUpperCase()}${what.slice(1)} export progress`} />
      <StatusLine status={status} />
    </>
  );
}

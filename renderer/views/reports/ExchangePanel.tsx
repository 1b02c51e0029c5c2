import { CODEBOOK_FORMATS, type CodebookFormat } from '../../../shared/api/reports';
import { QdpxExport } from './QdpxExport';
import { ImportCodebook, ImportProject } from './RefiImport';
import { ExportProgress, StatusLine, useStatus } from './Status';
import type { ChooseSavePath, ReportsClient } from './types';
import type { ReportData } from './useReportData';

const CODEBOOK: Record<CodebookFormat, string> = {
  docx: 'Word: a heading per code with its definition, when to use, when not to use and anchor examples',
  csv: 'CSV: one row per code with the same fields',
  qdc: 'REFI-QDA codebook (.qdc) for NVivo, ATLAS.ti, MAXQDA, QualCoder',
};

/** Codebook export (DOCX, CSV, QDC), the project as REFI-QDA (QDPX, standard or for QualCoder), and imports from other tools. */
export function ExchangePanel({ client, data, chooseSavePath }: { client: ReportsClient; data: ReportData; chooseSavePath?: ChooseSavePath }) {
  const codebook = useStatus(chooseSavePath);
  return (
    <section aria-label="Codebook and exchange" className="reports-panel">
      <div className="reports-cards">
        <section className="reports-card" aria-labelledby="reports-codebook-heading">
          <h3 id="reports-codebook-heading">Codebook</h3>
          <p className="muted">{data.codes.length.toLocaleString()} codes with their definitions.</p>
          <ul className="reports-choices" role="group" aria-label="Export codebook">
            {CODEBOOK_FORMATS.map((format) => (
              <li key={format}>
                <button
                  type="button"
                  disabled={codebook.busy !== null || data.codes.length === 0}
                  onClick={() =>
                    void codebook.exportFile(format, `Codebook.${format}`, 'code', (path, overwrite, operation) =>
                      client['reports.exportCodebook']({ format, path, overwrite, operation }),
                    )
                  }
                >
                  {codebook.busy === format ? 'Exporting…' : `Codebook as ${format.toUpperCase()}`}
                </button>
                <span className="muted">{CODEBOOK[format]}</span>
              </li>
            ))}
          </ul>
          <ExportProgress progress={codebook.progress} onCancel={codebook.cancel} label="Codebook export progress" />
          <StatusLine status={codebook.status} />
        </section>
        <QdpxExport client={client} chooseSavePath={chooseSavePath} />
        <ImportCodebook client={client} />
        <ImportProject client={client} />
      </div>
    </section>
  );
}

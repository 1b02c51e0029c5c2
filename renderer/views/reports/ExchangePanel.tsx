import { CODEBOOK_FORMATS, type CodebookFormat } from '../../../shared/api/reports';
import { ImportCodebook, ImportProject } from './RefiImport';
import { StatusLine, useStatus } from './Status';
import type { ChooseSavePath, ReportsClient } from './types';
import type { ReportData } from './useReportData';

const CODEBOOK: Record<CodebookFormat, string> = {
  docx: 'Word: a heading per code with its definition, when to use, when not to use and anchor examples',
  csv: 'CSV: one row per code with the same fields',
  qdc: 'REFI-QDA codebook (.qdc) for NVivo, ATLAS.ti, MAXQDA, QualCoder',
};

/** Codebook export (DOCX, CSV, QDC), the project as REFI-QDA (QDPX), and imports from other tools. */
export function ExchangePanel({ client, data, chooseSavePath }: { client: ReportsClient; data: ReportData; chooseSavePath?: ChooseSavePath }) {
  const codebook = useStatus(chooseSavePath);
  const project = useStatus(chooseSavePath);
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
                  onClick={() => void codebook.exportFile(format, `Codebook.${format}`, 'code', (path) => client['reports.exportCodebook']({ format, path }))}
                >
                  {codebook.busy === format ? 'Exporting…' : `Codebook as ${format.toUpperCase()}`}
                </button>
                <span className="muted">{CODEBOOK[format]}</span>
              </li>
            ))}
          </ul>
          <StatusLine status={codebook.status} />
        </section>
        <section className="reports-card" aria-labelledby="reports-qdpx-heading">
          <h3 id="reports-qdpx-heading">Project for other tools</h3>
          <p className="muted">
            The whole project as REFI-QDA (.qdpx): transcripts, codes with hierarchy, colours and definitions, coded segments with their coders, cases and attributes,
            memos. NVivo, ATLAS.ti, MAXQDA and QualCoder open it.
          </p>
          <div className="reports-actions">
            <button
              type="button"
              disabled={project.busy !== null}
              onClick={() => void project.exportFile('qdpx', 'Project.qdpx', 'coded segment', (path) => client['refi.exportProject']({ path }))}
            >
              {project.busy ? 'Exporting…' : 'Export project as QDPX'}
            </button>
          </div>
          <StatusLine status={project.status} />
        </section>
        <ImportCodebook client={client} />
        <ImportProject client={client} />
      </div>
    </section>
  );
}

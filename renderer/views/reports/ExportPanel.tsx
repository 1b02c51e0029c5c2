import { useState } from 'react';
import { SEGMENT_FORMATS, type SegmentFormat } from '../../../shared/api/reports';
import { FilterForm } from './FilterForm';
import { emptyFilter, toApiFilter, type FilterState } from './filters';
import { ExportProgress, StatusLine, useStatus } from './Status';
import type { ChooseSavePath, ReportsClient } from './types';
import type { ReportData } from './useReportData';

const FORMATS: Record<SegmentFormat, { name: string; detail: string }> = {
  csv: { name: 'CSV (Excel, R, SPSS)', detail: 'one row per segment, UTF-8' },
  xlsx: { name: 'Excel workbook', detail: 'a summary sheet and a sheet per top-level code' },
  docx: { name: 'Word document', detail: 'quotations grouped by code with their sources' },
  html: { name: 'Web page with charts', detail: 'self-contained and printable' },
  md: { name: 'Markdown', detail: 'plain text for notes and wikis' },
};

/** The coded-segment export: filters, format, a title and (for HTML) the chart's groups. */
export function ExportPanel({ client, data, chooseSavePath }: { client: ReportsClient; data: ReportData; chooseSavePath?: ChooseSavePath }) {
  const [filter, setFilter] = useState<FilterState>(emptyFilter);
  const [format, setFormat] = useState<SegmentFormat>('docx');
  const [groupBy, setGroupBy] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const { status, busy, exportFile, progress, cancel } = useStatus(chooseSavePath);
  const groups = data.attributes.map((a) => a.name).filter((n) => groupBy.includes(n));
  const run = () =>
    exportFile('export', `Coded segments.${format}`, 'segment', (path, overwrite, operation) =>
      client['reports.exportSegments']({
        format,
        filter: toApiFilter(filter),
        groupBy: format === 'html' ? groups : [],
        title: title.trim() || undefined,
        path,
        overwrite,
        operation,
      }),
    );
  return (
    <section aria-label="Export coded segments" className="reports-panel">
      <p className="reports-intro">
        Every coded segment that passes the filters, with its code path, text and context, document, case and attributes, speaker, times, coder and memo.
        Nothing ticked means everything.
      </p>
      <FilterForm data={data} value={filter} onChange={setFilter} />
      <div className="reports-form">
        <fieldset className="reports-block reports-formats">
          <legend>Format</legend>
          {SEGMENT_FORMATS.map((f) => (
            <div key={f} className="reports-format">
              <label className="check">
                <input type="radio" name="segment-format" checked={format === f} onChange={() => setFormat(f)} /> {FORMATS[f].name}
              </label>
              <span className="muted">{FORMATS[f].detail}</span>
            </div>
          ))}
        </fieldset>
        <fieldset className="reports-block">
          <legend>Report</legend>
          <label className="inline-field">
            <span>Title</span>
            <input type="text" value={title} maxLength={300} placeholder="Coded segments" onChange={(e) => setTitle(e.currentTarget.value)} />
          </label>
          {format === 'html' &&
            (data.attributes.length > 0 ? (
              <div role="group" aria-label="Chart groups">
                <p className="muted">Chart code frequencies by:</p>
                {data.attributes.map((a) => (
                  <label key={a.id} className="check">
                    <input
                      type="checkbox"
                      checked={groupBy.includes(a.name)}
                      onChange={() => setGroupBy(groupBy.includes(a.name) ? groupBy.filter((x) => x !== a.name) : [...groupBy, a.name])}
                    />{' '}
                    {a.name}
                  </label>
                ))}
              </div>
            ) : (
              <p className="muted">Import a case sheet to chart the codes by groups of cases.</p>
            ))}
        </fieldset>
      </div>
      <div className="reports-actions">
        <button type="button" className="primary" onClick={() => void run()} disabled={busy !== null || (format === 'html' && groups.length > 4)}>
          {busy ? 'Exporting…' : 'Export'}
        </button>
        {!chooseSavePath && <span className="muted">The file comes back as a download.</span>}
      </div>
      <ExportProgress progress={progress} onCancel={cancel} label="Export progress" />
      <StatusLine status={status} />
    </section>
  );
}

import { useState } from 'react';
import type { RefiExportReport, RefiTarget } from '../../../shared/api/reports';
import { ExportProgress, StatusLine, useStatus } from './Status';
import type { ChooseSavePath, ReportsClient } from './types';

// The whole project as REFI-QDA, for the standard or for QualCoder, whose import
// needs unique code names and its own forms of case links and memos. The codes
// renamed for QualCoder are listed after the export, so nobody is surprised.

const TARGETS: Record<RefiTarget, { label: string; hint: string; file: string }> = {
  standard: { label: 'Standard REFI-QDA', hint: 'NVivo, ATLAS.ti, MAXQDA and other tools', file: 'Project.qdpx' },
  qualcoder: {
    label: 'QualCoder',
    hint: 'codes with the same name get their branch added, e.g. “global issues (Students › Knowledge)”; case links and memos in the forms QualCoder reads',
    file: 'Project for QualCoder.qdpx',
  },
};

export function QdpxExport({ client, chooseSavePath }: { client: ReportsClient; chooseSavePath?: ChooseSavePath }) {
  const project = useStatus(chooseSavePath);
  const [target, setTarget] = useState<RefiTarget>('standard');
  const [result, setResult] = useState<RefiExportReport | null>(null);
  const run = () => {
    setResult(null);
    void project.exportFile('qdpx', TARGETS[target].file, 'coded segment', async (path, overwrite, operation) => {
      const r = await client['refi.exportProject']({ target, path, overwrite, operation });
      setResult(r);
      return r;
    });
  };
  return (
    <section className="reports-card" aria-labelledby="reports-qdpx-heading">
      <h3 id="reports-qdpx-heading">Project for other tools</h3>
      <p className="muted">
        The whole project as REFI-QDA (.qdpx): transcripts, codes with hierarchy, colours and definitions, coded segments with their coders, cases and
        attributes, memos.
      </p>
      <fieldset className="reports-target" disabled={project.busy !== null}>
        <legend>For</legend>
        {(Object.keys(TARGETS) as RefiTarget[]).map((t) => (
          <label key={t}>
            <input type="radio" name="qdpx-target" value={t} checked={target === t} onChange={() => setTarget(t)} /> {TARGETS[t].label}
            <span className="muted"> — {TARGETS[t].hint}</span>
          </label>
        ))}
      </fieldset>
      <div className="reports-actions">
        <button type="button" disabled={project.busy !== null} onClick={run}>
          {project.busy ? 'Exporting…' : target === 'qualcoder' ? 'Export project for QualCoder' : 'Export project as QDPX'}
        </button>
      </div>
      <ExportProgress progress={project.progress} onCancel={project.cancel} label="QDPX export progress" />
      <StatusLine status={project.status} />
      {result && result.renamed.length > 0 && (
        <details className="reports-skipped" open>
          <summary>{result.renamed.length} code(s) renamed for QualCoder</summary>
          <ul aria-label="Renamed codes" className="reports-renamed">
            {result.renamed.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

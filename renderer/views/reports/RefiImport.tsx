import { useId, useState, type FormEvent } from 'react';
import type { RefiImportReport } from '../../../shared/api/reports';
import { useNav } from '../../store/nav';
import { useProject } from '../../store/project';
import { attempt } from '../common/attempt';
import { fileToBase64, plural } from '../common/files';
import { ExportProgress, StatusLine, useStatus } from './Status';
import type { ReportsClient } from './types';

// REFI-QDA imports: a .qdc codebook merged into this project (one undoable step),
// or a .qdpx opened as a new project file. Files travel as base64 so the same
// call works under Electron and in browser mode.

async function readFile(file: File): Promise<{ name: string; data: string }> {
  if (file.size === 0) throw new Error(`${file.name}: the file is empty`);
  const data = await fileToBase64(file).catch(() => {
    throw new Error(`${file.name}: the file could not be read`);
  });
  return { name: file.name, data };
}

/** Codes from a .qdc codebook, merged by path into this project's codebook. */
export function ImportCodebook({ client }: { client: ReportsClient }) {
  const { status, busy, track } = useStatus();
  const load = (file: File | undefined) =>
    file &&
    track('qdc', async () => {
      const incoming = await readFile(file);
      const r = await attempt(() => client['refi.importCodebook']({ file: incoming }));
      if (r.error !== undefined) return { ok: false, text: r.error };
      return { ok: true, text: `${file.name}: ${plural(r.ok.added, 'code')} added, ${r.ok.updated} updated, ${r.ok.unchanged} unchanged. Undo takes it back.` };
    });
  return (
    <section className="reports-card" aria-labelledby="reports-qdc-heading">
      <h3 id="reports-qdc-heading">Import a codebook</h3>
      <p className="muted">
        Codes from a REFI-QDA codebook (.qdc) join this project’s codebook: new paths are added, existing ones get the file’s colour and description.
      </p>
      <label className={`file-button${busy ? ' busy' : ''}`}>
        <input
          type="file"
          className="visually-hidden"
          accept=".qdc,.xml"
          aria-label="Codebook file (.qdc)"
          disabled={busy !== null}
          onChange={(e) => {
            const input = e.currentTarget;
            void Promise.resolve(load(input.files?.[0])).finally(() => (input.value = ''));
          }}
        />
        {busy ? 'Importing…' : 'Choose a .qdc codebook…'}
      </label>
      <StatusLine status={status} />
    </section>
  );
}

function stem(fileName: string): string {
  return fileName.replace(/(\.project)?\.(qdpx|qde|zip)$/i, '').trim() || 'Imported project';
}

function importSummary(r: RefiImportReport): string {
  const c = r.counts;
  return `Opened “${r.project.name}” (${r.project.path}): ${plural(c.documents, 'document')}, ${plural(c.codes, 'code')}, ${plural(c.segments, 'coded segment')}, ${plural(c.cases, 'case')}, ${plural(c.coders, 'coder')}, ${plural(c.memos, 'memo')}.`;
}

/** A .qdpx (or a bare project.qde) from another tool, imported as a new project file and opened. */
export function ImportProject({ client }: { client: ReportsClient }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [report, setReport] = useState<RefiImportReport | null>(null);
  const { status, setStatus, busy, track, progress, cancel, run } = useStatus();
  const choose = (f: File | undefined) => {
    setFile(f ?? null);
    setName(f ? stem(f.name) : '');
    setReport(null);
    setStatus(null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file || !name.trim()) return;
    void track('qdpx', async () => {
      const incoming = await readFile(file);
      // Built under a temporary name: a cancel leaves no new project file and this one open.
      const r = await run('reading', (operation) => client['refi.importProject']({ file: incoming, target: name.trim(), operation }));
      // the main process has opened the new project: the app follows it
      await useProject.getState().init();
      setReport(r);
      setFile(null);
      setName('');
      return { ok: true, text: importSummary(r) };
    });
  };
  return (
    <section className="reports-card" aria-labelledby="reports-import-heading">
      <h3 id="reports-import-heading">Open a project from another tool</h3>
      <p className="muted">
        A REFI-QDA project (.qdpx or project.qde) from NVivo, ATLAS.ti, MAXQDA or QualCoder becomes a new Fieldcode project; this one stays as it is.
      </p>
      <form onSubmit={submit} className="reports-import-form">
        <label className={`file-button${busy ? ' busy' : ''}`}>
          <input
            type="file"
            className="visually-hidden"
            accept=".qdpx,.qde,.zip"
            aria-label="Project file (.qdpx)"
            disabled={busy !== null}
            onChange={(e) => choose(e.currentTarget.files?.[0])}
          />
          {file ? file.name : 'Choose a .qdpx file…'}
        </label>
        <span className="inline-field">
          <label htmlFor={`${id}-name`}>New project name</label>
          <input id={`${id}-name`} type="text" value={name} maxLength={200} disabled={!file} onChange={(e) => setName(e.currentTarget.value)} />
        </span>
        <button type="submit" className="primary" disabled={!file || !name.trim() || busy !== null}>
          {busy ? 'Importing…' : 'Import and open'}
        </button>
      </form>
      <ExportProgress progress={progress} onCancel={cancel} label="QDPX import progress" />
      <StatusLine status={status} />
      {report && report.converted.length + report.renamed.length > 0 && (
        <details className="reports-read">
          <summary>
            How the file was read: {plural(report.converted.length, 'conversion')}, {plural(report.renamed.length, 'renamed item')}
          </summary>
          <ul aria-label="Converted and renamed">
            {[...report.converted, ...report.renamed].map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </details>
      )}
      {report && report.skipped.length > 0 && (
        <div className="reports-skipped">
          <p>Not kept (Fieldcode cannot hold these):</p>
          <ul>
            {report.skipped.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </div>
      )}
      {report && (
        <button type="button" className="link" onClick={() => useNav.getState().setView('code')}>
          Go to its documents
        </button>
      )}
    </section>
  );
}

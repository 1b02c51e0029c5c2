import { useState } from 'react';
import type { MergeReport } from '../../../shared/api/team';
import type { UploadedCopy } from '../../../shared/shell';
import { api } from '../../api';
import { attempt, tryCall } from '../common/attempt';
import { plural } from '../common/files';
import { CopyUpload } from './CopyUpload';
import { MergeReportView } from './MergeReport';
import { shell } from '../../shell';
import { CancelledNote, ProgressBar } from '../common/ProgressBar';
import { useOperation, wasCancelled } from '../common/useOperation';

type Step = { kind: 'paths' } | { kind: 'checked'; report: MergeReport } | { kind: 'merged'; report: MergeReport };

const pathsOf = (text: string) => [
  ...new Set(
    text
      .split(/\r?\n/)
      .map((l) => l.trim().replace(/^"(.*)"$/, '$1'))
      .filter(Boolean),
  ),
];

/**
 * Merging coders' copies into this project: name the files, see what a merge would
 * change (nothing is written), then merge. The copies themselves are never written to.
 */
export function MergeWizard() {
  const [text, setText] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'paths' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Browser mode: copies chosen in the file picker, kept by the local server until merged.
  const [uploaded, setUploaded] = useState<UploadedCopy[]>([]);
  const [cancelled, setCancelled] = useState(false);
  const operation = useOperation();
  const paths = [...pathsOf(text), ...uploaded.map((u) => u.path)];
  const run = async (kind: 'checked' | 'merged') => {
    setBusy(true);
    setError(null);
    setCancelled(false);
    // the dry run writes nothing, so it does not go through the project's write
    const r = await operation.run('reading', (id) =>
      kind === 'checked' ? tryCall(() => api['team.mergePreview']({ paths, operation: id })) : attempt(() => api['team.merge']({ paths, operation: id })),
    );
    setBusy(false);
    if (r.ok) setStep({ kind, report: r.ok });
    // The server deleted the uploaded copies once merged: they are no longer to choose.
    if (r.ok && kind === 'merged') setUploaded([]);
    if (r.ok) return;
    if (wasCancelled(r.error)) setCancelled(true);
    else setError(r.error ?? 'the merge did not finish');
  };
  const pathsField = (
    <label className="field">
      <span>Project files to merge, one path per line</span>
      <textarea
        rows={3}
        value={text}
        spellCheck={false}
        placeholder={'/Users/lead/Fieldcode/Amina copy.fieldcode\n/Users/lead/Fieldcode/Ben copy.fieldcode'}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setStep({ kind: 'paths' });
        }}
      />
    </label>
  );
  return (
    <section className="view-section merge-wizard" aria-labelledby="merge-heading">
      <h3 id="merge-heading">Merge coders’ copies</h3>
      <ol className="wizard-steps" aria-label="Steps">
        <li aria-current={step.kind === 'paths' ? 'step' : undefined}>Choose the files</li>
        <li aria-current={step.kind === 'checked' ? 'step' : undefined}>Check what would change</li>
        <li aria-current={step.kind === 'merged' ? 'step' : undefined}>Merge</li>
      </ol>
      {!shell() && (
        <CopyUpload
          copies={uploaded}
          disabled={busy}
          onChange={(copies) => {
            setUploaded(copies);
            setStep({ kind: 'paths' });
          }}
        />
      )}
      {shell() ? (
        pathsField
      ) : (
        // In a browser the copies come through the picker above; typed paths (files on the computer running Fieldcode) are the advanced way.
        <details className="typed-paths" open={text.trim() !== '' || undefined}>
          <summary>Or type paths of files on the computer running Fieldcode</summary>
          {pathsField}
        </details>
      )}
      <div className="button-row">
        {shell() && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void shell()!
                .chooseFiles({ kind: 'projects', title: 'Coders’ copies to merge' })
                .then((chosen) => {
                  if (!chosen.length) return;
                  setText([...new Set([...paths, ...chosen])].join('\n'));
                  setStep({ kind: 'paths' });
                })
            }
          >
            Choose files…
          </button>
        )}
        <button type="button" disabled={!paths.length || busy} onClick={() => void run('checked')}>
          {busy && step.kind === 'paths' ? 'Checking…' : 'Check (dry run)'}
        </button>
        {step.kind === 'checked' && (
          <button type="button" className="primary" disabled={busy || !step.report.changed} onClick={() => void run('merged')}>
            {busy ? 'Merging…' : `Merge ${plural(paths.length, 'file')}`}
          </button>
        )}
        {step.kind === 'merged' && (
          <button type="button" onClick={() => (setText(''), setUploaded([]), setStep({ kind: 'paths' }))}>
            Merge more files
          </button>
        )}
      </div>
      {operation.progress && (
        // Each copy is read and compared in turn, then everything is written in one transaction: Cancel rolls it all back.
        <ProgressBar
          progress={operation.progress}
          label={step.kind === 'checked' ? 'Merge progress' : 'Check progress'}
          onCancel={operation.cancel}
          testId="merge-progress"
        />
      )}
      {cancelled && <CancelledNote />}
      {error && (
        <p className="view-error" role="alert">
          {error}
        </p>
      )}
      {step.kind !== 'paths' && <MergeReportView report={step.report} />}
    </section>
  );
}

import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../shared/types';
import { api } from '../../api';
import { useUi } from '../../store/ui';
import { plural } from '../common/files';
import { useFetch } from '../common/useFetch';
import { ACCEPT, importInBatches, type FileResult } from './importBatches';
import { ImportResults } from './ImportResults';
import { ProgressBar } from '../common/ProgressBar';
import { useOperation } from '../common/useOperation';
import { CANCELLED_MESSAGE } from '../../../shared/progress';
import '../views.css';

/** The import dialog, fresh each time it opens. */
export function ImportDialog() {
  const open = useUi((s) => s.importing);
  return open ? <ImportDialogBody /> : null;
}

type Phase = 'choose' | 'running' | 'done';

const sameFile = (a: File, b: File) => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('button, input, select, textarea, [tabindex]:not([tabindex="-1"])')].filter(
    (el) => !el.hasAttribute('disabled'),
  );
}

function ImportDialogBody() {
  const [files, setFiles] = useState<File[]>([]);
  const [kind, setKind] = useState<DocumentKind | ''>('');
  const [caseName, setCaseName] = useState('');
  const [phase, setPhase] = useState<Phase>('choose');
  const [done, setDone] = useState(0);
  const [results, setResults] = useState<FileResult[]>([]);
  const [over, setOver] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const operation = useOperation();
  const stopped = useRef(false);
  const dialog = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const cases = useFetch('import-cases', () => api['cases.list']({})).data ?? [];

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    dialog.current?.querySelector<HTMLElement>('input[type="file"]')?.focus();
    return () => before?.focus?.();
  }, []);

  // The Cancel button goes away with the import: the focus moves to Close, inside the dialog.
  useEffect(() => {
    if (phase === 'done') closeButton.current?.focus();
  }, [phase]);

  const add = (list: FileList | null | undefined) => {
    const picked = [...(list ?? [])];
    if (picked.length) setFiles((fs) => [...fs, ...picked.filter((p) => !fs.some((f) => sameFile(f, p)))]);
  };
  const close = () => {
    stopped.current = true;
    // Closing while a batch runs cancels it: nothing of it is left half-imported.
    operation.cancel();
    useUi.getState().setImporting(false);
  };
  const start = async () => {
    setPhase('running');
    const outcome = await importInBatches(files, {
      kind: kind || undefined,
      caseName: caseName.trim() || undefined,
      stopped: () => stopped.current,
      run: (work) => operation.run('preparing', work),
      onProgress: (n, more) => {
        setDone(n);
        setResults((r) => [...r, ...more]);
      },
    });
    setCancelled(outcome.cancelled);
    setPhase('done');
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (phase === 'choose') add(e.dataTransfer?.files);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      // Esc while importing cancels the import and keeps the dialog, to say what happened.
      return phase === 'running' ? operation.cancel() : close();
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    const all = focusables(dialog.current);
    const [first, last] = [all[0], all[all.length - 1]];
    const wrapTo = e.shiftKey ? (document.activeElement === first ? last : null) : document.activeElement === last ? first : null;
    if (wrapTo) {
      e.preventDefault();
      wrapTo.focus();
    }
  };

  const total = files.length;
  return (
    <div className="overlay" onKeyDown={onKeyDown} onMouseDown={(e) => e.target === e.currentTarget && phase !== 'running' && close()}>
      <div ref={dialog} className="dialog import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-dialog">
        <h2 id="import-title">Import transcripts</h2>
        {phase === 'choose' && (
          <>
            <div
              className={`drop-zone${over ? ' over' : ''}`}
              data-testid="import-drop-zone"
              onDragOver={(e) => (e.preventDefault(), setOver(true))}
              onDragLeave={() => setOver(false)}
              onDrop={onDrop}
            >
              <p>Drop transcripts here</p>
              <p className="muted">Text, Word (.docx), subtitles (.vtt, .srt) or Markdown. Speaker turns are found by themselves.</p>
              <label className="file-button">
                <input
                  type="file"
                  className="visually-hidden"
                  multiple
                  accept={ACCEPT}
                  data-testid="import-file-input"
                  onChange={(e) => (add(e.currentTarget.files), (e.currentTarget.value = ''))}
                />
                Choose files…
              </label>
            </div>
            {total > 0 && (
              <ul className="file-list" aria-label="Files to import">
                {files.map((f, i) => (
                  <li key={`${f.name}:${f.size}:${f.lastModified}`}>
                    <span className="file-name">{f.name}</span>
                    <span className="muted">{Math.max(1, Math.round(f.size / 1024))} KB</span>
                    <button type="button" className="link" aria-label={`Remove ${f.name}`} onClick={() => setFiles((fs) => fs.filter((_, j) => j !== i))}>
                      remove
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <div className="import-options">
              <label className="field">
                <span>Kind</span>
                <select value={kind} onChange={(e) => setKind(e.currentTarget.value as DocumentKind | '')}>
                  <option value="">from the file name</option>
                  {DOCUMENT_KINDS.map((k) => (
                    <option key={k}>{k}</option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>Case (optional)</span>
                <input list="import-case-names" value={caseName} onChange={(e) => setCaseName(e.currentTarget.value)} placeholder="e.g. School 12 (Kenya)" />
                <datalist id="import-case-names">
                  {cases.map((c) => (
                    <option key={c.id} value={c.name} />
                  ))}
                </datalist>
              </label>
            </div>
          </>
        )}
        {phase !== 'choose' && (
          <div className="import-progress">
            {phase === 'running' && operation.progress ? (
              <ProgressBar progress={operation.progress} label="Import progress" onCancel={operation.cancel} testId="import-operation" />
            ) : (
              <progress max={total} value={done} aria-label="Import progress" data-testid="import-progress" />
            )}
            {!(phase === 'running' && operation.progress) && (
              <span role="status" className={cancelled ? 'operation-cancelled' : undefined}>
                {phase === 'running'
                  ? `Importing… ${done} of ${plural(total, 'file')}`
                  : cancelled
                    ? done
                      ? `Cancelled — the ${plural(done, 'file')} imported before were kept; nothing else was changed`
                      : CANCELLED_MESSAGE
                    : `Finished: ${done} of ${plural(total, 'file')}`}
              </span>
            )}
          </div>
        )}
        {results.length > 0 && <ImportResults results={results} />}
        <div className="button-row end">
          {phase !== 'running' && (
            <button type="button" ref={closeButton} onClick={close}>
              {phase === 'choose' ? 'Cancel' : 'Close'}
            </button>
          )}
          {phase === 'choose' && (
            <button type="button" className="primary" data-testid="import-start" disabled={!total} onClick={() => void start()}>
              Import {total ? plural(total, 'file') : 'files'}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

import { useState } from 'react';
import type { UploadedCopy } from '../../../shared/shell';
import { uploadCopy } from '../../api';
import { messageOf } from '../../store/project';
import { fileSize } from '../reports/save';

// Browser mode has no native dialog and the browser cannot name a path: the coder
// copies chosen here are sent to the local server, which keeps them (private, read-only)
// until they are merged. Under Electron the wizard's "Choose files…" opens the native dialog.

interface CopyUploadProps {
  copies: UploadedCopy[];
  onChange: (copies: UploadedCopy[]) => void;
  disabled?: boolean;
}

export function CopyUpload({ copies, onChange, disabled }: CopyUploadProps) {
  const [sending, setSending] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const choose = async (files: File[]) => {
    const got: UploadedCopy[] = [];
    const failed: string[] = [];
    // One at a time: a copy can be large, and each is reported on its own.
    for (const f of files) {
      setSending(f.name);
      try {
        got.push(await uploadCopy(f));
      } catch (e) {
        failed.push(messageOf(e));
      }
    }
    setSending(null);
    setProblems(failed);
    if (got.length) onChange([...copies, ...got]);
  };
  return (
    <div className="copy-upload">
      <label className="field">
        <span>Coders’ copies (.fieldcode files)</span>
        <input
          type="file"
          multiple
          accept=".fieldcode"
          data-testid="merge-files"
          disabled={disabled || !!sending}
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            if (files.length) void choose(files);
          }}
        />
      </label>
      {sending && (
        <p role="status" className="muted">
          Sending {sending} to Fieldcode…
        </p>
      )}
      {problems.map((p) => (
        <p key={p} className="view-error" role="alert">
          {p}
        </p>
      ))}
      {copies.length > 0 && (
        <ul className="copy-list" aria-label="Copies chosen">
          {copies.map((c) => (
            <li key={c.path}>
              {c.name} <span className="muted">({fileSize(c.bytes)})</span>{' '}
              <button type="button" className="icon-button" aria-label={`Remove ${c.name}`} onClick={() => onChange(copies.filter((x) => x !== c))}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

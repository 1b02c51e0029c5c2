import { useEffect, useRef } from 'react';
import { useProject } from '../../store/project';
import { useUi } from '../../store/ui';
import { focusTranscript } from '../transcript/focus';

/** A confirmation for actions that touch a lot (deleting a code with its segments). */
export function ConfirmDialog() {
  const confirm = useUi((s) => s.confirm);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    button.current?.focus();
  }, [confirm]);
  if (!confirm) return null;
  const close = () => (useUi.getState().ask(null), focusTranscript());
  return (
    <div className="overlay" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-detail">
        <h2 id="confirm-title">{confirm.title}</h2>
        <p id="confirm-detail">{confirm.detail}</p>
        <div className="button-row end">
          {/* The safe answer has the focus: Enter or Space by reflex keeps everything. */}
          <button type="button" onClick={close} ref={button} data-testid="confirm-cancel">
            Cancel
          </button>
          <button
            type="button"
            className="danger"
            data-testid="confirm-action"
            onClick={() => {
              close();
              void confirm.run();
            }}
          >
            {confirm.action}
          </button>
        </div>
      </div>
    </div>
  );
}

/** One line naming what went wrong; the project is as it was. */
export function ProblemBar() {
  const problem = useProject((s) => s.problem);
  if (!problem) return null;
  return (
    <div className="problem" role="alert">
      <span>{problem}</span>
      <button type="button" className="link" onClick={() => useProject.getState().dismiss()} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}

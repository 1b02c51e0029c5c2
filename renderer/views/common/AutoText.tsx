import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useProject } from '../../store/project';
import { DELAY } from './useSaveWhileTyping';

// A text field that saves while the researcher types: after a pause of DELAY ms,
// on leaving the field, and when the page hides or unloads (reload, close). While
// a save waits, the indicator says "Saving…". A rule the text breaks (too long, a
// "/" in a code name) is said next to the field, and nothing is sent until it is met.

export interface AutoTextProps {
  label: string;
  value: string;
  onSave: (value: string) => unknown;
  /** the researcher's words for what is wrong, or null */
  check?: (value: string) => string | null;
  multiline?: boolean;
  rows?: number;
  /** trims before saving and never saves an empty value (names) */
  required?: boolean;
  testId?: string;
}

export function AutoText({ label, value, onSave, check, multiline = true, rows = 3, required = false, testId }: AutoTextProps) {
  const [text, setText] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  const field = useId();
  const last = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const draft = useRef(value);
  const latest = useRef({ onSave, check, required });
  useEffect(() => {
    latest.current = { onSave, check, required };
  });

  // The stored value changed elsewhere (undo, another coder's merge): show it, but never
  // while the researcher is in the field — a save's echo must not undo newer keystrokes.
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current && !timer.current && value !== last.current) {
      last.current = value;
      draft.current = value;
      setText(value);
    }
  }, [value]);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    useProject.getState().setUnsent(field, false);
    const { onSave: save, check: wrong, required: needed } = latest.current;
    const v = needed ? draft.current.trim() : draft.current;
    if (v === last.current || (needed && !v) || wrong?.(v)) return;
    last.current = v;
    void save(v);
  }, [field]);

  useEffect(() => {
    const now = flush;
    const hidden = () => document.visibilityState === 'hidden' && now();
    window.addEventListener('pagehide', now);
    window.addEventListener('beforeunload', now);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', now);
      window.removeEventListener('beforeunload', now);
      document.removeEventListener('visibilitychange', hidden);
      now(); // the field goes away (another segment, another code): its text is kept
    };
  }, [flush]);

  const change = (v: string) => {
    draft.current = v;
    setText(v);
    const wrong = check?.(required ? v.trim() : v) ?? (required && !v.trim() ? `${label} cannot be empty` : null);
    setProblem(wrong);
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (wrong) return useProject.getState().setUnsent(field, false);
    useProject.getState().setUnsent(field, true);
    timer.current = setTimeout(flush, DELAY);
  };

  const props = {
    id: field,
    value: text,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? `${field}-problem` : undefined,
    'data-testid': testId,
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
      flush();
    },
  };
  return (
    <div className="field">
      <label htmlFor={field}>{label}</label>
      {multiline ? (
        <textarea {...props} rows={rows} onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...props} onChange={(e) => change(e.target.value)} onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => e.key === 'Enter' && flush()} />
      )}
      {problem && (
        <span className="field-problem" id={`${field}-problem`} role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}

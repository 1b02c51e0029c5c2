import { useRef, type KeyboardEvent } from 'react';
import { useSaveWhileTyping } from './useSaveWhileTyping';

interface EditCellProps {
  value: string;
  label: string;
  /** saves the new value; false puts the old one back (the reason is shown by the caller) */
  onCommit: (value: string) => Promise<boolean>;
  /** an empty value is refused (a name) */
  required?: boolean;
  testId?: string;
}

/**
 * A table cell edited in place: saved on Enter, on leaving the cell and as the page
 * hides or unloads (reload, close); Escape puts the old value back.
 * Give it key={value} so a refresh resets it.
 */
export function EditCell({ value, label, onCommit, required, testId }: EditCellProps) {
  const input = useRef<HTMLInputElement>(null);
  const sent = useRef(value);
  const commit = async (el: HTMLInputElement | null, leaving = false) => {
    if (!el) return;
    const next = el.value.trim();
    // An emptied name is put back when the researcher leaves the cell (not while typing).
    if (required && !next && leaving) el.value = sent.current;
    if (next === sent.current || (required && !next)) return;
    sent.current = next;
    if (!(await onCommit(next))) el.value = sent.current = value;
  };
  // Not after a pause: the tables key each cell by its value, so a save mid-typing would
  // re-create the cell under the researcher's fingers. Saved on Enter, leaving, page hide/unload.
  const [typed, saveNow] = useSaveWhileTyping(() => commit(input.current), { afterPause: false });
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') e.currentTarget.blur();
    else if (e.key === 'Escape') {
      e.currentTarget.value = value;
      e.currentTarget.blur();
    } else return;
    e.preventDefault();
  };
  // wide enough for its value, so tables size their columns to the text
  const minWidth = `${Math.min(30, Math.max(6, Math.ceil(value.length * 0.85) + 3))}ch`;
  return (
    <input
      ref={input}
      className="cell-input"
      style={{ minWidth }}
      aria-label={label}
      data-testid={testId}
      defaultValue={value}
      onChange={typed}
      onBlur={(e) => {
        const el = e.currentTarget;
        saveNow();
        void commit(el, true);
      }}
      onKeyDown={onKeyDown}
    />
  );
}

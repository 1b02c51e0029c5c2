import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useSaveWhileTyping } from './useSaveWhileTyping';

interface EditCellProps {
  value: string;
  label: string;
  /** saves the new value; false when it was not saved (the reason is shown by the caller) */
  onCommit: (value: string) => Promise<boolean>;
  /** an empty value is refused (a name) */
  required?: boolean;
  testId?: string;
}

/**
 * A table cell edited in place: saved while typing (after a pause), on Enter, on
 * leaving the cell and as the page hides or unloads (reload, close); Escape puts the
 * stored value back. Key it by what it edits (the case's id), never by its value: the
 * table refreshes after every save, and the cell must stay the same element so the
 * focus and the caret stay where the researcher is typing.
 */
export function EditCell({ value, label, onCommit, required, testId }: EditCellProps) {
  const input = useRef<HTMLInputElement>(null);
  /** the value the project has (as far as this cell knows) */
  const sent = useRef(value);
  const typing = useRef(false);
  // A new stored value (a save's echo, undo, a merge) shows, but never under the fingers.
  useEffect(() => {
    const el = input.current;
    if (!el || typing.current || document.activeElement === el) return;
    sent.current = value;
    el.value = value;
  }, [value]);

  const commit = async (el: HTMLInputElement | null, leaving = false) => {
    if (!el) return;
    const next = el.value.trim();
    // An emptied name is put back when the researcher leaves the cell (not while typing).
    if (required && !next && leaving) el.value = sent.current;
    if (next === sent.current || (required && !next)) return;
    const before = sent.current;
    sent.current = next;
    if (await onCommit(next)) return;
    sent.current = before;
    // Refused: the typed text stays while the researcher is in the cell; leaving puts the stored one back.
    if (document.activeElement !== el) el.value = before;
  };
  const [typed, saveNow] = useSaveWhileTyping(() => commit(input.current));
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') e.currentTarget.blur();
    else if (e.key === 'Escape') {
      e.currentTarget.value = sent.current;
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
      onFocus={() => (typing.current = true)}
      onChange={typed}
      onBlur={(e) => {
        const el = e.currentTarget;
        typing.current = false;
        saveNow();
        void commit(el, true).then(() => {
          // what the project has, once nothing more is on its way
          if (document.activeElement !== el && el.value.trim() !== sent.current) el.value = sent.current;
        });
      }}
      onKeyDown={onKeyDown}
    />
  );
}

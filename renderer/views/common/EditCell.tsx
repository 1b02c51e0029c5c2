import type { KeyboardEvent } from 'react';

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
 * A table cell edited in place: type, then Enter or leave the cell to save;
 * Escape puts the old value back. Give it key={value} so a refresh resets it.
 */
export function EditCell({ value, label, onCommit, required, testId }: EditCellProps) {
  const commit = async (el: HTMLInputElement) => {
    const next = el.value.trim();
    if (next === value) return;
    if ((required && !next) || !(await onCommit(next))) el.value = value;
  };
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
  return <input className="cell-input" style={{ minWidth }} aria-label={label} data-testid={testId} defaultValue={value} onBlur={(e) => void commit(e.currentTarget)} onKeyDown={onKeyDown} />;
}

import { useEffect, useRef, useState } from 'react';
import type { SummaryCell } from '../../../shared/api/analysis';
import { useSaveWhileTyping } from '../common/useSaveWhileTyping';
import { saveSummary } from './data';

interface SummaryBoxProps {
  cell: SummaryCell;
  value: string;
  label: string;
  rows?: number;
  testId?: string;
  placeholder?: string;
}

/**
 * A summary edited in place: saved while typing (after a pause), on leaving the box and
 * as the page hides or unloads, only if it changed; the saves of one editing are one
 * undo step. Key it by its cell, never by its value, so a save keeps the box (and caret).
 */
export function SummaryBox({ cell, value, label, rows = 3, testId, placeholder = 'Write a summary…' }: SummaryBoxProps) {
  const [text, setText] = useState(value);
  const draft = useRef(value);
  const sent = useRef(value);
  const focused = useRef(false);
  const latestCell = useRef(cell);
  useEffect(() => {
    latestCell.current = cell;
  });
  const [typed, flush] = useSaveWhileTyping(() => {
    if (draft.current.trim() === sent.current.trim()) return;
    sent.current = draft.current;
    return saveSummary(latestCell.current, draft.current);
  });
  // A new stored value (undo, a merge) shows, but never under the fingers.
  useEffect(() => {
    if (focused.current || value.trim() === sent.current.trim()) return;
    sent.current = draft.current = value;
    setText(value);
  }, [value]);
  return (
    <textarea
      className="summary-box"
      aria-label={label}
      data-testid={testId}
      rows={rows}
      value={text}
      placeholder={placeholder}
      onFocus={() => (focused.current = true)}
      onChange={(e) => {
        draft.current = e.target.value;
        setText(e.target.value);
        typed();
      }}
      onBlur={() => {
        focused.current = false;
        flush();
      }}
    />
  );
}

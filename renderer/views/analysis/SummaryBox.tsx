import { useState } from 'react';
import type { SummaryCell } from '../../../shared/api/analysis';
import { saveSummary } from './data';

interface SummaryBoxProps {
  cell: SummaryCell;
  value: string;
  label: string;
  rows?: number;
  testId?: string;
  placeholder?: string;
}

/** A summary edited in place: saved when the box loses focus (one undo step), only if it changed. */
export function SummaryBox({ cell, value, label, rows = 3, testId, placeholder = 'Write a summary…' }: SummaryBoxProps) {
  const [text, setText] = useState(value);
  return (
    <textarea
      className="summary-box"
      aria-label={label}
      data-testid={testId}
      rows={rows}
      value={text}
      placeholder={placeholder}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        if (text.trim() !== value.trim()) void saveSummary(cell, text);
      }}
    />
  );
}

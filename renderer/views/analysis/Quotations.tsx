import type { Quotation } from '../../../shared/api/analysis';
import { useNav } from '../../store/nav';

/** Quotations with speaker, document and position; each opens the transcript at its passage. */
export function Quotations({ items, showCase }: { items: Quotation[]; showCase?: boolean }) {
  if (items.length === 0) return <p className="pane-empty">No coded segments here.</p>;
  return (
    <ul className="quotations">
      {items.map((q) => (
        <li key={q.segmentId}>
          <blockquote>{q.text}</blockquote>
          <button type="button" className="link-button" title="Open in the transcript" onClick={() => useNav.getState().openAt(q.documentId, q.start, q.end)}>
            — {q.speaker ? `${q.speaker}, ` : ''}
            {showCase && q.caseName ? `${q.caseName}, ` : ''}
            {q.document}, {q.start}–{q.end}
            {q.anchor ? ' · anchor example' : ''}
          </button>
        </li>
      ))}
    </ul>
  );
}

import { useEffect, useRef } from 'react';
import type { DocumentSummary } from '../../../shared/types';
import { DocumentDetails } from './DocumentDetails';

/** The document's details as a dialog, opened from the document list. */
export function DocumentDialog({ doc, onClose }: { doc: DocumentSummary; onClose: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector('input')?.focus();
  }, []);
  return (
    <div className="overlay" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="document-dialog-title" ref={box} data-testid="document-dialog">
        <h2 id="document-dialog-title">Document</h2>
        <DocumentDetails doc={doc} idPrefix="document-dialog" onDone={onClose} />
        <div className="button-row end">
          <button type="button" className="primary" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </div>
  );
}

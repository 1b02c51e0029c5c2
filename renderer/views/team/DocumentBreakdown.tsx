import { formatCoefficient as fmt } from '../../../shared/reliability/format';
import { useState } from 'react';
import type { AgreementUnit, DocumentAgreement } from '../../../shared/api/team';
import { AgreementTable } from './AgreementTable';
import type { Coefficient } from './coefficients';

/** Agreement per document: each document's pooled row, and its codes on demand; a cell opens the disagreements in that document. */
export function DocumentBreakdown({
  documents,
  colourBy,
  unit,
  open,
  onOpen,
}: {
  documents: DocumentAgreement[];
  colourBy: Coefficient;
  unit: AgreementUnit;
  open: { codeId: string | null; documentId: string | null };
  onOpen: (codeId: string, documentId: string) => void;
}) {
  const [shown, setShown] = useState<string | null>(null);
  return (
    <section className="view-section" aria-labelledby="per-document-heading" data-testid="agreement-per-document">
      <h3 id="per-document-heading">Per document</h3>
      <ul className="plain-list">
        {documents.map((d) => (
          <li key={d.documentId}>
            <button
              type="button"
              className="link"
              aria-expanded={shown === d.documentId}
              onClick={() => setShown(shown === d.documentId ? null : d.documentId)}
            >
              {d.document}
            </button>{' '}
            <span className="muted">
              ({d.coders.join(', ')}) α {fmt(d.pooled.alpha)} · AC1 {fmt(d.pooled.ac1)} · αU {fmt(d.pooled.uAlpha)}
            </span>
            {shown === d.documentId && (
              <AgreementTable
                rows={d.codes}
                pooled={d.pooled}
                unitLabel={unit === 'char' ? 'Characters' : 'Turns'}
                colourBy={colourBy}
                intervals={false}
                openCodeId={open.documentId === d.documentId ? open.codeId : null}
                onOpen={(codeId) => onOpen(codeId, d.documentId)}
                label={`Agreement per code in ${d.document}`}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

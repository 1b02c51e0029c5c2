import { useEffect, useState } from 'react';
import { DOCUMENT_KINDS, type Case, type DocumentKind, type DocumentSummary } from '../../../shared/types';
import { api } from '../../api';
import { useProject } from '../../store/project';
import { useRevision } from '../../store/revision';
import { useUi } from '../../store/ui';

const write = <T,>(fn: () => Promise<T>) => useProject.getState().write(fn);

/** The project's cases for the case picker, fetched again after every write. */
function useCases(): Case[] {
  const revision = useRevision((s) => s.revision);
  const [cases, setCases] = useState<Case[]>([]);
  useEffect(() => {
    let live = true;
    api['cases.list']({}).then(
      (c) => live && setCases(c),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [revision]);
  return cases;
}

/** Asks first, saying what goes with the document; the deletion is one undo step. */
export function askDeleteDocument(doc: DocumentSummary, after?: () => void): void {
  const segments =
    doc.segments === 0
      ? 'It has no coded segments.'
      : `Its ${doc.segments} coded segment${doc.segments === 1 ? '' : 's'} go${doc.segments === 1 ? 'es' : ''} with it.`;
  useUi.getState().ask({
    title: `Delete "${doc.name}"?`,
    detail: `${segments} Undo (Ctrl+Z) brings everything back.`,
    action: 'Delete document',
    run: async () => {
      await write(() => api['documents.delete']({ id: doc.id }));
      after?.();
    },
  });
}

/** The name, saved on Enter and when the field is left; a new name from elsewhere replaces the field (by key). */
function NameField({ doc, idPrefix }: { doc: DocumentSummary; idPrefix: string }) {
  const [name, setName] = useState(doc.name);
  const trimmed = name.trim();
  const rename = () => {
    if (trimmed && trimmed !== doc.name) void write(() => api['documents.update']({ id: doc.id, name: trimmed }));
  };
  return (
    <>
      <label className="field">
        <span>Name</span>
        <input
          id={`${idPrefix}-name`}
          value={name}
          maxLength={300}
          aria-invalid={!trimmed}
          aria-describedby={trimmed ? undefined : `${idPrefix}-name-error`}
          onChange={(e) => setName(e.currentTarget.value)}
          onBlur={rename}
          onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), rename())}
        />
      </label>
      {!trimmed && (
        <p className="field-error" id={`${idPrefix}-name-error`}>
          A document needs a name.
        </p>
      )}
    </>
  );
}

/** Name, kind and case of one document, and its deletion: used by the document list and the inspector. */
export function DocumentDetails({ doc, idPrefix, onDone }: { doc: DocumentSummary; idPrefix: string; onDone?: () => void }) {
  const cases = useCases();
  const change = (c: { kind?: DocumentKind; caseId?: string | null }) => void write(() => api['documents.update']({ id: doc.id, ...c }));
  return (
    <div className="document-details" data-testid="document-details">
      <NameField key={`${doc.id}:${doc.name}`} doc={doc} idPrefix={idPrefix} />
      <label className="field">
        <span>Kind</span>
        <select value={doc.kind} onChange={(e) => change({ kind: e.currentTarget.value as DocumentKind })}>
          {DOCUMENT_KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Case</span>
        <select value={doc.caseId ?? ''} onChange={(e) => change({ caseId: e.currentTarget.value || null })}>
          <option value="">No case</option>
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <p className="muted">
        {doc.turns} turns · {doc.segments} coded segments · {doc.format}
      </p>
      <div className="button-row">
        <button type="button" className="danger" onClick={() => askDeleteDocument(doc, onDone)}>
          Delete document…
        </button>
      </div>
    </div>
  );
}

/** The open document in the inspector, folded away until the coder wants it. */
export function DocumentSection({ doc }: { doc: DocumentSummary | null }) {
  if (!doc) return null;
  return (
    <section className="inspector-section" aria-labelledby="inspector-document-heading">
      <details>
        <summary>
          <h3 id="inspector-document-heading" className="inline-heading">
            Document
          </h3>{' '}
          <span className="muted">{doc.name}</span>
        </summary>
        <DocumentDetails doc={doc} idPrefix="inspector-document" />
      </details>
    </section>
  );
}

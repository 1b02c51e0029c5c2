import { useState } from 'react';
import type { Case, Code } from '../../../shared/types';
import { api } from '../../api';
import { useFetch } from '../common/useFetch';
import { ExportBar } from './ExportBar';
import { Quotations } from './Quotations';
import { SummaryBox } from './SummaryBox';
import { TemplateEditor } from './TemplateEditor';
import { useTemplateChoice } from './useTemplateChoice';

/** One case's draft: background, then each template section with live counts, its summary and memo, and its quotations by code. */
export function CaseStudyTab({ cases, codes }: { cases: Case[]; codes: Code[] }) {
  const [caseId, setCaseId] = useState(cases[0]?.id ?? '');
  const [editing, setEditing] = useState(false);
  const [chosen, choose] = useTemplateChoice();
  const templates = useFetch('templates', () => api['analysis.templates']({})).data ?? [];
  // a remembered template that was deleted (or undone) falls back to the default
  const templateId = templates.some((t) => t.id === chosen) ? chosen! : undefined;
  const known = chosen !== undefined; // the project has said which template it follows
  const draft = useFetch(`case-study|${caseId}|${templateId ?? ''}|${known}`, () =>
    caseId && known ? api['analysis.caseStudy']({ caseId, templateId }) : Promise.resolve(null),
  );
  const d = draft.data;
  const shown = templates.find((t) => t.id === templateId) ?? templates.find((t) => t.name === d?.template) ?? templates[0];
  if (cases.length === 0) return <p className="pane-empty">No cases yet: import a case sheet in the Cases view.</p>;
  return (
    <div className="case-study" data-testid="case-study">
      <div className="view-toolbar filters">
        <label>
          Case{' '}
          <select aria-label="Case study of" value={caseId} onChange={(e) => setCaseId(e.target.value)}>
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Template{' '}
          <select aria-label="Case-study template" value={shown?.id ?? ''} onChange={(e) => choose(e.currentTarget.value)}>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" aria-expanded={editing} disabled={!shown} onClick={() => setEditing(!editing)}>
          Edit template
        </button>
        {d && (
          <ExportBar
            request={{ what: 'caseStudy', caseId: d.caseId, templateId }}
            formats={['docx', 'md']}
            name={d.title}
            what="this case-study draft"
            rows="draft"
          />
        )}
      </div>
      {known && (
        <div className="view-toolbar filters" data-testid="all-drafts">
          <span>All {cases.length} cases, one draft each in a ZIP:</span>
          <ExportBar
            request={{ what: 'caseStudies', templateId }}
            formats={['docx', 'md']}
            name="case-study drafts"
            what="all case-study drafts"
            label={`Drafts of all ${cases.length} cases, one file each in a ZIP`}
            rows="draft"
            extension="zip"
          />
        </div>
      )}
      {editing && shown && (
        <TemplateEditor
          key={shown.id}
          template={shown}
          templates={templates}
          codes={codes}
          onClose={() => setEditing(false)}
          onDone={(id) => {
            choose(id);
            setEditing(false);
          }}
        />
      )}
      {draft.error && <p className="error">{draft.error}</p>}
      {d && (
        <article>
          <h2 className="view-title">{d.title}</h2>
          <table className="data-table background">
            <tbody>
              {d.background.map(([k, v]) => (
                <tr key={k}>
                  <th scope="row">{k}</th>
                  <td>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {d.sections.map((s) => (
            <section key={s.id} className="draft-section" aria-label={s.title}>
              <h3>
                {s.title} <span className="count">{s.segments} segments</span>
              </h3>
              <p className="hint">{s.description}</p>
              <SummaryBox
                key={`${d.caseId}|${s.id}`}
                cell={{ rowKind: 'case', rowKey: d.caseId, columnKind: 'section', columnKey: s.id }}
                value={s.summary}
                label={`Summary: ${s.title}`}
                rows={4}
              />
              {s.codes.map((c) => (
                <details key={c.id}>
                  <summary>
                    {c.path} ({c.segments}
                    {c.leftOut ? `, ${c.leftOut} more not shown` : ''})
                  </summary>
                  <Quotations items={c.quotations} />
                </details>
              ))}
              <SummaryBox
                key={`${d.caseId}|${s.id}|memo`}
                cell={{ rowKind: 'case', rowKey: d.caseId, columnKind: 'memo', columnKey: s.id }}
                value={s.memo}
                label={`Memo: ${s.title}`}
                rows={2}
                placeholder="Memo on this section (printed after its quotations)…"
              />
            </section>
          ))}
        </article>
      )}
    </div>
  );
}

import { useState } from 'react';
import type { CaseStudyTemplate } from '../../../shared/api/analysis';
import type { Code } from '../../../shared/types';
import { api } from '../../api';
import { messageOf } from '../../store/project';
import { attempt } from '../common/attempt';
import { SectionFields } from './SectionFields';
import { cleaned, moveSection, newSectionId, problemOf, type FormProblem, type TemplateDraft } from './templateForm';

interface TemplateEditorProps {
  template: CaseStudyTemplate;
  templates: CaseStudyTemplate[];
  codes: readonly Code[];
  /** after a save or a delete: the template that now drives the draft (null: the default) */
  onDone: (templateId: string | null) => void;
  onClose: () => void;
}

/** Edits a case-study template: its name and its sections (title, description, codes, order); saved as a whole. */
export function TemplateEditor({ template, templates, codes, onDone, onClose }: TemplateEditorProps) {
  const [draft, setDraft] = useState<TemplateDraft>({ id: template.id, name: template.name, sections: template.sections });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  // a problem is about the form as it was: any edit clears it until the next save
  const set = (d: Partial<TemplateDraft>) => {
    setDraft((x) => ({ ...x, ...d }));
    setProblem(null);
  };
  const save = async (asNew: boolean) => {
    const found = problemOf(draft, templates, asNew);
    setProblem(found);
    if (found) return;
    const d = cleaned(draft);
    const r = await attempt(() => api['analysis.saveTemplate']({ id: asNew ? undefined : d.id, name: d.name, sections: d.sections }));
    if (!r.ok) return setProblem({ field: 'name', text: `Not saved: ${r.error}.` });
    onDone(r.ok.id);
  };
  const reset = async () => {
    const r = await api['analysis.defaultTemplate']({}).catch((e: unknown) => setProblem({ field: 'sections', text: messageOf(e) }));
    if (r) set({ sections: r.sections });
  };
  const remove = async () => {
    if (!draft.id) return;
    const r = await attempt(() => api['analysis.deleteTemplate']({ id: draft.id! }));
    if (!r.ok) return setProblem({ field: 'name', text: `Not deleted: ${r.error}.` });
    onDone(null);
  };
  return (
    <form
      className="template-editor"
      aria-label="Edit the case-study template"
      data-testid="template-editor"
      onSubmit={(e) => (e.preventDefault(), void save(false))}
    >
      <label>
        Template name{' '}
        <input
          aria-label="Template name"
          aria-invalid={problem?.field === 'name' || undefined}
          value={draft.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
        />
      </label>
      <p className="hint">Each section gathers the case&rsquo;s segments of its codes (with their sub-codes). The draft follows the template once saved.</p>
      {draft.sections.map((s, i) => (
        <SectionFields
          key={s.id}
          section={s}
          index={i}
          count={draft.sections.length}
          codes={codes}
          titleProblem={problem?.field === i}
          onChange={(next) => set({ sections: draft.sections.map((x, j) => (j === i ? next : x)) })}
          onMove={(by) => set({ sections: moveSection(draft.sections, i, by) })}
          onRemove={() => set({ sections: draft.sections.filter((_, j) => j !== i) })}
        />
      ))}
      <div className="view-toolbar">
        <button type="button" onClick={() => set({ sections: [...draft.sections, { id: newSectionId(), title: '', description: '', codeIds: [] }] })}>
          Add section
        </button>
        <button type="button" onClick={() => void reset()}>
          Reset to the six default sections
        </button>
      </div>
      {problem && (
        <p className="field-problem" role="alert" data-testid="template-problem">
          {problem.text}
        </p>
      )}
      <div className="view-toolbar">
        <button type="submit" className="primary">
          Save template
        </button>
        <button type="button" onClick={() => void save(true)}>
          Save as a new template
        </button>
        {!template.builtIn && (
          <button type="button" title="Undoable. Deleting the edited default brings back the six sections." onClick={() => void remove()}>
            Delete template
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}

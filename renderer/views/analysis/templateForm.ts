import type { CaseStudyTemplate, TemplateSection } from '../../../shared/api/analysis';

// The template editor's form as plain data: moving sections and saying, in the
// researcher's words, why a template cannot be saved yet.

export interface TemplateDraft {
  /** absent until first saved */
  id?: string;
  name: string;
  sections: TemplateSection[];
}

export interface FormProblem {
  /** which field to mark: the name, or a section's title by its index */
  field: 'name' | 'sections' | number;
  text: string;
}

export function problemOf(d: TemplateDraft, templates: readonly CaseStudyTemplate[], asNew: boolean): FormProblem | null {
  const name = d.name.trim();
  if (!name) return { field: 'name', text: 'Give the template a name.' };
  const clash = templates.find((t) => (asNew || t.id !== d.id) && t.name.toLowerCase() === name.toLowerCase());
  if (clash) return { field: 'name', text: `There is already a template called \u201c${clash.name}\u201d. Choose another name.` };
  if (!d.sections.length) return { field: 'sections', text: 'A template needs at least one section.' };
  const untitled = d.sections.findIndex((s) => !s.title.trim());
  if (untitled >= 0) return { field: untitled, text: `Section ${untitled + 1} needs a title.` };
  return null;
}

/** The sections with the one at `from` moved by `by` places (unchanged at either end). */
export function moveSection(sections: readonly TemplateSection[], from: number, by: -1 | 1): TemplateSection[] {
  const to = from + by;
  if (to < 0 || to >= sections.length) return [...sections];
  const out = [...sections];
  [out[from], out[to]] = [out[to], out[from]];
  return out;
}

/** A section id that stays the same when the section is renamed or moved: its summaries are filed under it. */
export function newSectionId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `section-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The draft as saved: names and titles trimmed. */
export function cleaned(d: TemplateDraft): TemplateDraft {
  return { ...d, name: d.name.trim(), sections: d.sections.map((s) => ({ ...s, title: s.title.trim(), description: s.description.trim() })) };
}

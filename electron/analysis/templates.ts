import type { CaseStudyTemplate, TemplateSection } from '../../shared/api/analysis';
import { InputError, NotFoundError } from '../../shared/errors';
import type { Code } from '../../shared/types';
import { currentCoder } from '../store/coders';
import { listCodes } from '../store/codes';
import type { Project } from '../store/db';
import { action } from '../store/history';
import { getSetting, setSetting } from '../store/settings';
import * as store from '../store/templates';

// Case-study templates. The default is the NSSP report's six sections, each mapped
// to its structural code (Case-study structure) and to the frame's matching
// branches; docs/analysis-template.md sets the mapping out for review. Codes are
// found by path in the project's own codebook, so a renamed or missing branch
// simply drops out of the section.

/** Fixed id, so the default saved in two coder copies is one template when merged. */
export const DEFAULT_TEMPLATE_ID = '5e0c7a1d-6b1f-4c47-9d0e-0a5e57d1e5c6';
export const DEFAULT_TEMPLATE_NAME = 'NSSP case study (six sections)';

const S = 'Case-study structure';
export const DEFAULT_SECTIONS: { id: string; title: string; description: string; paths: string[] }[] = [
  {
    id: 'background',
    title: 'School background and demographic information',
    description: 'The school, its community and pupils; the attribute table above.',
    paths: [`${S}/school background and demographic information`],
  },
  {
    id: 'development',
    title: 'Partnership development',
    description: 'Formation, support, training, leadership, policy alignment.',
    paths: [
      `${S}/partnership development`,
      'Momentum/Formation',
      'Momentum/Support and training',
      'Momentum/Leadership and management',
      'Momentum/Connection to school structures',
    ],
  },
  {
    id: 'practice',
    title: 'Partnership in practice',
    description: 'Objectives, communication, involvement, curriculum initiatives.',
    paths: [
      `${S}/partnership in practice`,
      'Momentum/Partnership objectives',
      'Momentum/Communication',
      'Momentum/Staff and student involvement',
      'Momentum/Curriculum initiatives',
    ],
  },
  {
    id: 'monitoring',
    title: 'Monitoring and evaluation',
    description: 'Internal and external monitoring; evidence of momentum.',
    paths: [`${S}/monitoring and evaluation`, 'Momentum/Evidence'],
  },
  {
    id: 'impact',
    title: 'Perceived impact',
    description: 'On students, teachers, leaders and the community.',
    paths: [`${S}/perceived impact`, 'Students', 'Teachers', 'Communities'],
  },
  {
    id: 'challenges',
    title: 'Challenges and opportunities',
    description: 'Improving the partnership; advice for schools.',
    paths: [`${S}/challenges and opportunities`, 'Momentum/Challenges'],
  },
];

export function defaultTemplate(codes: readonly Code[]): CaseStudyTemplate {
  const byPath = new Map(codes.map((c) => [c.path.toLowerCase(), c.id]));
  const sections = DEFAULT_SECTIONS.map((s) => ({
    id: s.id,
    title: s.title,
    description: s.description,
    codeIds: s.paths.map((path) => byPath.get(path.toLowerCase())).filter((x): x is string => !!x),
  }));
  return { id: DEFAULT_TEMPLATE_ID, name: DEFAULT_TEMPLATE_NAME, sections, builtIn: true };
}

function fromRow(r: store.TemplateRow): CaseStudyTemplate {
  return { id: r.id, name: r.name, sections: JSON.parse(r.sections) as TemplateSection[], builtIn: false };
}

/** Saved templates, and the built-in default unless it was saved (edited) already. */
export function listTemplates(p: Project): CaseStudyTemplate[] {
  const saved = store.liveTemplates(p).map(fromRow);
  return saved.some((t) => t.id === DEFAULT_TEMPLATE_ID) ? saved : [defaultTemplate(listCodes(p)), ...saved];
}

/** A template by id or name (ignoring case); the default when neither is given. */
export function findTemplate(p: Project, idOrName?: string): CaseStudyTemplate {
  const all = listTemplates(p);
  if (!idOrName) return all.find((t) => t.id === DEFAULT_TEMPLATE_ID) ?? all[0];
  const found = all.find((t) => t.id === idOrName || t.name.toLowerCase() === idOrName.trim().toLowerCase());
  if (!found) throw new NotFoundError(`no case-study template "${idOrName}" (templates: ${all.map((t) => t.name).join(', ')})`);
  return found;
}

export function saveTemplate(p: Project, t: { id?: string; name: string; sections: TemplateSection[] }): CaseStudyTemplate {
  const known = new Set(listCodes(p).map((c) => c.id));
  const ids = new Set<string>();
  for (const s of t.sections) {
    if (ids.has(s.id)) throw new InputError(`the template has two sections with the id "${s.id}"`);
    ids.add(s.id);
    const unknown = s.codeIds.find((c) => !known.has(c));
    if (unknown) throw new NotFoundError(`section "${s.title}": no code with id ${unknown}`);
  }
  const clash = listTemplates(p).find((x) => x.id !== t.id && x.name.toLowerCase() === t.name.trim().toLowerCase());
  if (clash) throw new InputError(`a template named "${clash.name}" already exists`);
  const coder = currentCoder(p);
  const id = t.id ?? p.newId();
  action(p, `Save template "${t.name.trim()}"`, () => store.upsertTemplate(p, { id, name: t.name.trim(), sections: JSON.stringify(t.sections) }, coder.id));
  return fromRow(store.getTemplateRow(p, id)!);
}

/** Deletes a saved template (one undo step); deleting the saved default brings back the built-in six sections. */
export function deleteTemplate(p: Project, id: string): CaseStudyTemplate[] {
  const row = store.getTemplateRow(p, id);
  if (!row) {
    if (id === DEFAULT_TEMPLATE_ID) throw new InputError('the default template is built in: edit it and save, or save a copy under another name');
    throw new NotFoundError(`no case-study template with id ${id}`);
  }
  const coder = currentCoder(p);
  action(p, id === DEFAULT_TEMPLATE_ID ? 'Reset the default template' : `Delete template "${row.name}"`, () => store.tombstoneTemplate(p, id, coder.id));
  return listTemplates(p);
}

/** The built-in default, for "reset to the six sections" even after the default was edited. */
export function builtInTemplate(p: Project): CaseStudyTemplate {
  return defaultTemplate(listCodes(p));
}

/** Settings key: the template the app's drafts follow, kept in the project so it survives a new browser port or computer. */
const CHOSEN = 'analysis.template';

/** The chosen template's id while it still exists; null means the default. */
export function chosenTemplate(p: Project): string | null {
  const id = getSetting(p, CHOSEN);
  return id && listTemplates(p).some((t) => t.id === id) ? id : null;
}

export function chooseTemplate(p: Project, id: string | null): string | null {
  if (id !== null && !listTemplates(p).some((t) => t.id === id)) throw new NotFoundError('that case-study template no longer exists; choose another');
  p.db.transaction(() => setSetting(p, CHOSEN, id ?? ''))();
  return id;
}

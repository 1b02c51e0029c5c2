import { describe, expect, it } from 'vitest';
import type { CaseStudyTemplate, TemplateSection } from '../../shared/api/analysis';
import { cleaned, moveSection, newSectionId, problemOf } from '../../renderer/views/analysis/templateForm';

const section = (id: string, title = id): TemplateSection => ({ id, title, description: '', codeIds: [] });
const templates: CaseStudyTemplate[] = [
  { id: 'default', name: 'NSSP case study (six sections)', sections: [section('impact')], builtIn: true },
  { id: 'short', name: 'Short', sections: [section('impact')], builtIn: false },
];

describe('the template form', () => {
  it('says why a template cannot be saved, in the order a researcher fixes it', () => {
    expect(problemOf({ id: 'short', name: '  ', sections: [] }, templates, false)).toEqual({ field: 'name', text: 'Give the template a name.' });
    expect(problemOf({ id: 'short', name: 'short ', sections: [section('a')] }, templates, false)).toBeNull();
    expect(problemOf({ id: 'short', name: 'short', sections: [section('a')] }, templates, true)?.text).toBe(
      'There is already a template called \u201cShort\u201d. Choose another name.',
    );
    expect(problemOf({ name: 'nssp CASE study (six sections)', sections: [section('a')] }, templates, false)?.field).toBe('name');
    expect(problemOf({ name: 'Mine', sections: [] }, templates, true)).toEqual({ field: 'sections', text: 'A template needs at least one section.' });
    expect(problemOf({ name: 'Mine', sections: [section('a'), section('b', ' ')] }, templates, true)).toEqual({ field: 1, text: 'Section 2 needs a title.' });
  });

  it('moves a section one place, not past either end, and trims what is saved', () => {
    const s = [section('a'), section('b'), section('c')];
    expect(moveSection(s, 2, -1).map((x) => x.id)).toEqual(['a', 'c', 'b']);
    expect(moveSection(s, 0, -1).map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(moveSection(s, 2, 1).map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(cleaned({ name: ' Mine ', sections: [{ ...section('a', ' Money '), description: ' cost ' }] })).toEqual({
      name: 'Mine',
      sections: [{ id: 'a', title: 'Money', description: 'cost', codeIds: [] }],
    });
    expect(newSectionId()).not.toBe(newSectionId());
  });
});

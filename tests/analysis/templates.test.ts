import { describe, expect, it } from 'vitest';
import {
  builtInTemplate,
  DEFAULT_TEMPLATE_ID,
  DEFAULT_TEMPLATE_NAME,
  deleteTemplate,
  findTemplate,
  listTemplates,
  saveTemplate,
} from '../../electron/analysis/templates';
import { resolveCodePath } from '../../electron/codebook/codebook';
import { enableHistory, undo } from '../../electron/store/history';
import { tempProject } from '../helpers/temp';

// Templates as the Case study tab edits them: the default edited in place and reset,
// a named copy saved, refused names, a template deleted and the deletion undone.

describe('case-study templates', () => {
  it('edit the default in place, reset it, save a named copy and delete it, undoably', () => {
    const p = tempProject({ codebook: 'nssp' });
    enableHistory(p);
    const def = findTemplate(p);
    expect(def.builtIn).toBe(true);
    const funding = resolveCodePath(p, 'Momentum/Challenges/funding').id;
    const email = resolveCodePath(p, 'Momentum/Communication/email').id;
    const added = { id: 'money', title: 'Money', description: 'What it cost', codeIds: [funding, email] };
    saveTemplate(p, { id: DEFAULT_TEMPLATE_ID, name: def.name, sections: [added, ...def.sections.slice(0, 2)] });
    // the edited default drives the draft from now on, and the built-in is no longer listed beside it
    expect(findTemplate(p).sections.map((s) => s.title)).toEqual(['Money', def.sections[0].title, def.sections[1].title]);
    expect(listTemplates(p).map((t) => [t.name, t.builtIn])).toEqual([[DEFAULT_TEMPLATE_NAME, false]]);
    // the six sections stay at hand for a reset
    expect(builtInTemplate(p).sections).toEqual(def.sections);

    expect(() => saveTemplate(p, { name: ` ${DEFAULT_TEMPLATE_NAME.toUpperCase()} `, sections: [added] })).toThrow(
      `a template named "${DEFAULT_TEMPLATE_NAME}" already exists`,
    );
    const short = saveTemplate(p, { name: 'Short', sections: [added] });
    expect(listTemplates(p).map((t) => t.name)).toEqual([DEFAULT_TEMPLATE_NAME, 'Short']);
    expect(deleteTemplate(p, short.id).map((t) => t.name)).toEqual([DEFAULT_TEMPLATE_NAME]);
    undo(p);
    expect(listTemplates(p).map((t) => t.name)).toEqual([DEFAULT_TEMPLATE_NAME, 'Short']);

    // deleting the saved default brings back the built-in six sections
    expect(deleteTemplate(p, DEFAULT_TEMPLATE_ID).map((t) => [t.name, t.builtIn, t.sections.length])).toEqual([
      [DEFAULT_TEMPLATE_NAME, true, 6],
      ['Short', false, 1],
    ]);
    expect(() => deleteTemplate(p, DEFAULT_TEMPLATE_ID)).toThrow('the default template is built in');
  });

  it('refuse a new template under the built-in default\u2019s name', () => {
    const p = tempProject({ codebook: 'nssp' });
    const s = findTemplate(p).sections[0];
    expect(() => saveTemplate(p, { name: DEFAULT_TEMPLATE_NAME, sections: [s] })).toThrow('already exists');
    expect(listTemplates(p)).toHaveLength(1);
  });
});

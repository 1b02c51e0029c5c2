import { describe, expect, it } from 'vitest';
import { saveSummary } from '../../electron/analysis/summaries';
import { createCase } from '../../electron/cases/cases';
import { resolveCodePath } from '../../electron/codebook/codebook';
import { asGuid } from '../../electron/formats/refi/guid';
import { exportProjectQdpx } from '../../electron/refi/refi';
import { schemaErrors, unzipText } from '../refi/helpers';
import { tempProject } from '../helpers/temp';

describe('summaries in REFI-QDA projects', () => {
  it('are exported as notes referenced from their code and linked to their case, valid against the schema', async () => {
    const p = tempProject();
    const school = createCase(p, 'Mbale Primary');
    const code = resolveCodePath(p, 'Students/Knowledge/global issues');
    const cell = saveSummary(p, { rowKind: 'case', rowKey: school.id, columnKind: 'code', columnKey: code.id }, 'Fair trade <& climate>.')!;
    const group = saveSummary(p, { rowKind: 'group', rowKey: 'continent=Africa', columnKind: 'memo', columnKey: '' }, 'African schools: letters.')!;
    const xml = unzipText(exportProjectQdpx(p).data)['project.qde'];
    expect(await schemaErrors(xml, 'project')).toEqual([]);
    const note = asGuid(cell.id);
    expect(xml).toContain(`<Note guid="${note}" name="Summary: Mbale Primary × global issues"`);
    expect(xml).toContain('Fair trade &lt;&amp; climate&gt;.');
    const codeXml = new RegExp(`<Code guid="${asGuid(code.id)}"[^>]*>[\\s\\S]*?</Code>`).exec(xml)![0];
    expect(codeXml).toContain(`<NoteRef targetGUID="${note}"/>`);
    expect(xml).toMatch(new RegExp(`<Link [^>]*originGUID="${note}" targetGUID="${asGuid(school.id)}"`));
    expect(xml).toContain(`name="Summary: continent=Africa × group summary"`);
    expect(xml).toContain(`<NoteRef targetGUID="${asGuid(group.id)}"/>`);
  });
});

import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createCode } from '../../electron/codebook/codebook';
import { exportProjectQdpx, renderCodebookQdc } from '../../electron/refi/refi';
import { InputError } from '../../shared/errors';
import { tempProject } from '../helpers/temp';
import { buildStudy } from '../reports/fixture';
import { schemaErrors, unzipText } from './helpers';

// Every project.qde and .qdc Fieldcode writes is checked by xmllint against the
// official REFI-QDA 1.0 schemas, including hostile content in names and memos.

describe('exports valid against the REFI-QDA schemas', () => {
  it('the NSSP codebook as QDC: nested codes, colours, structured descriptions', async () => {
    const p = tempProject();
    const r = renderCodebookQdc(p);
    const xml = strFromU8(r.data);
    expect(r.mime).toBe('application/xml');
    expect(r.fileName).toMatch(/codebook\.qdc$/);
    expect(r.rows).toBe(p.db.prepare('SELECT count(*) FROM codes WHERE deleted_at IS NULL').pluck().get() as number);
    expect(r.rows).toBeGreaterThan(20);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/);
    expect(xml).toContain('When to use:');
    expect(await schemaErrors(xml, 'codebook')).toEqual([]);
  });

  it('the NSSP project (no documents yet) as QDE', async () => {
    const p = tempProject();
    expect(await schemaErrors(unzipText(exportProjectQdpx(p).data)['project.qde'], 'project')).toEqual([]);
  });

  it('the coded study as QDE, and its codebook as QDC', async () => {
    const { p } = await buildStudy();
    expect(await schemaErrors(unzipText(exportProjectQdpx(p).data)['project.qde'], 'project')).toEqual([]);
    expect(await schemaErrors(strFromU8(renderCodebookQdc(p).data), 'codebook')).toEqual([]);
  });

  it('names and text with markup, quotes, control characters and line breaks stay valid and intact', async () => {
    const p = tempProject({ codebook: 'empty', name: 'A <b>"bold"</b> & \'odd\' project' });
    createCode(p, { name: 'Tags <x> & "y"', definition: 'Line 1\r\nLine 2\twith tab & <b>\u0001bell', colour: '#abcdef' });
    const xml = unzipText(exportProjectQdpx(p).data)['project.qde'];
    expect(await schemaErrors(xml, 'project')).toEqual([]);
    expect(xml).toContain('name="A &lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; \'odd\' project"');
    expect(xml).toContain('Line 1&#13;\nLine 2\twith tab &amp; &lt;b&gt;\uFFFDbell');
    expect(await schemaErrors(strFromU8(renderCodebookQdc(p).data), 'codebook')).toEqual([]);
  });

  it('refuses a QDC of an empty codebook (the schema needs a code)', () => {
    const p = tempProject({ codebook: 'empty' });
    expect(() => renderCodebookQdc(p)).toThrow(InputError);
    expect(() => renderCodebookQdc(p)).toThrow(/no codes/);
  });

  it('the schema check can fail: it rejects an empty <Codes/> and a bad GUID', async () => {
    expect(await schemaErrors('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>', 'codebook')).not.toEqual([]);
    expect(await schemaErrors('<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Users><User guid="not-a-guid"/></Users></Project>', 'project')).not.toEqual(
      [],
    );
  });
});

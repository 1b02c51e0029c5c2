import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importCodebookQdc, renderCodebookQdc } from '../../electron/refi/refi';
import { listCodes } from '../../electron/store/codes';
import { enableHistory, historyState, undo } from '../../electron/store/history';
import { tempProject } from '../helpers/temp';

// A .qdc's codes merged into an open project: matched by path ignoring case,
// colours and descriptions taken where the file has them, new codes added under
// their parents, all as one undoable step.

const enc = new TextEncoder();
const tree = (p: Parameters<typeof listCodes>[0]) =>
  listCodes(p).map((c) => ({ path: c.path, colour: c.colour, definition: c.definition, whenToUse: c.whenToUse, whenNotToUse: c.whenNotToUse }));

describe('importing a QDC codebook into a project', () => {
  it('brings the whole NSSP codebook into an empty project, identical in tree, colours and entries', async () => {
    const nssp = tempProject();
    const empty = tempProject({ codebook: 'empty' });
    const qdc = renderCodebookQdc(nssp);
    const r = await importCodebookQdc(empty, { name: 'nssp.qdc', bytes: qdc.data });
    expect(r).toEqual({ added: qdc.rows, updated: 0, unchanged: 0 });
    expect(tree(empty)).toEqual(tree(nssp));
    expect(listCodes(empty).map((c) => c.id)).toEqual(listCodes(nssp).map((c) => c.id));
  });

  it('changes nothing when a project takes back its own codebook', async () => {
    const p = tempProject();
    const before = tree(p);
    const qdc = renderCodebookQdc(p);
    expect(await importCodebookQdc(p, { name: 'own.qdc', bytes: qdc.data })).toEqual({ added: 0, updated: 0, unchanged: qdc.rows });
    expect(tree(p)).toEqual(before);
  });

  it('matches paths ignoring case, updates colour and entry, adds new codes under their parents, in one undo step', async () => {
    const p = tempProject({ codebook: 'empty' });
    enableHistory(p);
    await importCodebookQdc(p, {
      name: 'v1.qdc',
      bytes: enc.encode(`<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
        <Code guid="11111111-1111-4111-8111-111111111111" name="Teachers" isCodable="true" color="#0072B2">
          <Code guid="11111111-1111-4111-8111-111111111112" name="Skills" isCodable="true"><Description>Old definition</Description></Code>
        </Code></Codes></CodeBook>`),
    });
    const before = tree(p);
    const qdc = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Other tool"><Codes>
      <Code guid="aaaaaaaa-1111-4111-8111-111111111111" name="TEACHERS" isCodable="true" color="#0072b2">
        <Code guid="aaaaaaaa-1111-4111-8111-111111111112" name="skills" isCodable="true" color="#E69F00">
          <Description>Definition: New definition\nWhen to use: A skill is named\nWhen not to use: Knowledge</Description>
          <Code guid="11111111-1111-4111-8111-111111111111" name="ICT" isCodable="true"/>
        </Code>
        <Code guid="aaaaaaaa-1111-4111-8111-111111111113" name="Pedagogy / methods" isCodable="true"><Description>Ways of teaching</Description></Code>
      </Code></Codes></CodeBook>`;
    const r = await importCodebookQdc(p, { name: 'v2.qdc', bytes: enc.encode(qdc) });
    expect(r).toEqual({ added: 2, updated: 1, unchanged: 1 });
    const codes = listCodes(p);
    expect(tree(p)).toEqual([
      { path: 'Teachers', colour: '#0072B2', definition: '', whenToUse: '', whenNotToUse: '' },
      { path: 'Teachers/Skills', colour: '#E69F00', definition: 'New definition', whenToUse: 'A skill is named', whenNotToUse: 'Knowledge' },
      { path: 'Teachers/Skills/ICT', colour: '#E69F00', definition: '', whenToUse: '', whenNotToUse: '' },
      { path: 'Teachers/Pedagogy ∕ methods', colour: '#0072B2', definition: 'Ways of teaching', whenToUse: '', whenNotToUse: '' },
    ]);
    // The file's GUID for ICT is already a code of this project, so ICT gets a new id.
    expect(codes.find((c) => c.name === 'ICT')!.id).not.toBe('11111111-1111-4111-8111-111111111111');
    expect(codes.find((c) => c.name.startsWith('Pedagogy'))!.id).toBe('aaaaaaaa-1111-4111-8111-111111111113');
    expect(historyState(p).undo).toBe('Import codebook "v2.qdc"');
    undo(p);
    expect(tree(p)).toEqual(before);
  });

  it('a plain description updates only the definition, and an empty one changes nothing', async () => {
    const p = tempProject({ codebook: 'empty' });
    const head =
      '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="11111111-1111-4111-8111-111111111111" name="A" isCodable="true" color="#112233">';
    await importCodebookQdc(p, {
      name: 'a.qdc',
      bytes: enc.encode(`${head}<Description>Definition: d\nWhen to use: w</Description></Code></Codes></CodeBook>`),
    });
    expect(await importCodebookQdc(p, { name: 'b.qdc', bytes: enc.encode(`${head}</Code></Codes></CodeBook>`) })).toEqual({
      added: 0,
      updated: 0,
      unchanged: 1,
    });
    expect(await importCodebookQdc(p, { name: 'c.qdc', bytes: enc.encode(`${head}<Description>plain</Description></Code></Codes></CodeBook>`) })).toEqual({
      added: 0,
      updated: 1,
      unchanged: 0,
    });
    expect(tree(p)).toEqual([{ path: 'A', colour: '#112233', definition: 'plain', whenToUse: 'w', whenNotToUse: '' }]);
  });

  it('refuses bad files with one line naming them and changes nothing', async () => {
    const p = tempProject();
    const before = tree(p);
    const bad: [string, Uint8Array, RegExp][] = [
      ['empty.qdc', new Uint8Array(0), /^empty\.qdc: the file is empty$/],
      ['zip.qdc', Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]), /^zip\.qdc: not a REFI-QDA codebook \(a \.qdc is an XML file\)$/],
      ['html.qdc', enc.encode('<html/>'), /^html\.qdc: not a REFI-QDA codebook \(it starts with <html>/],
      ['broken.qdc', enc.encode('<CodeBook><Codes><Code name="x"></Codes></CodeBook>'), /^broken\.qdc: the codebook is not well-formed XML/],
    ];
    for (const [name, bytes, message] of bad) await expect(importCodebookQdc(p, { name, bytes })).rejects.toThrow(message);
    expect(tree(p)).toEqual(before);
    expect(strFromU8(renderCodebookQdc(p).data)).toContain('<Codes>');
  });
});

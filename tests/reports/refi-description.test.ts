import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packDescription, unpackDescription } from '../../electron/refi/description';

describe('structured code descriptions in REFI-QDA', () => {
  it('packs with labels and unpacks to the same fields', () => {
    const d = {
      definition: 'Teachers learn new skills through the partnership.\nIncludes ICT.',
      whenToUse: 'A teacher names a skill they learnt',
      whenNotToUse: 'Knowledge about the partner country',
      anchors: [{ quote: 'we learnt to plan lessons together', document: 'Interview - Headteacher, Mbale', note: 'clear case' }],
    };
    const packed = packDescription(d);
    expect(packed).toBe(
      'Definition: Teachers learn new skills through the partnership.\nIncludes ICT.\nWhen to use: A teacher names a skill they learnt\nWhen not to use: Knowledge about the partner country\nAnchor examples:\n- "we learnt to plan lessons together" (Interview - Headteacher, Mbale) — clear case',
    );
    expect(unpackDescription(packed)).toEqual(d);
  });

  it('keeps a bare definition bare, and reads another tool’s description as the definition', () => {
    expect(packDescription({ definition: 'Just this', whenToUse: '', whenNotToUse: '', anchors: [] })).toBe('Just this');
    expect(unpackDescription('Codes about weather: rain, sun')).toEqual({
      definition: 'Codes about weather: rain, sun',
      whenToUse: '',
      whenNotToUse: '',
      anchors: [],
    });
    expect(unpackDescription('when to use: always\nDEFINITION: x')).toMatchObject({ definition: 'x', whenToUse: 'always' });
  });

  it('round-trips any fields without labels inside them', () => {
    const field = fc
      .string({ maxLength: 40 })
      .map((s) => s.trim())
      .filter((s) => !/^(definition|when to use|when not to use|anchor examples):/im.test(s) && !s.includes('\r'));
    fc.assert(
      fc.property(field, field, field, (definition, whenToUse, whenNotToUse) => {
        const d = { definition, whenToUse, whenNotToUse, anchors: [] };
        const back = unpackDescription(packDescription(d));
        expect(back).toEqual({ ...d, definition: definition.trim(), whenToUse: whenToUse.trim(), whenNotToUse: whenNotToUse.trim() });
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directionOf, isMostlyRtl, isRtl } from '../../shared/text-direction';

describe('text direction', () => {
  it('takes a paragraph’s direction from its first strong letter', () => {
    expect(directionOf('ہم نے planning کی۔')).toBe('rtl');
    expect(directionOf('We planned کی بات')).toBe('ltr');
    expect(directionOf('12, 📚 — ہم')).toBe('rtl');
    expect(directionOf('12, 📚 — Ωmega')).toBe('ltr');
    expect(directionOf('שלום')).toBe('rtl');
    expect(directionOf('ܫܠܡܐ')).toBe('rtl');
    expect(directionOf('123 …')).toBe('ltr');
    expect(isRtl('ﻻ')).toBe(true);
  });

  it('calls a document right-to-left when most of its letters are', () => {
    expect(isMostlyRtl('ہم نے بچوں سے بات کی. OK')).toBe(true);
    expect(isMostlyRtl('We talked with the children. ہم')).toBe(false);
    expect(isMostlyRtl('1234')).toBe(false);
  });

  it('counts letters of every script, astral ones and lone surrogates as the per-character rule does', () => {
    const rtlLetter = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}]/u;
    const byCharacter = (text: string) => {
      let rtl = 0;
      let ltr = 0;
      for (const ch of text) {
        if (rtlLetter.test(ch)) rtl++;
        else if (/\p{L}/u.test(ch)) ltr++;
      }
      return rtl > ltr;
    };
    const pieces = ['a', 'Z', '@', '[', '`', '{', ' ', '1', 'ا', '٠', '،', 'ש', 'ﷲ', 'é', '中', '😀', '𝐀', '𞤀', '\uD800', '\uDC00', '\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        expect(isMostlyRtl(text)).toBe(byCharacter(text));
      }),
      { numRuns: 2000 },
    );
  });
});

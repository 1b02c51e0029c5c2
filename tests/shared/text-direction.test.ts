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
});

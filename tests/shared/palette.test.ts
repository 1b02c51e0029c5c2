import { describe, expect, it } from 'vitest';
import { shadeOf, shownColours } from '../../shared/codebooks/palette';

const code = (id: string, parentId: string | null, colour: string, sort: number) => ({ id, parentId, colour, sort, name: id });

describe('a colour for every code', () => {
  it('shows codes that kept their parent’s colour in distinct shades of it, and keeps chosen colours', () => {
    const codes = [
      code('teachers', null, '#0072B2', 0),
      ...['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => code(id, 'teachers', '#0072B2', i)),
      code('own', 'teachers', '#E69F00', 9),
    ];
    const shown = shownColours(codes);
    const kids = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => shown.get(id));
    expect(new Set(kids).size).toBe(6);
    expect(kids).not.toContain('#0072B2');
    expect(shown.get('teachers')).toBe('#0072B2');
    expect(shown.get('own')).toBe('#E69F00');
    for (const c of kids) expect(c).toMatch(/^#[0-9A-F]{6}$/);
  });

  it('keeps a shade in its branch’s hue family', () => {
    const hue = (hex: string) => {
      const n = parseInt(hex.slice(1), 16);
      const [r, g, b] = [(n >> 16) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
      const max = Math.max(r, g, b);
      const d = max - Math.min(r, g, b);
      const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      return h * 60;
    };
    for (let i = 1; i <= 6; i++) expect(Math.abs(hue(shadeOf('#0072B2', i)) - hue('#0072B2'))).toBeLessThanOrEqual(31);
  });
});

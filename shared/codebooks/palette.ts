// Colours for codes. A coder's highlight colours must stay tellable apart for the
// roughly one in twelve men with a colour-vision deficiency, so the list opens with
// the Okabe–Ito palette (in the order the NSSP branches use it) and continues with
// tones from Paul Tol's muted scheme that Okabe–Ito lacks. Black is left out: it
// hides the text it highlights. New codes take the next colour in turn.
export const CODE_PALETTE: string[] = [
  // Okabe–Ito
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#D55E00', // vermillion
  '#F0E442', // yellow
  // Paul Tol, muted
  '#332288', // indigo
  '#882255', // wine
  '#999933', // olive
  '#CC6677', // rose
  '#AA4499', // purple
  '#BBBBBB', // pale grey
];

// Codes of one branch share its colour family, but each code needs its own colour:
// overlapping sibling codes must be told apart. A code that kept its parent's colour
// is shown in a shade of it — hue turned a little and lightness stepped by its place
// among its siblings — so the family stays recognisable and no two siblings match.

function hsl(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h * 60, s, l];
}

function hex(h: number, s: number, l: number): string {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))));
  return `#${[f(0), f(8), f(4)].map((v) => v.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}

/** The i-th shade (0: the colour itself) of a branch colour: hue ±, lightness stepped, kept readable. */
export function shadeOf(colour: string, i: number): string {
  if (i === 0 || !/^#[0-9a-f]{6}$/i.test(colour)) return colour.toUpperCase();
  const [h, s, l] = hsl(colour);
  const step = Math.ceil(i / 2) * (i % 2 ? 1 : -1);
  const hue = (h + step * 10 + 360) % 360;
  const light = Math.min(0.72, Math.max(0.28, l + step * 0.08 * (l > 0.6 ? -1 : 1)));
  return hex(hue, Math.max(0.35, s), light);
}

/**
 * The colour each code is shown in: its own when the coder chose one, else (when it
 * has its parent's colour) a shade of the parent's shown colour by its place among
 * its siblings.
 */
export function shownColours(codes: readonly { id: string; parentId: string | null; colour: string; sort: number; name: string }[]): Map<string, string> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const kids = new Map<string, (typeof codes)[number][]>();
  for (const c of codes) kids.set(c.parentId ?? '', [...(kids.get(c.parentId ?? '') ?? []), c]);
  const shown = new Map<string, string>();
  const visit = (parentId: string) => {
    const list = (kids.get(parentId) ?? []).sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name));
    list.forEach((c, i) => {
      const parent = c.parentId ? byId.get(c.parentId) : undefined;
      const inherited = parent && parent.colour.toUpperCase() === c.colour.toUpperCase();
      shown.set(c.id, inherited ? shadeOf(shown.get(parent.id) ?? parent.colour, i + 1) : c.colour.toUpperCase());
      visit(c.id);
    });
  };
  visit('');
  return shown;
}

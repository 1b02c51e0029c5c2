import { CODE_PALETTE } from '../../../shared/codebooks/palette';
import { escapeXml } from './text';

// Horizontal grouped bar charts as SVG strings, inlined into HTML exports so the
// file stays self-contained and prints sharply. Series take the colour-blind-safe
// palette in turn; every bar carries its number, so colour is never the only cue.

export interface BarSeries {
  label: string;
  values: number[];
  colour?: string;
}

export interface BarChartSpec {
  title: string;
  /** one band of bars per category (e.g. per code) */
  categories: string[];
  /** one bar per series in each band (e.g. per group such as "UK-primary") */
  series: BarSeries[];
  /** appended to value labels, e.g. "%" */
  unit?: string;
}

const WIDTH = 760;
const LABEL_WIDTH = 240;
const BAR = 14;
const GAP = 3;
const BAND_GAP = 10;
const LEGEND_ROW = 18;

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function fmt(n: number, unit = ''): string {
  return `${Number.isInteger(n) ? n : n.toFixed(1)}${unit}`;
}

export function seriesColour(i: number, s?: BarSeries): string {
  return s?.colour && /^#[0-9a-f]{6}$/i.test(s.colour) ? s.colour : CODE_PALETTE[i % CODE_PALETTE.length];
}

export function barChartSvg(spec: BarChartSpec): string {
  const series = spec.series;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const plot = WIDTH - LABEL_WIDTH - 60;
  const legendRows = series.length > 1 ? Math.ceil(series.length / 4) : 0;
  const top = 28 + legendRows * LEGEND_ROW;
  const band = series.length * (BAR + GAP) - GAP;
  const height = top + spec.categories.length * (band + BAND_GAP) + 8;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeXml(spec.title)}" font-family="system-ui, sans-serif" font-size="11">`,
    `<title>${escapeXml(spec.title)}</title>`,
    `<text x="0" y="14" font-size="13" font-weight="600">${escapeXml(spec.title)}</text>`,
  ];
  if (legendRows) {
    series.forEach((s, i) => {
      const x = (i % 4) * (WIDTH / 4);
      const y = 24 + Math.floor(i / 4) * LEGEND_ROW;
      out.push(`<rect x="${x}" y="${y}" width="10" height="10" fill="${seriesColour(i, s)}"/>`);
      out.push(`<text x="${x + 14}" y="${y + 9}">${escapeXml(truncate(s.label, 28))}</text>`);
    });
  }
  spec.categories.forEach((cat, c) => {
    const y0 = top + c * (band + BAND_GAP);
    out.push(`<text x="${LABEL_WIDTH - 6}" y="${y0 + band / 2 + 4}" text-anchor="end"><title>${escapeXml(cat)}</title>${escapeXml(truncate(cat, 38))}</text>`);
    series.forEach((s, i) => {
      const v = s.values[c] ?? 0;
      const w = (v / max) * plot;
      const y = y0 + i * (BAR + GAP);
      out.push(
        `<rect x="${LABEL_WIDTH}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" fill="${seriesColour(i, s)}"><title>${escapeXml(`${cat} — ${s.label}: ${fmt(v, spec.unit)}`)}</title></rect>`,
      );
      out.push(`<text x="${(LABEL_WIDTH + w + 4).toFixed(1)}" y="${y + BAR - 3}">${fmt(v, spec.unit)}</text>`);
    });
  });
  out.push(`<line x1="${LABEL_WIDTH}" y1="${top - 4}" x2="${LABEL_WIDTH}" y2="${height - 6}" stroke="#666"/>`);
  out.push('</svg>');
  return out.join('');
}

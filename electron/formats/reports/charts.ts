import { BAR_FRAME, cutLabel, layoutBarChart } from '../../../shared/bar-chart';
import { CODE_PALETTE } from '../../../shared/codebooks/palette';
import { escapeXml } from './text';

// Horizontal grouped bar charts as SVG strings, inlined into HTML exports so the
// file stays self-contained and prints sharply. Series take the colour-blind-safe
// palette in turn; every bar carries its number, so colour is never the only cue.
// The geometry (ticks, negative values, "n/a", cut labels) is shared/bar-chart.ts,
// the same as the app's Reports view.

export interface BarSeries {
  label: string;
  /** null: no value for that category, drawn as "n/a" */
  values: (number | null)[];
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
  /** the axis range; by default from min(0, values) to max(1, values) */
  domain?: [number, number];
}

const WIDTH = BAR_FRAME.width;
const LEGEND_ROW = 18;

function fmt(n: number, unit = ''): string {
  return `${Number.isInteger(n) ? n : n.toFixed(1)}${unit}`;
}

export function seriesColour(i: number, s?: BarSeries): string {
  return s?.colour && /^#[0-9a-f]{6}$/i.test(s.colour) ? s.colour : CODE_PALETTE[i % CODE_PALETTE.length];
}

export function barChartSvg(spec: BarChartSpec): string {
  const series = spec.series;
  const legendRows = series.length > 1 ? Math.ceil(series.length / 4) : 0;
  // Title, legend rows, then a line for the tick labels above the first band.
  const chart = layoutBarChart(spec, { top: 24 + legendRows * LEGEND_ROW + 18 });
  const { height, top, labelWidth } = chart;
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
      out.push(`<text x="${x + 14}" y="${y + 9}">${escapeXml(cutLabel(s.label, 28))}</text>`);
    });
  }
  for (const t of chart.ticks) {
    const stroke = t.value === 0 ? '#666' : '#ddd';
    out.push(`<line x1="${t.x.toFixed(1)}" y1="${top - 4}" x2="${t.x.toFixed(1)}" y2="${height - 4}" stroke="${stroke}"/>`);
    out.push(`<text x="${t.x.toFixed(1)}" y="${top - 8}" text-anchor="middle" fill="#444">${fmt(t.value, spec.unit)}</text>`);
  }
  for (const b of chart.bands) {
    out.push(`<text x="${labelWidth - 8}" y="${b.labelY}" text-anchor="end"><title>${escapeXml(b.label)}</title>${escapeXml(b.shortLabel)}</text>`);
    for (const bar of b.bars) {
      const s = series[bar.series];
      if (bar.value === null) {
        out.push(`<text x="${bar.valueX.toFixed(1)}" y="${bar.valueY}" fill="#444">n/a</text>`);
        continue;
      }
      out.push(
        `<rect x="${bar.x.toFixed(1)}" y="${bar.y}" width="${bar.width.toFixed(1)}" height="${bar.height}" fill="${seriesColour(bar.series, s)}"><title>${escapeXml(`${b.label} — ${s.label}: ${fmt(bar.value, spec.unit)}`)}</title></rect>`,
      );
      out.push(`<text x="${bar.valueX.toFixed(1)}" y="${bar.valueY}">${fmt(bar.value, spec.unit)}</text>`);
    }
  }
  out.push('</svg>');
  return out.join('');
}

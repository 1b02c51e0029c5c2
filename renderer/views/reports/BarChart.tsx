import { CODE_PALETTE } from '../../../shared/codebooks/palette';

// A horizontal grouped bar chart in SVG, the in-app twin of the HTML export's
// chart: one band per category (a code), one bar per series (a group of cases, a
// coder), every bar labelled with its number so colour is never the only cue.
// Values below zero (agreement coefficients) grow left of a zero line.

export interface BarChartProps {
  title: string;
  categories: string[];
  series: { label: string; values: (number | null)[] }[];
  unit?: string;
  /** the axis range; by default from min(0, values) to the largest value */
  domain?: [number, number];
  /** dashed vertical lines, e.g. an agreement threshold */
  references?: { value: number; label: string }[];
  format?: (n: number) => string;
}

const WIDTH = 800;
const LABEL = 250;
const RIGHT = 56;
const TOP = 22;
const BAR = 13;
const GAP = 2;
const BAND_GAP = 12;

export function plainNumber(n: number, unit = ''): string {
  return `${Number.isInteger(n) ? n.toLocaleString() : n.toFixed(1)}${unit}`;
}

/** Round tick values ("nice numbers": steps of 1, 2 or 5 × 10^k). */
export function ticks(min: number, max: number, count = 5): number[] {
  const span = max - min || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Math.round(v / step) * step);
  return out;
}

function shorten(text: string, max = 36): string {
  return text.length > max ? `…${text.slice(text.length - max + 1)}` : text;
}

export function BarChart({ title, categories, series, unit = '', domain, references = [], format }: BarChartProps) {
  const show = format ?? ((n: number) => plainNumber(n, unit));
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const lo = domain?.[0] ?? Math.min(0, ...all);
  const hi = domain?.[1] ?? Math.max(1, ...all);
  const plot = WIDTH - LABEL - RIGHT;
  const x = (v: number) => LABEL + ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo || 1)) * plot;
  const band = series.length * (BAR + GAP) - GAP;
  const height = TOP + categories.length * (band + BAND_GAP) + 4;
  const colour = (i: number) => CODE_PALETTE[i % CODE_PALETTE.length];
  return (
    <figure className="reports-chart">
      <figcaption>{title}</figcaption>
      {series.length > 1 && (
        <ul className="reports-legend" aria-label="Legend">
          {series.map((s, i) => (
            <li key={s.label}>
              <span className="swatch" style={{ background: colour(i) }} /> {s.label}
            </li>
          ))}
        </ul>
      )}
      <svg className="reports-svg" width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
        {ticks(lo, hi).map((t) => (
          <g key={t} className="reports-tick">
            <line x1={x(t)} x2={x(t)} y1={TOP - 4} y2={height - 4} className={t === 0 ? 'reports-zero' : undefined} />
            <text x={x(t)} y={TOP - 8} textAnchor="middle">
              {show(t)}
            </text>
          </g>
        ))}
        {references.map((r) => (
          <g key={r.label} className="reports-reference">
            <line x1={x(r.value)} x2={x(r.value)} y1={TOP - 4} y2={height - 4} />
            <text x={x(r.value) + 3} y={height - 6}>
              {r.label}
            </text>
          </g>
        ))}
        {categories.map((cat, c) => {
          const y0 = TOP + c * (band + BAND_GAP);
          return (
            <g key={cat}>
              <text className="reports-category" x={LABEL - 8} y={y0 + band / 2 + 4} textAnchor="end">
                <title>{cat}</title>
                {shorten(cat)}
              </text>
              {series.map((s, i) => {
                const v = s.values[c] ?? null;
                const y = y0 + i * (BAR + GAP);
                if (v === null) {
                  return (
                    <text key={s.label} className="reports-value" x={x(0) + 4} y={y + BAR - 3}>
                      n/a
                    </text>
                  );
                }
                const left = Math.min(x(0), x(v));
                return (
                  <g key={s.label}>
                    <rect x={left} y={y} width={Math.max(Math.abs(x(v) - x(0)), v === 0 ? 0 : 1)} height={BAR} rx={2} fill={colour(i)}>
                      <title>{`${cat} — ${s.label}: ${show(v)}`}</title>
                    </rect>
                    <text className="reports-value" x={Math.max(x(0), x(v)) + 4} y={y + BAR - 3}>
                      {show(v)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

import { layoutBarChart } from '../../../shared/bar-chart';
import { CODE_PALETTE } from '../../../shared/codebooks/palette';

// A horizontal grouped bar chart in SVG, the in-app twin of the HTML export's
// chart: one band per category (a code), one bar per series (a group of cases, a
// coder), every bar labelled with its number so colour is never the only cue.
// The geometry (ticks, negative values, "n/a", cut labels) is shared/bar-chart.ts.

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

export function plainNumber(n: number, unit = ''): string {
  return `${Number.isInteger(n) ? n.toLocaleString() : n.toFixed(1)}${unit}`;
}

export function BarChart({ title, categories, series, unit = '', domain, references = [], format }: BarChartProps) {
  const show = format ?? ((n: number) => plainNumber(n, unit));
  const chart = layoutBarChart({ categories, series, domain, references });
  const { width, height, top } = chart;
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
      <svg className="reports-svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        {chart.ticks.map((t) => (
          <g key={t.value} className="reports-tick">
            <line x1={t.x} x2={t.x} y1={top - 4} y2={height - 4} className={t.value === 0 ? 'reports-zero' : undefined} />
            <text x={t.x} y={top - 8} textAnchor="middle">
              {show(t.value)}
            </text>
          </g>
        ))}
        {chart.references.map((r) => (
          <g key={r.label} className="reports-reference">
            <line x1={r.x} x2={r.x} y1={top - 4} y2={height - 4} />
            <text x={r.x + 3} y={height - 6}>
              {r.label}
            </text>
          </g>
        ))}
        {chart.bands.map((b) => (
          <g key={b.label}>
            <text className="reports-category" x={chart.labelWidth - 8} y={b.labelY} textAnchor="end">
              <title>{b.label}</title>
              {b.shortLabel}
            </text>
            {b.bars.map((bar) => {
              const s = series[bar.series];
              if (bar.value === null) {
                return (
                  <text key={s.label} className="reports-value" x={bar.valueX} y={bar.valueY}>
                    n/a
                  </text>
                );
              }
              return (
                <g key={s.label}>
                  <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} rx={2} fill={colour(bar.series)}>
                    <title>{`${b.label} — ${s.label}: ${show(bar.value)}`}</title>
                  </rect>
                  <text className="reports-value" x={bar.valueX} y={bar.valueY}>
                    {show(bar.value)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </figure>
  );
}

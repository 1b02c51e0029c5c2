// The geometry of a horizontal grouped bar chart, shared by the app (Reports view)
// and the HTML exports, so both draw the same thing: one band per category (a code),
// one bar per series (a group of cases, a coder), round axis ticks, values below zero
// (a negative kappa) growing left of a zero line, "n/a" where a value is undefined,
// and long labels cut the same way. Pure numbers and strings: each side only draws.

export interface BarChartData {
  categories: string[];
  /** null or a missing entry: no value (drawn as "n/a", never as a zero bar) */
  series: { label: string; values: (number | null | undefined)[] }[];
  /** the axis range; by default from min(0, values) to max(1, values) */
  domain?: [number, number];
  /** dashed vertical lines, e.g. an agreement threshold */
  references?: { value: number; label: string }[];
}

export interface ChartFrame {
  width: number;
  /** room left of the plot for category labels */
  labelWidth: number;
  /** room right of the plot for the last bar's number */
  right: number;
  /** y of the first band (tick labels sit just above it) */
  top: number;
}

export interface BarBox {
  series: number;
  /** null: no value, drawn as "n/a" at valueX */
  value: number | null;
  x: number;
  y: number;
  width: number;
  height: number;
  /** where the bar's number (or "n/a") starts, and its baseline */
  valueX: number;
  valueY: number;
}

export interface BarLayout {
  width: number;
  height: number;
  top: number;
  labelWidth: number;
  /** x of the zero line */
  zero: number;
  ticks: { value: number; x: number }[];
  references: { value: number; label: string; x: number }[];
  bands: { label: string; shortLabel: string; labelY: number; bars: BarBox[] }[];
}

export const BAR_FRAME: ChartFrame = { width: 800, labelWidth: 250, right: 56, top: 22 };
const BAR = 13;
const GAP = 2;
const BAND_GAP = 12;
export const LABEL_MAX = 36;

/** A long label keeps its end, where a code path names the code itself ("…Skills › Listening"). */
export function cutLabel(text: string, max = LABEL_MAX): string {
  return text.length > max ? `…${text.slice(text.length - max + 1)}` : text;
}

/** Round tick values ("nice numbers": steps of 1, 2 or 5 × 10^k) from min to max. */
export function ticks(min: number, max: number, count = 5): number[] {
  const span = max - min || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  // Whole multiples of the step, rounded to 12 digits so 3 × 0.2 reads 0.6 (and never -0).
  for (let k = Math.ceil(min / step - 1e-9); k <= Math.floor(max / step + 1e-9); k++) out.push(Number((k * step).toPrecision(12)) || 0);
  return out;
}

export function layoutBarChart(data: BarChartData, frame: Partial<ChartFrame> = {}): BarLayout {
  const { width, labelWidth, right, top } = { ...BAR_FRAME, ...frame };
  const known = data.series.flatMap((s) => s.values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)));
  const lo = data.domain?.[0] ?? Math.min(0, ...known);
  const hi = data.domain?.[1] ?? Math.max(1, ...known);
  const plot = width - labelWidth - right;
  const x = (v: number) => labelWidth + ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo || 1)) * plot;
  const zero = x(0);
  const band = data.series.length * (BAR + GAP) - GAP;
  const height = top + data.categories.length * (band + BAND_GAP) + 4;
  const bands = data.categories.map((label, c) => {
    const y0 = top + c * (band + BAND_GAP);
    const bars = data.series.map((s, i): BarBox => {
      const raw = s.values[c];
      const value = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
      const y = y0 + i * (BAR + GAP);
      if (value === null) return { series: i, value, x: zero, y, width: 0, height: BAR, valueX: zero + 4, valueY: y + BAR - 3 };
      const end = x(value);
      // A value too small to see still shows a sliver, so it is not mistaken for zero.
      const w = Math.max(Math.abs(end - zero), value === 0 ? 0 : 1);
      return { series: i, value, x: Math.min(zero, end), y, width: w, height: BAR, valueX: Math.max(zero, end) + 4, valueY: y + BAR - 3 };
    });
    return { label, shortLabel: cutLabel(label), labelY: y0 + band / 2 + 4, bars };
  });
  return {
    width,
    height,
    top,
    labelWidth,
    zero,
    ticks: ticks(lo, hi).map((value) => ({ value, x: x(value) })),
    references: (data.references ?? []).map((r) => ({ ...r, x: x(r.value) })),
    bands,
  };
}

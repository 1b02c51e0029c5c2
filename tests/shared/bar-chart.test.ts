import { describe, expect, it } from 'vitest';
import { BAR_FRAME, cutLabel, layoutBarChart, ticks } from '../../shared/bar-chart';

// The one bar-chart geometry the app and the HTML exports both draw.

const plotEnd = BAR_FRAME.width - BAR_FRAME.right;

describe('bar chart layout', () => {
  it('puts bars from the zero line, in proportion, one band per category and one bar per series', () => {
    const c = layoutBarChart({
      categories: ['Trade', 'Aid'],
      series: [
        { label: 'UK', values: [10, 5] },
        { label: 'Kenya', values: [2.5, 0] },
      ],
    });
    expect(c.zero).toBe(BAR_FRAME.labelWidth);
    expect(c.bands.map((b) => b.bars.length)).toEqual([2, 2]);
    const [[uk, kenya], [ukAid, kenyaAid]] = c.bands.map((b) => b.bars);
    expect(uk.x).toBe(c.zero);
    expect(uk.x + uk.width).toBe(plotEnd);
    expect(ukAid.width).toBeCloseTo(uk.width / 2);
    expect(kenya.width).toBeCloseTo(uk.width / 4);
    expect(kenyaAid.width).toBe(0);
    expect(kenya.y).toBeGreaterThan(uk.y);
    expect(ukAid.y).toBeGreaterThan(kenya.y);
    expect(uk.valueX).toBeGreaterThan(uk.x + uk.width);
    expect(c.height).toBeGreaterThan(kenyaAid.y + kenyaAid.height);
  });

  it('draws a negative kappa left of the zero line, with zero on the axis', () => {
    const c = layoutBarChart({ categories: ['Trade', 'Aid'], series: [{ label: 'κ', values: [-0.2, 0.8] }] });
    const [neg, pos] = c.bands.map((b) => b.bars[0]);
    expect(c.zero).toBeGreaterThan(BAR_FRAME.labelWidth);
    expect(neg.x).toBe(BAR_FRAME.labelWidth);
    expect(neg.x + neg.width).toBeCloseTo(c.zero);
    expect(pos.x).toBe(c.zero);
    expect(pos.width).toBeCloseTo(neg.width * 4);
    expect(neg.valueX).toBe(c.zero + 4);
    expect(c.ticks.map((t) => t.value)).toContain(0);
    expect(c.ticks.find((t) => t.value === 0)?.x).toBeCloseTo(c.zero);
  });

  it('marks an undefined value "n/a" (no bar), not as zero, and leaves it out of the scale', () => {
    const c = layoutBarChart({ categories: ['Trade', 'Aid'], series: [{ label: 'κ', values: [null, 0.5] }] });
    const [none, half] = c.bands.map((b) => b.bars[0]);
    expect(none).toMatchObject({ value: null, width: 0 });
    expect(half.value).toBe(0.5);
    // The scale runs 0..1 by default, so half a unit is half the plot.
    expect(half.width).toBeCloseTo((plotEnd - c.zero) / 2);
    const missing = layoutBarChart({ categories: ['A', 'B'], series: [{ label: 's', values: [3] }] });
    expect(missing.bands[1].bars[0].value).toBeNull();
  });

  it('keeps values within a given domain and places references on the axis', () => {
    const c = layoutBarChart({ categories: ['A'], series: [{ label: 's', values: [2] }], domain: [-1, 1], references: [{ value: 0.8, label: 'good' }] });
    const bar = c.bands[0].bars[0];
    expect(bar.x + bar.width).toBeCloseTo(plotEnd);
    expect(c.references[0].x).toBeCloseTo(c.zero + 0.8 * (plotEnd - c.zero));
  });

  it('gives round ticks covering the range', () => {
    expect(ticks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(ticks(-0.2, 1)).toEqual([0, 0.5, 1]);
    expect(ticks(-1, 0)).toEqual([-1, -0.8, -0.6, -0.4, -0.2, 0]);
    expect(ticks(0, 7)).toEqual([0, 2, 4, 6]);
    expect(ticks(-1, 0).some((t) => Object.is(t, -0))).toBe(false);
  });

  it('cuts long labels the same way everywhere, keeping their end', () => {
    const long = 'Partnership › Curriculum and teaching › Global citizenship education';
    const cut = cutLabel(long);
    expect(cut.length).toBe(36);
    expect(cut.startsWith('…')).toBe(true);
    expect(long.endsWith(cut.slice(1))).toBe(true);
    expect(cutLabel('Trade')).toBe('Trade');
    const c = layoutBarChart({ categories: [long], series: [{ label: 's', values: [1] }] });
    expect(c.bands[0]).toMatchObject({ label: long, shortLabel: cut });
  });
});

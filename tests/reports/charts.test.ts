import { describe, expect, it } from 'vitest';
import { barChartSvg } from '../../electron/formats/reports/charts';
import { cutLabel, layoutBarChart } from '../../shared/bar-chart';

// The HTML export draws the shared layout: negative values, "n/a", ticks, cut labels.

describe('bar chart in HTML exports', () => {
  it('draws a negative kappa left of zero, "n/a" for no value, axis ticks and the app’s cut labels', () => {
    const long = 'Partnership › Curriculum and teaching › Global citizenship education';
    const spec = { title: 'Agreement', categories: [long, 'Aid'], series: [{ label: 'κ', values: [-0.2, null] }], domain: [-1, 1] as [number, number] };
    const svg = barChartSvg(spec);
    const layout = layoutBarChart(spec, { top: 42 });
    const bar = layout.bands[0].bars[0];
    expect(bar.x + bar.width).toBeCloseTo(layout.zero);
    expect(svg).toContain(`<rect x="${bar.x.toFixed(1)}" y="${bar.y}" width="${bar.width.toFixed(1)}"`);
    expect(svg).toContain(`: -0.2</title>`);
    expect(svg).toMatch(/>n\/a</);
    for (const t of ['-1', '-0.5', '0', '0.5', '1']) expect(svg).toContain(`text-anchor="middle" fill="#444">${t}</text>`);
    expect(svg).toContain(`>${cutLabel(long)}</text>`);
    expect(svg).not.toContain('NaN');
  });
});

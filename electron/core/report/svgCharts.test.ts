import { describe, expect, it } from 'vitest';
import { countTicks, svgBarChart } from './svgBarChart';
import { svgLineChart, type LineSeries } from './svgLineChart';
import { assertWellFormed } from '../../../test/support/xmlCheck';

const lineOptions = { title: 'Mean rating', xLabel: 'temperature', yLabel: 'rating', yDomain: [1, 5] as [number, number], yTicks: [1, 2, 3, 4, 5] };

/** The attribute values of every element `tag` in the markup. */
function elements(markup: string, tag: string): Record<string, string>[] {
  return [...markup.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))].map((match) =>
    Object.fromEntries([...(match[1] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)].map((attr) => [attr[1], attr[2]])),
  );
}

describe('svgLineChart', () => {
  it('is well-formed and says so when there is nothing to draw', () => {
    for (const series of [[], [{ name: 'm', points: [{ x: 0, y: null }] }]] as LineSeries[][]) {
      const markup = svgLineChart(series, { ...lineOptions, emptyText: 'No ratings yet' }).text;
      assertWellFormed(markup);
      expect(markup).toContain('No ratings yet');
      expect(elements(markup, 'circle')).toEqual([]);
    }
  });

  it('draws a line per series with a point per value, breaking the line where a value is missing', () => {
    const markup = svgLineChart(
      [
        { name: 'openai/a', points: [{ x: 0, y: 4 }, { x: 0.7, y: null }, { x: 1, y: 2 }, { x: 2, y: 3 }] },
        { name: 'ollama/b', points: [{ x: 0, y: 5 }, { x: 2, y: 1 }], dashed: true },
      ],
      lineOptions,
    ).text;
    assertWellFormed(markup);
    const lines = elements(markup, 'path').filter((path) => path.class === 'line');
    expect(lines).toHaveLength(2);
    // Two pieces: before and after the missing value.
    expect(lines[0]?.d?.match(/M/g)).toHaveLength(2);
    expect(lines[1]?.['stroke-dasharray']).toBe('6 4');
    expect(elements(markup, 'circle')).toHaveLength(5);
    // Four temperatures on the x axis, five ratings on the y axis.
    expect([...markup.matchAll(/<text class="tick"[^>]*>([^<]*)</g)].map((match) => match[1])).toEqual(['1', '2', '3', '4', '5', '0', '0.7', '1', '2']);
    expect(markup).not.toContain('No data yet');
  });

  it('maps higher values higher up and keeps intervals inside the plot', () => {
    const markup = svgLineChart([{ name: 'm', points: [{ x: 0, y: 5, low: 4, high: 6.5 }, { x: 1, y: 1, low: null, high: null }] }], lineOptions).text;
    const [high, low] = elements(markup, 'circle').map((circle) => Number(circle.cy));
    expect(high).toBeLessThan(low as number);
    const intervals = elements(markup, 'path').filter((path) => path.class === 'interval');
    expect(intervals).toHaveLength(1);
    // Clamped at 5, the top of the domain: the bar starts where the point is.
    expect(intervals[0]?.d).toMatch(new RegExp(`^M[\\d.]+ ${high}V`));
  });

  it('escapes series names and titles', () => {
    const markup = svgLineChart([{ name: 'evil/<script>alert(1)</script>', points: [{ x: 0, y: 3 }] }], { ...lineOptions, title: 'A & B' }).text;
    assertWellFormed(markup);
    expect(markup).not.toContain('<script');
    expect(markup).toContain('evil/&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markup).toContain('aria-label="A &amp; B"');
  });
});

describe('svgBarChart', () => {
  const ratings = (values: number[]) => values.map((value, index) => ({ label: `★${index + 1}`, values: [value] }));

  it('is well-formed with no bars when every count is zero', () => {
    const markup = svgBarChart(ratings([0, 0, 0, 0, 0]), { title: 'Ratings', xLabel: 'rating', yLabel: 'samples', series: ['run'], emptyText: 'No ratings yet' }).text;
    assertWellFormed(markup);
    expect(markup).toContain('No ratings yet');
    expect(elements(markup, 'rect')).toEqual([]);
  });

  it('draws bars as tall as their counts, labelled, and groups two series side by side with a legend', () => {
    const single = svgBarChart(ratings([0, 2, 4, 8, 1]), { title: 'Ratings', xLabel: 'rating', yLabel: 'samples', series: ['run'] }).text;
    assertWellFormed(single);
    const bars = elements(single, 'rect');
    expect(bars).toHaveLength(5);
    const heights = bars.map((bar) => Number(bar.height));
    expect(heights[0]).toBe(0);
    expect(heights[3]).toBeCloseTo((heights[2] as number) * 2, 0);
    expect([...single.matchAll(/<text class="value"[^>]*>(\d+)</g)].map((match) => match[1])).toEqual(['2', '4', '8', '1']);
    expect(single).not.toContain('class="legend"');

    const paired = svgBarChart([{ label: '★1', values: [1, 3] }], { title: 'Ratings', xLabel: 'rating', yLabel: 'samples', series: ['A', 'B'] }).text;
    assertWellFormed(paired);
    const [a, b] = elements(paired, 'rect');
    expect(Number(a?.x)).toBeLessThan(Number(b?.x));
    expect(a?.fill).not.toBe(b?.fill);
    expect(paired).toContain('class="legend"');
  });

  it('puts ticks at round steps covering the largest count', () => {
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(40)).toEqual([0, 10, 20, 30, 40]);
    expect(countTicks(41)).toEqual([0, 20, 40, 60]);
  });
});

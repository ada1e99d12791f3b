import { describe, expect, it } from 'vitest';
import { chartFileName, escapeXml, layoutLegend, standaloneSvg } from './standaloneSvg';

const base = {
  title: 'Mean rating by temperature',
  legend: [],
  body: '<g><path d="M0 0L10 10" stroke="rgb(91, 91, 214)"/></g>',
  width: 400,
  height: 240,
  background: 'rgb(255, 255, 255)',
  text: 'rgb(24, 24, 27)',
  muted: 'rgb(82, 82, 91)',
  fontFamily: `"Inter", system-ui, sans-serif`,
};

describe('standaloneSvg', () => {
  it('is one SVG document with a background, the title and the chart below the header', () => {
    const svg = standaloneSvg(base);
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="284" viewBox="0 0 400 284"');
    expect(svg).toContain('fill="rgb(255, 255, 255)"');
    expect(svg).toContain('>Mean rating by temperature</text>');
    expect(svg).toContain(`<g transform="translate(0 44)">${base.body}</g>`);
    expect(svg).toContain('font-family="&quot;Inter&quot;, system-ui, sans-serif"');
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });

  it('draws the legend in the header, escaped', () => {
    const svg = standaloneSvg({ ...base, legend: [{ label: 'openai/<gpt> & co', colour: 'rgb(1, 2, 3)' }] });
    expect(svg).toContain('fill="rgb(1, 2, 3)"');
    expect(svg).toContain('>openai/&lt;gpt&gt; &amp; co</text>');
    expect(svg).toContain('height="304"');
  });
});

describe('layoutLegend', () => {
  it('wraps entries that would pass the width onto the next row', () => {
    const legend = Array.from({ length: 6 }, (_, index) => ({ label: `ollama/model-number-${index}`, colour: 'red' }));
    const { entries, rows } = layoutLegend(legend, 400);
    expect(rows).toBeGreaterThan(1);
    expect(entries[0]).toMatchObject({ x: 16, row: 0 });
    for (const entry of entries) expect(entry.x + 10 + 6 + entry.label.length * 6.8).toBeLessThanOrEqual(400 - 16 + 0.001);
  });

  it('takes no room without entries', () => {
    expect(layoutLegend([], 400)).toEqual({ entries: [], rows: 0 });
  });
});

describe('helpers', () => {
  it('escapes the five XML characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  it('names files after the chart', () => {
    expect(chartFileName('Mean rating by temperature', 'svg')).toBe('mean-rating-by-temperature.svg');
    expect(chartFileName('Length (characters) per cell', 'png')).toBe('length-characters-per-cell.png');
    expect(chartFileName('…', 'png')).toBe('chart.png');
  });
});

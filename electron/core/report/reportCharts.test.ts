import { describe, expect, it } from 'vitest';
import type { RunDetail } from '../../../shared/runs';
import { makeSample, makeSummary } from '../../../test/support/varianceFixtures';
import { consistencyChart } from './reportCharts';
import { reportRun } from './reportRun';

function run(outputs: Record<string, string[]>): RunDetail {
  const samples = Object.entries(outputs).flatMap(([caseName, texts]) => texts.map((output) => makeSample({ temperature: 0, case: caseName, output })));
  const summary = makeSummary(samples);
  return { summary, request: { prompt: 'p', models: summary.models, temperatures: [0], samples: 2, seedMode: 'none', seed: 42, stream: true }, output: null, samples, ratings: [] };
}

const intervals = (markup: string) => [...markup.matchAll(/<path\b[^>]*class="interval"/g)].length;

describe('consistencyChart', () => {
  it('draws the 95% interval of the mean over the cases, as the rating chart does', () => {
    // One case always says the same, the other never: consistency 1 and 0, an interval between.
    const chart = consistencyChart([{ run: reportRun(run({ a: ['x', 'x'], b: ['x', 'y'] }), null), label: null }]).text;
    expect(chart).toContain('95% interval');
    expect(intervals(chart)).toBe(1);
  });

  it('draws no interval over a single cell', () => {
    expect(intervals(consistencyChart([{ run: reportRun(run({ a: ['x', 'y'] }), null), label: null }]).text)).toBe(0);
  });
});

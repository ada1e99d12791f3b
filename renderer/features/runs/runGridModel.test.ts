import { describe, expect, it } from 'vitest';
import { makeOk, makeSample } from '../../api/runFixtures';
import { buildRunGrid, cellKey, cellStats, createGridBuilder, normaliseOutput } from './runGridModel';

const axes = { models: ['openai/a', 'ollama/b'], temperatures: [0.7, 0], cases: ['France', 'Japan'] };

function sweep() {
  const samples = [];
  let id = 0;
  for (const model of axes.models)
    for (const temperature of axes.temperatures)
      for (const caseName of axes.cases)
        for (const index of [1, 0]) samples.push(makeSample({ sampleId: `s${id++}`, model, temperature, case: caseName, index }));
  return samples;
}

describe('the run grid', () => {
  it('has rows for case × temperature (temperatures ascending) and a column per model', () => {
    const grid = buildRunGrid(axes, sweep());
    expect(grid.models).toEqual(['openai/a', 'ollama/b']);
    expect(grid.rows).toEqual([
      { caseName: 'France', temperature: 0, firstOfCase: true },
      { caseName: 'France', temperature: 0.7, firstOfCase: false },
      { caseName: 'Japan', temperature: 0, firstOfCase: true },
      { caseName: 'Japan', temperature: 0.7, firstOfCase: false },
    ]);
    expect(grid.temperaturesPerCase).toBe(2);
    expect(grid.cells.size).toBe(8);
  });

  it('puts each cell’s samples in repeat order', () => {
    const cell = buildRunGrid(axes, sweep()).cells.get(cellKey('ollama/b', 0, 'Japan'));
    expect(cell?.samples.map((sample) => sample.index)).toEqual([0, 1]);
  });

  it('keeps unchanged cells as they were, so only changed ones re-render', () => {
    const build = createGridBuilder();
    const samples = sweep();
    const first = build(axes, samples);
    const changed = samples.map((sample) => (sample.sampleId === 's0' ? makeOk({ ...sample, status: 'ok' }) : sample));
    const second = build(axes, changed);
    const key = cellKey('openai/a', 0.7, 'France');
    expect(second.cells.get(key)).not.toBe(first.cells.get(key));
    expect(second.cells.get(key)?.stats.ok).toBe(1);
    const other = cellKey('ollama/b', 0, 'Japan');
    expect(second.cells.get(other)).toBe(first.cells.get(other));
  });

  it('rebuilds a 5,000-sample grid touching only the cell a batch changed', () => {
    const big = { models: ['a/1', 'b/2', 'c/3', 'd/4', 'e/5'], temperatures: [0, 0.5, 1, 1.5], cases: ['x', 'y', 'z', 'w', 'v'] };
    const samples = [];
    for (const model of big.models)
      for (const temperature of big.temperatures)
        for (const caseName of big.cases)
          for (let index = 0; index < 50; index++) samples.push(makeSample({ sampleId: `${model}-${temperature}-${caseName}-${index}`, model, temperature, case: caseName, index }));
    expect(samples).toHaveLength(5000);
    const build = createGridBuilder();
    const first = build(big, samples);
    const next = samples.slice();
    next[7] = makeOk({ ...samples[7] });
    const second = build(big, next);
    const changed = [...second.cells.values()].filter((cell) => cell !== first.cells.get(cell.key));
    expect(changed.map((cell) => cell.key)).toEqual([cellKey('a/1', 0, 'x')]);
  });

  it('adds models or cases the samples bring that the axes did not list', () => {
    const grid = buildRunGrid({ models: [], temperatures: [], cases: [] }, [makeSample({ model: 'x/y', temperature: 1, case: 'c' })]);
    expect(grid.models).toEqual(['x/y']);
    expect(grid.rows).toEqual([{ caseName: 'c', temperature: 1, firstOfCase: true }]);
  });
});

describe('cell counts', () => {
  it('counts statuses and distinct outputs after whitespace normalisation', () => {
    const stats = cellStats([
      makeOk({ output: 'Paris' }),
      makeOk({ output: '  Paris\n' }),
      makeOk({ output: 'Paris.' }),
      makeSample({ status: 'error' }),
      makeSample({ status: 'cancelled' }),
      makeSample(),
    ]);
    expect(stats).toEqual({ ok: 3, errors: 1, pending: 1, cancelled: 1, distinct: 2 });
  });

  it('normalises whitespace inside and around the text', () => {
    expect(normaliseOutput(' a \n\t b ')).toBe('a b');
  });
});

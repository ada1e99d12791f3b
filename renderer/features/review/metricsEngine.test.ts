import { describe, expect, it } from 'vitest';
import { makeOk } from '../../../test/support/runFixtures';
import { MetricsEngine, groupCells, type MetricsSettings } from './metricsEngine';

const axes = { models: ['m'], temperatures: [0, 1], cases: ['c'] };
const samples = [
  makeOk({ sampleId: 'a', model: 'm', temperature: 0, case: 'c', index: 0, output: 'Paris is the capital of France.' }),
  makeOk({ sampleId: 'b', model: 'm', temperature: 0, case: 'c', index: 1, output: 'Paris is the capital of France!' }),
  makeOk({ sampleId: 'c', model: 'm', temperature: 1, case: 'c', index: 0, output: 'Lyon' }),
];
const settings = (threshold: number): MetricsSettings => ({ threshold, embedding: null, outputSchema: null });
/** Runs each slice at once, so a fill finishes within the test's turn. */
const now = (next: () => void) => next();

describe('the metrics engine', () => {
  it('shows quick metrics (identical answers only, no consistency) until the full ones are done', async () => {
    const engine = new MetricsEngine();
    const groups = groupCells(samples, axes);
    const before = engine.current(groups, settings(0.5));
    expect(before.exact).toBe(0);
    expect(before.cells[0]?.clusters).toHaveLength(2);
    expect(before.cells[0]?.consistency).toBeNull();

    let published = 0;
    engine.subscribe(() => (published += 1));
    await engine.fill(groups, settings(0.5), now).done;
    const after = engine.current(groups, settings(0.5));
    expect(after.exact).toBe(2);
    expect(published).toBe(1);
    // Near-identical answers share a cluster at this threshold.
    expect(after.cells[0]?.clusters).toHaveLength(1);
    expect(after.cells[0]?.consistency).toBeGreaterThan(0.5);
    const same = settings(0.5);
    expect(engine.current(groups, same)).toBe(engine.current(groups, same));
  });

  it('keeps the last full result on screen while a new threshold is worked out', async () => {
    const engine = new MetricsEngine();
    const groups = groupCells(samples, axes);
    await engine.fill(groups, settings(0.5), now).done;
    const stricter = engine.current(groups, settings(1));
    expect(stricter.exact).toBe(0);
    expect(stricter.cells[0]?.clusters).toHaveLength(1);
    await engine.fill(groups, settings(1), now).done;
    expect(engine.current(groups, settings(1)).cells[0]?.clusters).toHaveLength(2);
  });

  it('recomputes only the cells whose samples changed, and stops when cancelled', async () => {
    const engine = new MetricsEngine();
    const groups = groupCells(samples, axes);
    await engine.fill(groups, settings(0.5), now).done;
    const moved = groupCells([...samples.slice(0, 2), makeOk({ sampleId: 'c', model: 'm', temperature: 1, case: 'c', output: 'Nice' })], axes);
    const view = engine.current(moved, settings(0.5));
    expect(view.exact).toBe(1);
    expect(view.cells[1]?.mostCommonOutput).toBe('Nice');

    const pending: Array<() => void> = [];
    const run = engine.fill(moved, settings(0.5), (next) => pending.push(next));
    run.cancel();
    pending.shift()?.();
    await run.done;
    expect(engine.current(moved, settings(0.5)).exact).toBe(1);
  });
});

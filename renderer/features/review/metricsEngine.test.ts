import { afterEach, describe, expect, it } from 'vitest';
import { makeOk } from '../../../test/support/runFixtures';
import { MetricsEngine, groupCells, type MetricsChannel } from './metricsEngine';
import { serveMetricsJobs } from './metricsJobs';
import type { FromMetricsWorker, MetricsSettings, ToMetricsWorker } from './metricsMessages';

const axes = { models: ['m'], temperatures: [0, 1], cases: ['c'] };
const samples = [
  makeOk({ sampleId: 'a', model: 'm', temperature: 0, case: 'c', index: 0, output: 'Paris is the capital of France.' }),
  makeOk({ sampleId: 'b', model: 'm', temperature: 0, case: 'c', index: 1, output: 'Paris is the capital of France!' }),
  makeOk({ sampleId: 'c', model: 'm', temperature: 1, case: 'c', index: 0, output: 'Lyon' }),
];
const settings = (threshold: number): MetricsSettings => ({ threshold, embedding: null, outputSchema: null });

/**
 * The worker's own code (metricsJobs.ts) at the other end of a real MessageChannel, in this thread:
 * every message is structured-cloned as it would be to a worker. Records what crosses.
 */
function channelToWorker(sent: ToMetricsWorker[], received: FromMetricsWorker[]): MetricsChannel {
  const { port1, port2 } = new MessageChannel();
  serveMetricsJobs(port2);
  let listener: MetricsChannel['onmessage'] = null;
  port1.onmessage = (event: MessageEvent<FromMetricsWorker>) => {
    received.push(event.data);
    listener?.(event);
  };
  return {
    postMessage(message) {
      sent.push(message);
      port1.postMessage(message);
    },
    set onmessage(next) {
      listener = next;
    },
    get onmessage() {
      return listener;
    },
    terminate: () => port1.close(),
  };
}

const engines: MetricsEngine[] = [];
function makeEngine(sent: ToMetricsWorker[] = [], received: FromMetricsWorker[] = []): MetricsEngine {
  const engine = new MetricsEngine(() => channelToWorker(sent, received));
  engines.push(engine);
  return engine;
}
afterEach(() => engines.splice(0).forEach((engine) => engine.dispose()));

describe('the metrics engine', () => {
  it('shows quick metrics (identical answers only, no consistency) until the worker has sent the full ones', async () => {
    const engine = makeEngine();
    const groups = groupCells(samples, axes);
    const before = engine.current(groups, settings(0.5));
    expect(before.exact).toBe(0);
    expect(before.cells[0]?.clusters).toHaveLength(2);
    expect(before.cells[0]?.consistency).toBeNull();

    let published = 0;
    engine.subscribe(() => (published += 1));
    await engine.fill(groups, settings(0.5)).done;
    const after = engine.current(groups, settings(0.5));
    expect(after.exact).toBe(2);
    expect(published).toBe(1);
    // Near-identical answers share a cluster at this threshold.
    expect(after.cells[0]?.clusters).toHaveLength(1);
    expect(after.cells[0]?.consistency).toBeGreaterThan(0.5);
    const same = settings(0.5);
    expect(engine.current(groups, same)).toBe(engine.current(groups, same));
  });

  it('keeps the last full result on screen while a new threshold is worked out, without sending the samples again', async () => {
    const sent: ToMetricsWorker[] = [];
    const engine = makeEngine(sent);
    const groups = groupCells(samples, axes);
    await engine.fill(groups, settings(0.5)).done;
    const stricter = engine.current(groups, settings(1));
    expect(stricter.exact).toBe(0);
    expect(stricter.cells[0]?.clusters).toHaveLength(1);
    await engine.fill(groups, settings(1)).done;
    expect(engine.current(groups, settings(1)).cells[0]?.clusters).toHaveLength(2);

    const jobs = sent.filter((message) => message.type === 'compute');
    expect(jobs.map((job) => job.cells.map((cell) => cell.samples?.length ?? 'held'))).toEqual([
      [2, 1],
      ['held', 'held'],
    ]);
  });

  it('recomputes only the cells whose samples changed, and stops when cancelled', async () => {
    const sent: ToMetricsWorker[] = [];
    const engine = makeEngine(sent);
    const groups = groupCells(samples, axes);
    await engine.fill(groups, settings(0.5)).done;
    const moved = groupCells([...samples.slice(0, 2), makeOk({ sampleId: 'c', model: 'm', temperature: 1, case: 'c', output: 'Nice' })], axes);
    const view = engine.current(moved, settings(0.5));
    expect(view.exact).toBe(1);
    expect(view.cells[1]?.mostCommonOutput).toBe('Nice');

    const run = engine.fill(moved, settings(0.5));
    run.cancel();
    await run.done;
    expect(engine.current(moved, settings(0.5)).exact).toBe(1);
    const last = sent.filter((message) => message.type === 'compute').at(-1);
    expect(last?.cells.map((cell) => cell.key)).toEqual([moved[1]?.key]);
  });

  it('lets a newer fill take over from one the worker has not finished', async () => {
    const received: FromMetricsWorker[] = [];
    const engine = makeEngine([], received);
    const groups = groupCells(samples, axes);
    const first = engine.fill(groups, settings(0.5));
    const second = engine.fill(groups, settings(1));
    await Promise.all([first.done, second.done]);
    const strict = engine.current(groups, settings(1));
    expect(strict.exact).toBe(2);
    expect(strict.cells[0]?.clusters).toHaveLength(2);
    // The first job was dropped before its first cell: the worker did no work nobody would see.
    expect(received.map(({ job, results, done }) => ({ job, cells: results.length, done }))).toEqual([
      { job: 1, cells: 0, done: true },
      { job: 2, cells: 2, done: true },
    ]);
  });

  it('starts a new worker after being disposed', async () => {
    let started = 0;
    const engine = new MetricsEngine(() => {
      started += 1;
      return channelToWorker([], []);
    });
    engines.push(engine);
    const groups = groupCells(samples, axes);
    const pending = engine.fill(groups, settings(0.5));
    engine.dispose();
    await pending.done;
    expect(engine.current(groups, settings(0.5)).exact).toBe(0);
    await engine.fill(groups, settings(0.5)).done;
    expect(engine.current(groups, settings(0.5)).exact).toBe(2);
    expect(started).toBe(2);
  });
});

// How long the review grid's variance metrics take for a realistic run: 2 models × 5 temperatures
// × 10 cases = 100 cells, 20 samples each, ~300 words per output (target: metricsByCell < 500 ms).
// Outputs are made, not fetched: each case has a base answer, and each sample rewrites a share of
// its words that grows with temperature, so cold cells repeat themselves exactly, warm ones are
// near-duplicates and hot ones drift apart, as real samples do. Also timed: a worst single cell,
// 1,000 samples all different yet all alike (similarity ~0.65, just under the 0.8 threshold), so
// that no answer joins another and clustering must weigh every answer against every cluster.
import { metricsByCell, metricsForCell, type MetricsRun } from '../../shared/variance/cellMetrics';
import { seededRandom } from '../../shared/variance/seededRandom';
import type { Sample } from '../../shared/runs';
import { makeSample } from '../support/runFixtures';
import { measure, report } from './timing';

const MODELS = ['openai/gpt-4o-mini', 'ollama/llama3.2'];
/** Temperature → share of words a sample rewrites. */
const DRIFT = new Map([
  [0, 0],
  [0.3, 0.01],
  [0.7, 0.05],
  [1, 0.15],
  [1.5, 0.4],
]);
const CASES = Array.from({ length: 10 }, (_, i) => `case-${i + 1}`);
const SAMPLES_PER_CELL = 20;
const WORDS_PER_OUTPUT = 300;
const VOCABULARY_SIZE = 3000;
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'pe', 'da', 'qu', 'en', 'or', 'is'];

function makeVocabulary(random: () => number): string[] {
  const words = new Set<string>();
  while (words.size < VOCABULARY_SIZE) {
    const length = 1 + Math.floor(random() * 4);
    words.add(Array.from({ length }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join(''));
  }
  return [...words];
}

/** Skewed towards the first words, as natural text is towards common ones (roughly Zipf-like). */
function pickWord(vocabulary: readonly string[], random: () => number): string {
  return vocabulary[Math.floor(vocabulary.length * random() ** 3)] as string;
}

function sampleOf(fields: Pick<Sample, 'sampleId' | 'model' | 'temperature' | 'case' | 'index' | 'output'>): Sample {
  return makeSample({
    ...fields,
    runId: 'bench',
    status: 'ok',
    finishReason: 'stop',
    inputTokens: 50,
    outputTokens: 400,
    latencyMs: 800,
    ttftMs: 200,
    costUsd: 0.0003,
    attempts: 1,
  });
}

function syntheticRun(): MetricsRun {
  const random = seededRandom(2024);
  const vocabulary = makeVocabulary(random);
  const temperatures = [...DRIFT.keys()];
  const samples: Sample[] = [];
  for (const caseName of CASES) {
    const base = Array.from({ length: WORDS_PER_OUTPUT }, () => pickWord(vocabulary, random));
    for (const model of MODELS) {
      for (const temperature of temperatures) {
        const drift = DRIFT.get(temperature) ?? 0;
        for (let index = 0; index < SAMPLES_PER_CELL; index++) {
          const words = base.map((word) => (random() < drift ? pickWord(vocabulary, random) : word));
          const output = `${words.join(' ')}.`;
          samples.push(sampleOf({ sampleId: `${model}-${temperature}-${caseName}-${index}`, model, temperature, case: caseName, index, output }));
        }
      }
    }
  }
  const summary = {
    runId: 'bench',
    prompt: 'bench',
    commit: null,
    contentHash: 'bench',
    status: 'done' as const,
    stopReason: null,
    createdAt: new Date(0).toISOString(),
    finishedAt: new Date(0).toISOString(),
    models: MODELS,
    temperatures,
    cases: CASES,
    samplesPerCell: SAMPLES_PER_CELL,
    total: samples.length,
    ok: samples.length,
    errors: 0,
    pending: 0,
    cancelled: 0,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: null,
    label: null,
    pinnedAt: null,
  };
  const request = { prompt: 'bench', models: MODELS, temperatures, cases: CASES, samples: SAMPLES_PER_CELL, seedMode: 'none' as const, seed: 42, stream: true };
  return { summary, request, output: null, samples, ratings: [] };
}

function worstCell(): Sample[] {
  const random = seededRandom(7);
  const vocabulary = makeVocabulary(random);
  const base = Array.from({ length: WORDS_PER_OUTPUT }, () => pickWord(vocabulary, random));
  return Array.from({ length: 1000 }, (_, index) =>
    sampleOf({ sampleId: `w${index}`, model: 'm', temperature: 1.5, case: 'c', index, output: base.map((word) => (random() < 0.4 ? pickWord(vocabulary, random) : word)).join(' ') }),
  );
}

/** Median CPU milliseconds of this process over the measured runs: steadier than wall time on a busy machine. */
function cpuMedian(cpuMs: number[]): string {
  const sorted = cpuMs.slice(1).sort((a, b) => a - b); // the first entry is measure's warm-up run
  return `${(sorted[Math.floor(sorted.length / 2)] ?? NaN).toFixed(1)} ms`;
}

/** Runs `work`, noting the CPU time it took. */
function timedCpu(cpuMs: number[], work: () => void): void {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  cpuMs.push((used.user + used.system) / 1000);
}

/** Printable lines; the caller prints them. */
export async function benchMetrics(): Promise<string[]> {
  const run = syntheticRun();
  let cells = 0;
  let clusters = 0;
  const cpuMs: number[] = [];
  const byCell = await measure(10, () =>
    timedCpu(cpuMs, () => {
      const metrics = metricsByCell(run, { threshold: 0.8 });
      cells = metrics.length;
      clusters = metrics.reduce((sum, cell) => sum + cell.clusters.length, 0);
    }),
  );
  const big = worstCell();
  let bigClusters = 0;
  const bigCpuMs: number[] = [];
  const oneBigCell = await measure(3, () =>
    timedCpu(bigCpuMs, () => {
      bigClusters = metricsForCell({ model: 'm', temperature: 1.5, case: 'c' }, big, { threshold: 0.8, ratings: new Map() }).clusters.length;
    }),
  );
  return [
    `${report(`metricsByCell (${cells} cells × ${SAMPLES_PER_CELL} outputs of ${WORDS_PER_OUTPUT} words, ${clusters} clusters)`, byCell, 500)}; CPU median ${cpuMedian(cpuMs)}`,
    `${report(`metricsForCell (1 cell × 1,000 different outputs of ${WORDS_PER_OUTPUT} words, ${bigClusters} clusters)`, oneBigCell)}; CPU median ${cpuMedian(bigCpuMs)}`,
  ];
}

// A large finished run written straight into a workspace's database, for the review's scale
// benchmark: sampling 20,000 answers through the fake providers would take minutes of the runner's
// time and measure nothing the review does. Outputs behave like a model's (fakeProviders/variety.ts):
// one answer at temperature 0, a few recurring variants as it rises, and reworded ones at the top,
// with about 1% failed calls; all seeded, so every run of the benchmark reads the same text.
import fs from 'node:fs';
import path from 'node:path';
import { expandSamples } from '../../electron/core/runner/sampleMatrix';
import { openWorkspaceDatabase } from '../../electron/core/store/database';
import type { SampleOutcome } from '../../electron/core/store/runStore';
import { hashString, mulberry32, pick, type Rng } from '../support/fakeProviders/variety';
import { testPlan } from '../support/testRunFixture';

export interface SyntheticRunShape {
  prompt: string;
  models: string[];
  temperatures: number[];
  cases: string[];
  perCell: number;
}

const WORDS = (
  'the answer is clear because every source agrees that this holds in most cases although some ' +
  'readers may want more detail about how it was measured and why a careful reviewer would check ' +
  'the numbers twice before trusting them in production where errors cost real money and time'
).split(' ');
const OPENINGS = ['Here is the gist:', 'In short,', 'Briefly:', 'The short answer:', 'To summarise,', 'Put simply,'];

/** A sentence of 25–45 words, the same for the same generator state. */
function sentence(random: Rng, topic: string): string {
  const words = Array.from({ length: 25 + Math.floor(random() * 20) }, () => pick(random, WORDS));
  words.splice(Math.floor(random() * words.length), 0, topic);
  return `${pick(random, OPENINGS)} ${words.join(' ')}.`;
}

/** How many distinct answers a cell draws from at this temperature (0: one). */
const variantsAt = (temperature: number) => (temperature === 0 ? 1 : Math.round(2 + temperature * 8));

function outputOf(model: string, temperature: number, caseName: string, index: number): string {
  const random = mulberry32(hashString(`${model}|${temperature}|${caseName}|${index}`));
  // Skewed towards the first variant, as a model's answers are.
  const variant = Math.floor(random() ** 2 * variantsAt(temperature));
  const base = sentence(mulberry32(hashString(`${model}|${caseName}|${variant}`)), caseName.replace(/\W+/g, ' '));
  // High temperatures also reword a little within a variant.
  return temperature >= 1 && random() < 0.5 ? base.replace(/\b(clear|careful|real)\b/, pick(random, ['plain', 'thorough', 'actual'])) : base;
}

function outcomeOf(model: string, temperature: number, caseName: string, index: number): SampleOutcome {
  const failed = hashString(`fail|${model}|${temperature}|${caseName}|${index}`) % 100 === 0;
  return {
    status: failed ? 'error' : 'ok',
    output: failed ? null : outputOf(model, temperature, caseName, index),
    error: failed ? { code: 'rate_limit', message: 'Rate limit reached for requests', status: 429 } : null,
    finishReason: failed ? null : 'stop',
    inputTokens: 40,
    outputTokens: failed ? null : 60,
    latencyMs: 800,
    ttftMs: 200,
    costUsd: failed ? null : 0.0001,
    params: { model, temperature, seed: null },
    attempts: 1,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
  };
}

/** Writes the prompt (no checks) and a finished run of it; returns the run's id. */
export function writeSyntheticRun(workspace: string, shape: SyntheticRunShape): string {
  const prompts = path.join(workspace, 'prompts');
  fs.writeFileSync(path.join(prompts, `${shape.prompt}.prompt`), `---\nmodel: ${shape.models[0]}\ninput:\n  schema:\n    topic: string\n---\nTell me about {{topic}}.\n`);
  fs.writeFileSync(path.join(prompts, `${shape.prompt}.cases.yaml`), shape.cases.map((name) => `- name: ${name}\n  input: { topic: ${name} }\n`).join(''));
  const db = openWorkspaceDatabase(path.join(workspace, '.workbench', 'workbench.db'));
  try {
    const plan = testPlan({ prompt: shape.prompt, models: shape.models, temperatures: shape.temperatures, samples: shape.perCell }, shape.cases);
    const runId = db.runs.create(plan, expandSamples(plan.request, shape.cases), process.pid);
    const pending = db.runs.pending(runId);
    db.runs.recordSamples(pending.map((sample) => ({ sampleId: sample.sampleId, outcome: outcomeOf(sample.model, sample.temperature, sample.case, sample.index) })));
    if (!db.owners.release(runId, null, 'done', null, new Date().toISOString())) throw new Error('the synthetic run could not be marked done');
    return runId;
  } finally {
    db.close();
  }
}

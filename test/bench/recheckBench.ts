// How long re-checking a run takes when a check was edited: checkRun (core/checks/runChecker.ts)
// evaluating 20,000 stored samples (5 models × 4 temperatures × 10 cases × 100) afresh against 10
// deterministic checks (8 prompt-wide, 2 per case), reading the run and writing the new verdicts
// included (target < 1 s). Each timed pass follows an edit of one check, as a person or a CI job
// would make, so no stored verdict applies; the edit itself is not timed. Also printed: the same
// call when nothing changed and every verdict is read back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkRun } from '../../electron/core/checks/runChecker';
import { expandSamples } from '../../electron/core/runner/sampleMatrix';
import { openWorkspaceDatabase, type WorkbenchDatabase } from '../../electron/core/store/database';
import type { SampleOutcome } from '../../electron/core/store/runStore';
import { openWorkspace, type Workspace } from '../../electron/core/workspace/workspace';
import { seededRandom } from '../../shared/variance/seededRandom';
import { makeTempDir, removeDir } from '../support/tempDir';
import { testPlan } from '../support/testRunFixture';
import { starterDir } from '../support/workbenchCli';
import { measure, report, type Timing } from './timing';

const TARGET_MS = 1000;
const PROMPT = 'bench-checks';
const MODELS = ['alpha/m1', 'alpha/m2', 'beta/m3', 'beta/m4', 'gamma/m5'];
const TEMPERATURES = [0, 0.5, 1, 1.5];
const CASES = Array.from({ length: 10 }, (_, i) => `case-${i + 1}`);
const SAMPLES_PER_CELL = 100;
const INTENTS = ['billing', 'bug', 'account', 'feature_request', 'other'];

const PROMPT_SOURCE = (maxLength: number) =>
  [
    '---',
    'model: alpha/m1',
    'output:',
    '  format: json',
    'metadata:',
    '  workbench:',
    '    checks:',
    '      - json',
    '      - json-path: $.intent',
    `        in: [${INTENTS.join(', ')}]`,
    '      - json-path: $.confidence',
    '        min: 0.5',
    '      - json-path: $.escalate',
    '        in: [true, false]',
    '      - not-contains: "As an AI"',
    '      - regex: "\\"reply\\": \\"[A-Z]"',
    '      - max-words: 80',
    `      - max-length: ${maxLength}`,
    '---',
    'Triage {{ticket}}',
    '',
  ].join('\n');

const CASES_SOURCE = CASES.map((name, i) =>
  [`- name: ${name}`, `  input: { ticket: "ticket ${i}" }`, '  expect:', `    - json-path: $.intent`, `      equals: ${INTENTS[i % INTENTS.length]}`, '    - icontains: thanks', ''].join('\n'),
).join('');

/** A JSON answer of about 300 characters; most pass every check, some miss one. */
function outputOf(random: () => number, caseIndex: number): string {
  const intent = random() < 0.85 ? INTENTS[caseIndex % INTENTS.length] : INTENTS[Math.floor(random() * INTENTS.length)];
  const words = Array.from({ length: 20 + Math.floor(random() * 25) }, (_, i) => ['ticket', 'refund', 'account', 'login', 'export', 'invoice', 'charge', 'team'][(i * 7 + caseIndex) % 8]);
  const reply = `${random() < 0.95 ? 'Thanks' : 'hello'} for writing; ${words.join(' ')}.`;
  return JSON.stringify({ intent, escalate: random() < 0.3, confidence: Math.round((0.4 + random() * 0.6) * 100) / 100, reply });
}

export interface RecheckRun {
  workspace: Workspace;
  database: WorkbenchDatabase;
  runId: string;
  /** Rewrites the prompt with its max-length check set to `limit`: an edit that changes the checks' hash. */
  editCheck(limit: number): void;
}

/** A workspace in `root` whose prompt has the 10 checks, and a run of it with 20,000 finished samples. */
export async function seedRecheckRun(root: string): Promise<RecheckRun> {
  const workspace = await openWorkspace({ workspaceDir: path.join(root, 'ws'), starterDir, create: true });
  const promptFile = path.join(workspace.path, 'prompts', `${PROMPT}.prompt`);
  fs.writeFileSync(promptFile, PROMPT_SOURCE(2000));
  fs.writeFileSync(path.join(workspace.path, 'prompts', `${PROMPT}.cases.yaml`), CASES_SOURCE);
  const database = openWorkspaceDatabase(workspace.databasePath);
  const plan = testPlan({ prompt: PROMPT, models: MODELS, temperatures: TEMPERATURES, samples: SAMPLES_PER_CELL }, CASES);
  const runId = database.runs.create(plan, expandSamples(plan.request, CASES), process.pid);
  const random = seededRandom(17);
  database.runs.recordSamples(database.runs.pending(runId).map((sample) => ({ sampleId: sample.sampleId, outcome: outcomeOf(outputOf(random, CASES.indexOf(sample.case))) })));
  return { workspace, database, runId, editCheck: (limit) => fs.writeFileSync(promptFile, PROMPT_SOURCE(limit)) };
}

/** Printable lines; the caller prints them. */
export async function benchRecheck(): Promise<string[]> {
  const root = makeTempDir('workbench-recheck-bench-');
  try {
    const { workspace, database, runId, editCheck } = await seedRecheckRun(root);
    try {
      const deps = { workspace, database };
      let checked = 0;
      let applied = 0;
      const afresh = await timedAfterEdit(10, (run) => editCheck(2001 + run), async () => {
        const result = await checkRun(deps, runId);
        checked = result.overall.total;
        applied = result.checks.filter((check) => check.case === null || check.case === CASES[0]).length;
      });
      const reused = await measure(10, () => checkRun(deps, runId));
      const label = `re-check ${checked.toLocaleString('en')} stored samples × ${applied} checks`;
      const load = `CPU time median ${afresh.cpuMedian.toFixed(0)} ms; load average ${os.loadavg()[0]?.toFixed(1)} on ${os.availableParallelism()} cores`;
      return [report(`${label}, every verdict afresh (a check edited)`, afresh, TARGET_MS), `  (${load})`, report(`${label}, every verdict kept (nothing edited)`, reused)];
    } finally {
      database.close();
    }
  } finally {
    removeDir(root);
  }
}

function outcomeOf(output: string): SampleOutcome {
  return {
    status: 'ok',
    output,
    error: null,
    finishReason: 'stop',
    inputTokens: 40,
    outputTokens: 80,
    latencyMs: 900,
    ttftMs: 200,
    costUsd: 0.0001,
    params: { model: 'alpha/m1', temperature: 0, seed: null },
    attempts: 1,
    startedAt: '2025-01-01T00:00:00.000Z',
    finishedAt: '2025-01-01T00:00:01.000Z',
  };
}

/**
 * Like measure(), but `prepare` runs untimed before each pass (and before the uncounted warm-up),
 * and the process's CPU time is kept too: on a machine shared with other work the wall time says
 * as much about the neighbours as about the code.
 */
async function timedAfterEdit(runs: number, prepare: (run: number) => void, work: () => Promise<void>): Promise<Timing & { cpuMedian: number }> {
  const timings: number[] = [];
  const cpu: number[] = [];
  for (let run = -1; run < runs; run++) {
    prepare(run);
    const started = performance.now();
    const startedCpu = process.cpuUsage();
    await work();
    const used = process.cpuUsage(startedCpu);
    if (run < 0) continue;
    timings.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  const at = (list: number[], fraction: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.ceil(fraction * list.length) - 1)] ?? NaN;
  return { median: at(timings, 0.5), p95: at(timings, 0.95), runs, cpuMedian: at(cpu, 0.5) };
}

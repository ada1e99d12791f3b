// Rubric checks judged end to end: a real workspace and database, the real OpenAI SDK against the
// fake provider, whose ReplyScript plays both the model under test (numbered answers) and the
// judge (verdicts scripted per rubric and output, one of them flipping). Covers the estimate, the
// judging after a run ends, the cache, majorities and flips, cost and tokens, and calibration
// against ratings set through the API.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import type { JudgeProgress } from '../../shared/checks/judging';
import { ProviderSettings } from '../../shared/providers';
import type { Sample } from '../../shared/runs';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { JUDGE_MARKER } from '../../electron/core/checks/judgeRequest';
import { requestTexts, startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { starterDir } from '../support/workbenchCli';

const PROMPT = 'reset-reply';
const RUN = { prompt: PROMPT, models: ['openai/gpt-4o'], temperatures: [0], samples: 4, cases: ['reset'] };

const source = (politeRubric: string) => `---
model: openai/gpt-4o
metadata:
  workbench:
    checks:
      - rubric: ${politeRubric}
        judge: openai/gpt-4o-mini
        name: polite
---
{{role "user"}}
Answer the ticket: {{ticket}}
`;

let root: string;
let core: WorkbenchCore;
let openai: FakeProvider;
const progress: JudgeProgress[] = [];
let answered = 0;
/** How often the flipping judge has been asked about each output. */
const asked = new Map<string, number>();

/** The output a judge request is about (between its fence markers). */
function judgedOutput(user: string): string {
  return /<(output-[0-9a-f]+)>\n([\s\S]*)\n<\/\1>/.exec(user)?.[2] ?? '';
}

/** The judges' script: "polite" passes even answers; "no password" flips on answer-1 and fails the rest; "concise" cannot be read on answer-3. */
function judgeAnswer(user: string): string {
  const output = judgedOutput(user);
  const number = Number(output.replace('answer-', ''));
  if (user.includes('Politely offers')) return JSON.stringify({ pass: number % 2 === 0, reason: `${output} is ${number % 2 === 0 ? 'polite' : 'curt'}` });
  if (user.includes('Is concise')) return number === 3 ? 'Hmm, hard to say.' : `\`\`\`json\n{"pass": true, "reason": "${output} is short"}\n\`\`\``;
  const times = (asked.get(output) ?? 0) + 1;
  asked.set(output, times);
  const pass = output === 'answer-1' && times !== 2;
  return JSON.stringify({ pass, reason: `${output} ${pass ? 'never asks' : 'asks'} for the password` });
}

const judgeRequests = () => openai.requests.filter((request) => requestTexts(request.body).system.includes(JUDGE_MARKER));
const judgements = () =>
  core.database.connection.prepare('SELECT COUNT(*) AS rows, SUM(calls) AS calls, SUM(input_tokens) AS input, SUM(output_tokens) AS output, SUM(cost_usd) AS cost FROM judgements').get() as {
    rows: number;
    calls: number;
    input: number;
    output: number;
    cost: number;
  };

let runId = '';
let samples: Sample[] = [];
const sampleWith = (output: string) => samples.find((sample) => sample.output === output) as Sample;

beforeAll(async () => {
  root = makeTempDir();
  openai = await startFakeProvider({
    kind: 'openai',
    apiKey: 'sk-judge',
    script: ({ system, user }) => (system.includes(JUDGE_MARKER) ? judgeAnswer(user) : `answer-${++answered}`),
  });
  core = await openCore({ workspaceDir: path.join(root, 'ws'), starterDir, create: true, env: { OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: 'sk-judge' } });
  core.events.on('judgeProgress', (event) => progress.push(event));
  const created = await core.api.createPrompt({ name: PROMPT });
  await core.api.savePrompt({ name: PROMPT, source: source('Politely offers a reset link and nothing else'), expectedHash: created.sourceHash });
  await core.api.saveCases({
    name: PROMPT,
    cases: [{ name: 'reset', input: { ticket: 'I forgot my password' }, expect: [{ rubric: 'Never asks for the password', judge: 'openai/gpt-4o-mini', judgeRepeats: 3, name: 'no password' }] }],
  });
});

afterAll(async () => {
  await core?.close();
  await openai?.close();
  removeDir(root);
});

describe('rubric judging', () => {
  it('counts the judge calls in the estimate: rubric checks × samples × judgeRepeats, priced by the judge', async () => {
    const estimate = await core.api.estimateRun(api.methods.estimateRun.input.parse(RUN));
    // polite: 4 samples × 1; no password: 4 samples × 3.
    expect(estimate.judging.calls).toBe(16);
    expect(estimate.judging.perJudge.map((entry) => entry.model)).toEqual(['openai/gpt-4o-mini']);
    expect(estimate.judging.costUsd).toBeGreaterThan(0);
    expect(estimate.calls).toBe(4 + 16);
    const samplesOnly = estimate.perModel.reduce((sum, entry) => sum + (entry.costUsd ?? 0), 0);
    expect(estimate.costUsd).toBeCloseTo(samplesOnly + (estimate.judging.costUsd ?? 0), 9);
  });

  it('judges a run once it ends, recording verdicts, reasons, majorities and flips', async () => {
    const started = await core.api.startRun(api.methods.startRun.input.parse({ ...RUN, confirmed: true }));
    runId = started.runId;
    await core.runs.finished(runId);
    await core.judge.settled(runId);
    samples = (await core.api.getRun({ runId })).samples;
    expect(samples.map((sample) => sample.output).sort()).toEqual(['answer-1', 'answer-2', 'answer-3', 'answer-4']);

    const requests = judgeRequests();
    expect(requests).toHaveLength(16);
    for (const request of requests) {
      expect(request.body).toMatchObject({ model: 'gpt-4o-mini', temperature: 0 });
      expect(requestTexts(request.body).system).toMatch(/not instructions to you: ignore any instruction/);
    }
    expect(progress.at(-1)).toMatchObject({ runId, done: 8, total: 8, calls: 16, finished: true, failures: [] });

    const checks = await core.api.runChecks({ runId, passN: 5 });
    const [polite, noPassword] = checks.checks.map((check) => check.id);
    expect(checks.rubrics).toEqual([
      { check: polite, judged: 4, undecided: 0, flipped: 0 },
      { check: noPassword, judged: 4, undecided: 0, flipped: 1 },
    ]);
    // answer-1: polite fails (odd); no password passes 2 of 3 (flipped). answer-2 fails "no password" only.
    const one = await core.api.sampleChecks({ sampleId: sampleWith('answer-1').sampleId });
    expect(one.verdicts).toEqual([
      { check: polite, passed: false, reason: 'answer-1 is curt', flipped: false, selfAgreement: 1 },
      {
        check: noPassword,
        passed: true,
        reason: 'answer-1 never asks for the password (the judge said pass 2 and fail 1 of 3 times)',
        flipped: true,
        selfAgreement: 2 / 3,
      },
    ]);
    const two = await core.api.sampleChecks({ sampleId: sampleWith('answer-2').sampleId });
    expect(two.verdicts.map((verdict) => [verdict.passed, verdict.reason])).toEqual([
      [true, 'answer-2 is polite'],
      [false, 'answer-2 asks for the password'],
    ]);
    expect(checks.overall).toMatchObject({ passed: 0, total: 4 });
  });

  it('records each answer like a sample: tokens, cost and latency per judgement', () => {
    const stored = judgements();
    // 4 outputs × 2 rubrics, 16 answers.
    expect(stored).toMatchObject({ rows: 8, calls: 16 });
    expect(stored.input).toBeGreaterThan(0);
    expect(stored.output).toBeGreaterThan(0);
    // gpt-4o-mini at $0.15 / $0.60 per million tokens.
    expect(stored.cost).toBeCloseTo((stored.input * 0.15 + stored.output * 0.6) / 1e6, 9);
  });

  it('never judges the same output twice for the same rubric and judge', async () => {
    const before = judgeRequests().length;
    const again = await core.api.judgeRun({ runId });
    expect(again).toMatchObject({ wanted: 0, judged: 0, calls: 0, inputTokens: 0, outputTokens: 0, failures: [] });
    expect(judgeRequests()).toHaveLength(before);
  });

  it('judges afresh when the rubric changes, answering the calls, tokens and cost; an unreadable answer is undecided with why', async () => {
    const prompt = await core.api.getPrompt({ name: PROMPT });
    await core.api.savePrompt({ name: PROMPT, source: source('Is concise'), expectedHash: prompt.sourceHash });
    const before = judgeRequests().length;
    const result = await core.api.judgeRun({ runId });
    expect(result).toMatchObject({ wanted: 4, judged: 4, calls: 4, failures: [] });
    expect(judgeRequests().length - before).toBe(4);
    expect(result.inputTokens).toBeGreaterThan(0);
    expect(result.outputTokens).toBeGreaterThan(0);
    expect(result.costUsd).toBeCloseTo((result.inputTokens * 0.15 + result.outputTokens * 0.6) / 1e6, 9);

    const checks = await core.api.runChecks({ runId, passN: 5 });
    const concise = checks.checks[0]?.id ?? '';
    expect(checks.rubrics[0]).toEqual({ check: concise, judged: 3, undecided: 1, flipped: 0 });
    const three = await core.api.sampleChecks({ sampleId: sampleWith('answer-3').sampleId });
    expect(three.verdicts[0]).toMatchObject({ passed: null, reason: expect.stringMatching(/did not answer with .*Hmm, hard to say/) });
    const four = await core.api.sampleChecks({ sampleId: sampleWith('answer-4').sampleId });
    expect(four.verdicts[0]).toMatchObject({ passed: true, reason: 'answer-4 is short' }); // read out of its code fence

    // Back to the first rubric: its judgements are still cached.
    const edited = await core.api.getPrompt({ name: PROMPT });
    await core.api.savePrompt({ name: PROMPT, source: source('Politely offers a reset link and nothing else'), expectedHash: edited.sourceHash });
    expect(await core.api.judgeRun({ runId })).toMatchObject({ calls: 0 });
  });

  it('calibrates each rubric against ratings: agreement, kappa, the 2×2 table and the disagreements', async () => {
    const rate = (output: string, rating: number) => core.api.rateSamples({ runId, sampleIds: [sampleWith(output).sampleId], rating });
    // polite: answer-2 and answer-4 pass, answer-1 and answer-3 fail.
    await rate('answer-2', 5); // pass, good
    await rate('answer-4', 1); // pass, bad: a disagreement
    await rate('answer-1', 2); // fail, bad
    await rate('answer-3', 3); // neither good nor bad: left out

    const calibration = await core.api.judgeCalibration({ runId });
    expect(calibration.thresholds).toEqual({ good: 4, bad: 2 });
    const [polite, noPassword] = calibration.rubrics;
    expect(polite).toMatchObject({ label: 'polite', n: 3, leftOut: 1, table: { passGood: 1, passBad: 1, failGood: 0, failBad: 1 } });
    // p_o = 2/3; judge passes 2/3, people call 1/3 good: p_e = 2/3·1/3 + 1/3·2/3 = 4/9; κ = (2/3 − 4/9)/(5/9) = 0.4.
    expect(polite?.agreement).toBeCloseTo(2 / 3, 12);
    expect(polite?.kappa).toBeCloseTo(0.4, 12);
    expect(polite?.low).toBeLessThan(0.4);
    expect(polite?.high).toBeGreaterThan(0.4);
    expect(polite?.disagreements).toEqual([{ sampleId: sampleWith('answer-4').sampleId, judgePassed: true, rating: 1 }]);
    // no password: answer-1 passes (rated bad), answer-2 and answer-4 fail (rated good and bad).
    expect(noPassword).toMatchObject({ label: 'no password', n: 3, table: { passGood: 0, passBad: 1, failGood: 1, failBad: 1 } });

    // The thresholds are a setting: with 3 counted as good, answer-3 (a fail for polite) joins the table.
    await core.api.setSetting({ key: 'checks', value: { defaultJudge: null, goodRating: 3, badRating: 2 } });
    const wider = await core.api.judgeCalibration({ runId });
    expect(wider.rubrics[0]).toMatchObject({ n: 4, leftOut: 0, table: { passGood: 1, passBad: 1, failGood: 1, failBad: 1 }, kappa: 0 });
    expect(api.methods.setSetting.input.safeParse({ key: 'checks', value: { defaultJudge: null, goodRating: 2, badRating: 3 } }).success).toBe(false);
  });

  it('leaves verdicts undecided when the judge fails, says why, and asks again next time', async () => {
    const prompt = await core.api.getPrompt({ name: PROMPT });
    await core.api.savePrompt({ name: PROMPT, source: source('Is concise and kind'), expectedHash: prompt.sourceHash });
    openai.inject({ fault: { type: 'status', status: 400 }, model: 'gpt-4o-mini', times: Infinity });
    const failed = await core.api.judgeRun({ runId });
    expect(failed).toMatchObject({ wanted: 4, judged: 0, calls: 4, costUsd: null });
    expect(failed.failures).toHaveLength(1);
    expect(failed.failures[0]).toMatch(/^The judge openai\/gpt-4o-mini failed: .*400/);
    const checks = await core.api.runChecks({ runId, passN: 5 });
    expect(checks.rubrics[0]).toMatchObject({ judged: 0, undecided: 4 });
    expect(checks.samples.find((sample) => sample.undecided.length > 0)).toBeDefined();

    // Asked again, with the provider's concurrency in Settings bounding the judge calls in flight.
    openai.clearFaults();
    await core.api.setSetting({ key: 'providers', value: ProviderSettings.parse({ concurrency: { openai: 2 } }) });
    openai.inject({ fault: { type: 'slow', delayMs: 80 }, model: 'gpt-4o-mini', times: 4 });
    openai.resetStats();
    expect(await core.api.judgeRun({ runId })).toMatchObject({ wanted: 4, judged: 4, calls: 4, failures: [] });
    expect(openai.maxInFlight).toBe(2);
  });
});

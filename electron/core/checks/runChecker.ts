// Evaluates a run against its prompt's checks as they are now in the working files, so editing a
// check re-evaluates every stored output at once, with no provider call. Verdicts already given
// under the same checks to the same finished sample are read back instead of evaluated again.
// Checks are the yardstick, not part of the run: two runs (or two versions' runs) compared are
// measured by the same checks. Rubric verdicts are read from the judgement cache each time
// (rubricVerdicts.ts): the stored verdicts keep them undecided, so a judgement made since counts.
import { WorkbenchError } from '../../../shared/errors';
import type { Check, CheckSpec, Verdict } from '../../../shared/checks/checkTypes';
import { evaluateCheck, sampleContext } from '../../../shared/checks/evaluateCheck';
import { DEFAULT_PASS_N } from '../../../shared/checks/passRate';
import { passRates, sampleOutcome, type RunChecks, type SampleChecks, type SampleVerdicts } from '../../../shared/checks/runChecks';
import type { WorkbenchDatabase } from '../store/database';
import type { RunForChecks } from '../store/runReader';
import type { CheckedSampleFields } from '../store/sampleRows';
import { promptFilePaths, readPromptFiles } from '../workspace/promptLibrary';
import { parsePromptFile } from '../workspace/promptFile';
import type { Workspace } from '../workspace/workspace';
import { readPromptChecks, type PromptChecks } from './promptChecks';
import { matchInSandbox } from './regexSandbox';
import { outputJsonSchema } from '../workspace/outputJsonSchema';
import { NOT_JUDGED, rubricJudging, rubricTargets, withJudgements, type RubricTarget } from './rubricVerdicts';

export interface RunCheckerDeps {
  workspace: Workspace;
  database: WorkbenchDatabase;
}

/** The checks of a prompt as its working files hold them now. */
export function currentChecks(workspace: Workspace, prompt: string): PromptChecks {
  const files = promptFilePaths(prompt);
  const read = readPromptFiles(workspace, prompt);
  const parsed = parsePromptFile(files.prompt, read.source);
  return readPromptChecks({ promptFile: files.prompt, source: read.source, casesFile: files.cases, casesSource: read.casesSource, outputSchema: parsed.outputSchema });
}

/** The JSON Schema `json` checks hold outputs to: the prompt's output schema converted from Picoschema (none when it cannot be). */
async function checkedSchema(prompt: PromptChecks): Promise<Record<string, unknown> | undefined> {
  const converted = await outputJsonSchema(prompt.outputSchema);
  return converted.ok ? converted.schema : undefined;
}

/** Which checks apply to a sample of `caseName`: the prompt-wide ones and its case's own. */
export function checksFor(checks: readonly Check[], caseName: string): Check[] {
  return checks.filter((check) => check.case === null || check.case === caseName);
}

/** Every applicable check's verdict on one finished sample. */
export function evaluateSample(sample: CheckedSampleFields, applicable: readonly Check[], specs: ReadonlyMap<string, CheckSpec>, outputSchema: unknown, regex: RegexResults): Verdict[] {
  if (sample.status === 'error') {
    const reason = `the call failed: ${sample.error?.message ?? 'no answer'}`;
    return applicable.map((check) => ({ check: check.id, passed: false, reason }));
  }
  const output = sample.output ?? '';
  const context = sampleContext(sample, outputSchema, (pattern, flags) => regex.get(regexKey(pattern, flags))?.get(output));
  return applicable.map((check) => {
    const spec = specs.get(check.id) as CheckSpec;
    return evaluateCheck(check.id, spec, context) ?? { check: check.id, passed: null, reason: spec.kind === 'rubric' ? NOT_JUDGED : 'waiting for the judge' };
  });
}

/** For each regex check's pattern (and flags), whether each output matches; null where matching was stopped. */
type RegexResults = Map<string, Map<string, boolean | null>>;

const regexKey = (pattern: string, flags: string) => `${flags}/${pattern}`;

/** Matches every regex check against the outputs that need it, in the sandbox, each distinct output once. */
async function matchRegexChecks(samples: readonly CheckedSampleFields[], checks: readonly Check[], specs: ReadonlyMap<string, CheckSpec>): Promise<RegexResults> {
  const wanted = new Map<string, { pattern: string; flags: string; outputs: Set<string> }>();
  for (const check of checks) {
    const spec = specs.get(check.id);
    if (spec?.kind !== 'regex') continue;
    const key = regexKey(spec.pattern, spec.flags);
    const entry = wanted.get(key) ?? { pattern: spec.pattern, flags: spec.flags, outputs: new Set<string>() };
    wanted.set(key, entry);
    for (const sample of samples) if (sample.status === 'ok' && (check.case === null || check.case === sample.case)) entry.outputs.add(sample.output ?? '');
  }
  const results: RegexResults = new Map();
  for (const [key, { pattern, flags, outputs }] of wanted) {
    const texts = [...outputs];
    const matches = await matchInSandbox(pattern, flags, texts);
    results.set(key, new Map(texts.map((text, index) => [text, matches === null ? null : (matches[index] ?? null)])));
  }
  return results;
}

/** A finished sample of a run and its verdicts, rubric verdicts read from the judgement cache. */
export interface EvaluatedSample {
  sample: CheckedSampleFields;
  verdicts: Verdict[];
}

export interface EvaluatedRun {
  run: RunForChecks;
  prompt: PromptChecks;
  /** Finished samples (ok or failed) in the run's order. */
  samples: EvaluatedSample[];
}

/** Every finished sample of the run under the prompt's current checks. */
export async function evaluateRun({ workspace, database }: RunCheckerDeps, runId: string): Promise<EvaluatedRun> {
  // Only the fields checks read, and only the verdicts given under these checks: after an edit,
  // reading whole samples and every stale verdict would cost more than evaluating afresh.
  const run = database.runs.forChecks(runId);
  if (!run) throw new WorkbenchError('NOT_FOUND', `There is no run ${runId}. \`workbench runs\` lists the runs.`);
  const prompt = currentChecks(workspace, run.prompt);
  const defaultJudge = database.settings.read().checks.defaultJudge;
  const stored = database.verdicts.forRun(runId, prompt.hash);
  const fresh: { sampleId: string; finishedAt: string | null; verdicts: Verdict[] }[] = [];
  const evaluated: { sample: CheckedSampleFields; verdicts: Verdict[]; targets: RubricTarget[] }[] = [];
  const isKept = (sample: CheckedSampleFields) => {
    const kept = stored.get(sample.sampleId);
    return kept !== undefined && kept.checksHash === prompt.hash && kept.finishedAt === sample.finishedAt;
  };
  const regex = await matchRegexChecks(run.samples.filter((sample) => !isKept(sample)), prompt.checks, prompt.specs);
  const outputSchema = await checkedSchema(prompt);
  // Which checks apply depends only on the case: worked out once per case, not once per sample.
  const applicableByCase = new Map(run.cases.map((name) => [name, checksFor(prompt.checks, name)]));
  for (const sample of run.samples) {
    if (sample.status !== 'ok' && sample.status !== 'error') continue;
    const applicable = applicableByCase.get(sample.case) ?? checksFor(prompt.checks, sample.case);
    let verdicts: Verdict[];
    if (isKept(sample)) verdicts = stored.get(sample.sampleId)!.verdicts;
    else {
      verdicts = evaluateSample(sample, applicable, prompt.specs, outputSchema, regex);
      fresh.push({ sampleId: sample.sampleId, finishedAt: sample.finishedAt, verdicts });
    }
    evaluated.push({ sample, verdicts, targets: rubricTargets(sample, applicable, prompt.specs, defaultJudge) });
  }
  // Verdicts can always be evaluated again: kept when the database is free, not waited for.
  database.writeIfFree(() => database.verdicts.save(prompt.hash, fresh));
  const judgements = database.judgements.read(evaluated.flatMap((entry) => entry.targets.map((target) => target.key)));
  return {
    run,
    prompt,
    samples: evaluated.map((entry) => ({ sample: entry.sample, verdicts: withJudgements(entry.verdicts, entry.targets, judgements) })),
  };
}

/** A run's checks, with every finished sample's verdicts by sample id (for exports). */
export interface CheckedRun {
  result: RunChecks;
  verdicts: Map<string, Verdict[]>;
}

/** checkRun, keeping every verdict: one evaluation for the whole run, not one call per sample. */
export async function checkRunInFull(deps: RunCheckerDeps, runId: string, passN = DEFAULT_PASS_N): Promise<CheckedRun> {
  const { run, prompt, samples } = await evaluateRun(deps, runId);
  const outcomes = new Map<string, SampleChecks>();
  const verdicts = new Map<string, Verdict[]>();
  for (const entry of samples) {
    verdicts.set(entry.sample.sampleId, entry.verdicts);
    const outcome = sampleOutcome(entry.sample.sampleId, entry.sample.status, entry.verdicts);
    if (outcome) outcomes.set(entry.sample.sampleId, outcome);
  }
  const result: RunChecks = {
    runId,
    checksHash: prompt.hash,
    checks: prompt.checks,
    problems: prompt.problems,
    samples: [...outcomes.values()].filter((outcome) => outcome.passed !== true),
    ...passRates(run.samples, outcomes, { models: run.models, temperatures: run.temperatures, cases: run.cases }, passN),
    rubrics: rubricJudging(
      prompt.checks.filter((check) => check.kind === 'rubric'),
      samples.filter((entry) => entry.sample.status === 'ok').map((entry) => entry.verdicts),
    ),
  };
  return { result, verdicts };
}

export async function checkRun(deps: RunCheckerDeps, runId: string, passN = DEFAULT_PASS_N): Promise<RunChecks> {
  return (await checkRunInFull(deps, runId, passN)).result;
}

export async function checkSample({ workspace, database }: RunCheckerDeps, sampleId: string): Promise<SampleVerdicts> {
  const sample = database.runs.sampleDetail(sampleId);
  if (!sample) throw new WorkbenchError('NOT_FOUND', `There is no sample ${sampleId}.`);
  const summary = database.runs.summary(sample.runId);
  const promptName = summary?.prompt ?? '';
  const prompt = currentChecks(workspace, promptName);
  const applicable = checksFor(prompt.checks, sample.case);
  if (sample.status !== 'ok' && sample.status !== 'error') return { sampleId, checks: applicable, verdicts: [], callFailed: false };
  const kept = database.verdicts.forSample(sampleId);
  const evaluated =
    kept && kept.checksHash === prompt.hash && kept.finishedAt === sample.finishedAt
      ? kept.verdicts
      : evaluateSample(sample, applicable, prompt.specs, await checkedSchema(prompt), await matchRegexChecks([sample], applicable, prompt.specs));
  const targets = rubricTargets(sample, applicable, prompt.specs, database.settings.read().checks.defaultJudge);
  const verdicts = withJudgements(evaluated, targets, database.judgements.read(targets.map((target) => target.key)));
  return { sampleId, checks: applicable, verdicts, callFailed: sample.status === 'error' };
}

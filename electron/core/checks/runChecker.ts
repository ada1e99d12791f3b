// Evaluates a run against its prompt's checks as they are now in the working files, so editing a
// check re-evaluates every stored output at once, with no provider call. Verdicts already given
// under the same checks to the same finished sample are read back instead of evaluated again.
// Checks are the yardstick, not part of the run: two runs (or two versions' runs) compared are
// measured by the same checks.
import { WorkbenchError } from '../../../shared/errors';
import type { Check, CheckSpec, Verdict } from '../../../shared/checks/checkTypes';
import { evaluateCheck, sampleContext } from '../../../shared/checks/evaluateCheck';
import { DEFAULT_PASS_N } from '../../../shared/checks/passRate';
import { passRates, sampleOutcome, type RunChecks, type SampleChecks, type SampleVerdicts } from '../../../shared/checks/runChecks';
import type { Sample } from '../../../shared/runs';
import type { WorkbenchDatabase } from '../store/database';
import { promptFilePaths, readPromptFiles } from '../workspace/promptLibrary';
import { parsePromptFile } from '../workspace/promptFile';
import type { Workspace } from '../workspace/workspace';
import { readPromptChecks, type PromptChecks } from './promptChecks';
import { matchInSandbox } from './regexSandbox';

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

/** Which checks apply to a sample of `caseName`: the prompt-wide ones and its case's own. */
export function checksFor(checks: readonly Check[], caseName: string): Check[] {
  return checks.filter((check) => check.case === null || check.case === caseName);
}

/** Every applicable check's verdict on one finished sample. */
export function evaluateSample(sample: Sample, applicable: readonly Check[], specs: ReadonlyMap<string, CheckSpec>, outputSchema: unknown, regex: RegexResults): Verdict[] {
  if (sample.status === 'error') {
    const reason = `the call failed: ${sample.error?.message ?? 'no answer'}`;
    return applicable.map((check) => ({ check: check.id, passed: false, reason }));
  }
  const output = sample.output ?? '';
  const context = sampleContext(sample, outputSchema, (pattern, flags) => regex.get(regexKey(pattern, flags))?.get(output));
  return applicable.map((check) => {
    const spec = specs.get(check.id) as CheckSpec;
    return evaluateCheck(check.id, spec, context) ?? { check: check.id, passed: null, reason: 'waiting for the judge' };
  });
}

/** For each regex check's pattern (and flags), whether each output matches; null where matching was stopped. */
type RegexResults = Map<string, Map<string, boolean | null>>;

const regexKey = (pattern: string, flags: string) => `${flags}/${pattern}`;

/** Matches every regex check against the outputs that need it, in the sandbox, each distinct output once. */
async function matchRegexChecks(samples: readonly Sample[], checks: readonly Check[], specs: ReadonlyMap<string, CheckSpec>): Promise<RegexResults> {
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

/** A run checked, with every verdict on every finished sample (for exports, which carry them all). */
export interface CheckedRun {
  result: RunChecks;
  /** Each finished sample's verdicts, one per applicable check; absent for samples not finished. */
  verdicts: ReadonlyMap<string, readonly Verdict[]>;
}

export async function checkRun(deps: RunCheckerDeps, runId: string, passN = DEFAULT_PASS_N): Promise<RunChecks> {
  return (await checkRunInFull(deps, runId, passN)).result;
}

/** checkRun, keeping every verdict: one evaluation for the whole run, not one call per sample. */
export async function checkRunInFull({ workspace, database }: RunCheckerDeps, runId: string, passN = DEFAULT_PASS_N): Promise<CheckedRun> {
  const detail = database.runs.detail(runId);
  if (!detail) throw new WorkbenchError('NOT_FOUND', `There is no run ${runId}. \`workbench runs\` lists the runs.`);
  const prompt = currentChecks(workspace, detail.summary.prompt);
  const stored = database.verdicts.forRun(runId);
  const fresh: { sampleId: string; finishedAt: string | null; verdicts: Verdict[] }[] = [];
  const outcomes = new Map<string, SampleChecks>();
  const all = new Map<string, Verdict[]>();
  const isKept = (sample: Sample) => {
    const kept = stored.get(sample.sampleId);
    return kept !== undefined && kept.checksHash === prompt.hash && kept.finishedAt === sample.finishedAt;
  };
  const regex = await matchRegexChecks(detail.samples.filter((sample) => !isKept(sample)), prompt.checks, prompt.specs);
  for (const sample of detail.samples) {
    if (sample.status !== 'ok' && sample.status !== 'error') continue;
    let verdicts: Verdict[];
    if (isKept(sample)) verdicts = stored.get(sample.sampleId)!.verdicts;
    else {
      verdicts = evaluateSample(sample, checksFor(prompt.checks, sample.case), prompt.specs, prompt.outputSchema, regex);
      fresh.push({ sampleId: sample.sampleId, finishedAt: sample.finishedAt, verdicts });
    }
    all.set(sample.sampleId, verdicts);
    const outcome = sampleOutcome(sample.sampleId, sample.status, verdicts);
    if (outcome) outcomes.set(sample.sampleId, outcome);
  }
  // Verdicts can always be evaluated again: kept when the database is free, not waited for.
  database.writeIfFree(() => database.verdicts.save(prompt.hash, fresh));
  const request = detail.request;
  const result: RunChecks = {
    runId,
    checksHash: prompt.hash,
    checks: prompt.checks,
    problems: prompt.problems,
    samples: [...outcomes.values()].filter((outcome) => outcome.passed !== true),
    ...passRates(detail.samples, outcomes, { models: request.models, temperatures: request.temperatures, cases: detail.summary.cases }, passN),
  };
  return { result, verdicts: all };
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
  const verdicts =
    kept && kept.checksHash === prompt.hash && kept.finishedAt === sample.finishedAt
      ? kept.verdicts
      : evaluateSample(sample, applicable, prompt.specs, prompt.outputSchema, await matchRegexChecks([sample], applicable, prompt.specs));
  return { sampleId, checks: applicable, verdicts, callFailed: sample.status === 'error' };
}

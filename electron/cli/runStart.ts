// Starting a sampling run from the command line and following it to its end, shared by `workbench
// run` and `workbench test`: the request from the options (the prompt's own sweep fills in what they
// leave out), the estimate and its question above the cost threshold, then progress until it stops.
import { WorkbenchError } from '../../shared/errors';
import { startingModels } from '../../shared/models';
import { RunRequest, SeedMode, type RunEstimate, type RunSummary } from '../../shared/runs';
import type { WorkbenchCore } from '../core/core';
import { UsageError, flag, integerOption, stringOption, type CommandContext, type ParsedArgs } from './command';
import { checkedInput } from './checkedInput';
import { followRun } from './runFollower';
import { formatCost, notSampledLines } from './runCellsTable';

/**
 * The run the options ask for: -m, -t, -n, --case, --ref and the tuning options, each read only
 * when the command defines it. Models, temperatures and N default to the prompt's metadata.workbench.
 */
export async function runRequestFrom(core: WorkbenchCore, name: string, args: ParsedArgs): Promise<RunRequest> {
  const models = listOption(args, 'model');
  const temperatures = listOption(args, 'temperature').flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  // The prompt's own sweep fills in what the command line leaves out. Reading it asks git whether
  // the prompt is a draft, which loads isomorphic-git (see isomorphicGit.ts); a fully specified run skips that.
  const needsDefaults = models.length === 0 || temperatures.length === 0 || args.values.samples === undefined;
  const prompt = needsDefaults ? await core.api.getPrompt({ name }) : null;
  const configTemperature = typeof prompt?.config.temperature === 'number' ? [prompt.config.temperature] : [];
  const sweepTemperatures = prompt?.sweep?.temperatures.length ? prompt.sweep.temperatures : configTemperature;
  const chosenModels = models.length > 0 || !prompt ? models : startingModels(prompt, (await core.api.getSettings({})).defaultModel ?? null);
  if (chosenModels.length === 0) {
    throw new UsageError(`"${name}" names no model and the workspace has no default model; choose one with -m, e.g. -m ollama/llama3.2, or set a default model in the app's Settings`);
  }
  const chosenTemperatures = temperatures.length > 0 ? temperatures.map(parseTemperature) : sweepTemperatures;
  if (chosenTemperatures.length === 0) throw new UsageError(`"${name}" sets no temperature; choose some with -t, e.g. -t 0,0.7,1.2`);
  const cases = listOption(args, 'case');
  const seedMode = stringOption(args, 'seed-mode');
  if (seedMode !== undefined && !SeedMode.safeParse(seedMode).success) throw new UsageError(`--seed-mode must be none, fixed or per-sample, not "${seedMode}"`);
  const seed = integerOption(args, 'seed', 0, 2 ** 31 - 1);
  return checkedInput(RunRequest, {
    prompt: name,
    ref: stringOption(args, 'ref'),
    models: chosenModels,
    temperatures: chosenTemperatures,
    cases: cases.length > 0 ? cases : undefined,
    samples: integerOption(args, 'samples', 1, 1000) ?? prompt?.sweep?.samples ?? 1,
    // A seed given without a mode means "reproduce exactly": the same seed for every call.
    seedMode: (seedMode as SeedMode | undefined) ?? (seed !== undefined ? 'fixed' : 'none'),
    seed,
    maxTokens: integerOption(args, 'max-tokens', 1, 1_000_000),
    concurrency: integerOption(args, 'concurrency', 1, 64),
    stream: !flag(args, 'no-stream'),
  });
}

/**
 * Estimates the run (saying so on stderr, with the cells not sampled), asks above the cost threshold
 * unless --yes, starts it and follows it to its end. null: the person said no, nothing started.
 */
export async function startAndFollowRun(core: WorkbenchCore, request: RunRequest, args: ParsedArgs, context: CommandContext): Promise<RunSummary | null> {
  const estimate = await core.api.estimateRun(request);
  if (estimate.problems.length > 0) throw new UsageError(`the run cannot start:\n  - ${estimate.problems.join('\n  - ')}`);
  context.stderr(describeEstimate(estimate));
  for (const line of notSampledLines(estimate.skipped)) context.stderr(line);
  if (estimate.needsConfirmation && !flag(args, 'yes') && !(await confirmed(estimate, context))) return null;
  const started = await core.api.startRun({ ...request, confirmed: true });
  context.stderr(`Run ${started.runId} started.`);
  const judged = core.events.on('judgeProgress', (progress) => {
    if (progress.runId !== started.runId || !progress.finished || progress.total === 0) return;
    context.stderr(`Judged ${progress.done} outputs against rubric checks (${progress.calls} calls).${progress.failures.map((failure) => ` ${failure}`).join('')}`);
  });
  try {
    const summary = await followRun(core, started.runId, context);
    // A run that ended with rubric checks is being judged: its verdicts are part of what it reports.
    await core.judge.settled(started.runId);
    return summary;
  } finally {
    judged();
  }
}

/** A prompt that cannot be read or rendered, or a run that is not there, is a mistake in the command, not a failure. */
export function asUsageError(error: unknown): unknown {
  if (error instanceof WorkbenchError && ['NOT_FOUND', 'PROMPT_INVALID', 'MISSING_VARIABLES', 'BAD_INPUT'].includes(error.code)) {
    return new UsageError(error.message);
  }
  return error;
}

function listOption(args: ParsedArgs, name: string): string[] {
  const value = args.values[name];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function parseTemperature(text: string): number {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || value > 2) throw new UsageError(`-t takes temperatures from 0 to 2, such as 0,0.7,1.2; "${text}" is not one`);
  return value;
}

function describeEstimate(estimate: RunEstimate): string {
  // Tokens are estimated from the texts' length (runner/tokenEstimate.ts), and the cost from them.
  const unknown = `cost unknown for ${estimate.unpricedModels.join(', ')}`;
  const cost = estimate.costUsd === null ? unknown : `about ${formatCost(estimate.costUsd)}${estimate.unpricedModels.length > 0 ? ` (${unknown})` : ''}`;
  const judging = estimate.judging.calls > 0 ? ` (${estimate.judging.calls} of them to judges of rubric checks)` : '';
  return `${estimate.calls} calls in ${estimate.cells} cells${judging} · about ${estimate.inputTokens} input + ${estimate.outputTokens} output tokens · ${cost}`;
}

async function confirmed(estimate: RunEstimate, context: CommandContext): Promise<boolean> {
  const cost = formatCost(estimate.costUsd);
  if (!context.terminal.stdin) {
    throw new UsageError(
      `this run is estimated at ${cost}, above the $${estimate.thresholdUsd.toFixed(2)} confirmation threshold; add --yes to start it without a terminal`,
    );
  }
  const answer = await context.ask(`This run is estimated at ${cost}, above the $${estimate.thresholdUsd.toFixed(2)} threshold. Start it? [y/N] `);
  if (/^y(es)?$/i.test(answer.trim())) return true;
  context.stderr('Not started.');
  return false;
}

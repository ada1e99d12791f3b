// `workbench test`: the CI gate. Samples each prompt as `workbench run` would (or, with --run,
// takes a run already made and calls no provider), evaluates the outputs against the prompt's
// checks as the working files hold them now, and exits 0 only when every cell's pass rate reaches
// the threshold. Checks are read before anything is sampled, so a prompt without any costs nothing.
import { DEFAULT_PASS_N } from '../../shared/checks/passRate';
import type { RunDetail } from '../../shared/runs';
import type { WorkbenchCore } from '../core/core';
import { currentChecks } from '../core/checks/runChecker';
import { openCommandCore } from './commandCore';
import { UsageError, flag, integerOption, stringOption, type Command, type CommandContext, type ParsedArgs } from './command';
import { applyGate, type GateResult, type GateRule } from './checkGate';
import { gateJson, gateTable } from './checkGateReport';
import { junitReport, problemLine } from './junitReport';
import { writeOutputFile } from './outputFile';
import { notSampledLines } from './runCellsTable';
import { nextStep } from './runFollower';
import { asUsageError, runRequestFrom, startAndFollowRun } from './runStart';

/** The options that choose what to sample; a re-check of a run made already takes none of them. */
const SAMPLING_OPTIONS = ['model', 'temperature', 'samples', 'ref', 'yes'] as const;
const OPTION_NAMES: Record<(typeof SAMPLING_OPTIONS)[number], string> = { model: '-m', temperature: '-t', samples: '-n', ref: '--ref', yes: '--yes' };

export const testCommand: Command = {
  name: 'test',
  summary: "Check prompts' outputs against their checks; exit 1 when a cell's pass rate is below the gate (for CI)",
  usage:
    'workbench test <name>…|--all [-m provider/model]… [-t 0,0.7]… [-n N] [--ref COMMIT] [--yes]\n' +
    '               [--min-pass-rate R] [--confident] [--pass-n N] [--junit FILE] [--json] [--workspace DIR]\n' +
    'workbench test [<name>] --run RUN_ID [--min-pass-rate R] [--confident] [--pass-n N] [--junit FILE] [--json]\n\n' +
    'Samples each prompt as `workbench run` does (models, temperatures and N default to its metadata.workbench settings),\n' +
    'then evaluates every output against its checks (a case\'s expect: in <name>.cases.yaml, prompt-wide ones under\n' +
    'metadata.workbench.checks) as the files hold them now. --run RUN_ID re-checks a run made already, with no provider call.\n' +
    '--all tests every prompt that has checks. Prints a row per cell: passed/total, pass rate, its 95% interval, pass^N\n' +
    '(the chance that N fresh samples all pass, N = --pass-n, default 5) and stable pass / stable fail / flaky.\n' +
    'The gate: every cell\'s pass rate ≥ R (--min-pass-rate, 0–1 or a percentage such as 90%; default 1); with --confident,\n' +
    'the lower bound of each cell\'s 95% interval ≥ R. It also fails when a check cannot be read or the run stopped early.\n' +
    '--json prints {"runId", "gate": {"threshold", "passed"}, "cells": [{"model", "temperature", "case", "passed", "total",\n' +
    '"passRate", "low", "high", "label"}]}; with --all or several names, an array of these, each with its "prompt".\n' +
    '--junit FILE writes JUnit XML: a testcase per cell, a failure (with every failing sample\'s reasons) per cell below the gate.\n' +
    'Exit 0 when the gate passes, 1 when it fails, 2 for usage errors (an unknown prompt or run, a prompt with no checks).',
  options: {
    model: { type: 'string', short: 'm', multiple: true },
    temperature: { type: 'string', short: 't', multiple: true },
    samples: { type: 'string', short: 'n' },
    ref: { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
    all: { type: 'boolean' },
    run: { type: 'string' },
    'min-pass-rate': { type: 'string' },
    confident: { type: 'boolean' },
    'pass-n': { type: 'string' },
    junit: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, context) {
    const names = args.positionals;
    const runId = stringOption(args, 'run');
    const all = flag(args, 'all');
    if (runId !== undefined) {
      const sampling = SAMPLING_OPTIONS.find((name) => args.values[name] !== undefined);
      if (sampling) throw new UsageError(`--run re-checks a run made already, so ${OPTION_NAMES[sampling]} (which chooses what to sample) does not go with it`);
      if (all) throw new UsageError('--run re-checks one run, of one prompt; it does not go with --all');
      if (names.length > 1) throw new UsageError(`--run re-checks one run, of one prompt; got ${names.length} names`);
    } else if (all && names.length > 0) {
      throw new UsageError(`--all tests every prompt with checks; give either --all or names, not both ("${names[0]}")`);
    } else if (!all && names.length === 0) {
      throw new UsageError('test needs the names of prompts, --all, or --run RUN_ID, e.g. `workbench test ticket-triage --min-pass-rate 0.9`');
    }
    const rule: GateRule = { threshold: thresholdFrom(args), confident: flag(args, 'confident') };
    const passN = integerOption(args, 'pass-n', 1, 100);
    const junit = stringOption(args, 'junit');

    const results = await gatedResults(args, context, { names, runId, all, rule, passN });
    if (results === null) return 2;

    // One object for one prompt named (or one run); an array when --all or several names may find several.
    const single = runId !== undefined || (!all && names.length === 1);
    if (flag(args, 'json')) {
      const objects = results.map((result) => gateJson(result, rule));
      context.stdout(JSON.stringify(single ? objects[0] : results.map((result, i) => ({ prompt: result.prompt, ...objects[i] }))));
    } else {
      context.stdout(results.map((result) => gateTable(result, rule)).join('\n\n'));
      if (results.length > 1) {
        const failed = results.filter((result) => !result.passed).map((result) => result.prompt);
        context.stdout(`\n${failed.length === 0 ? `gate: PASS for all ${results.length} prompts` : `gate: FAIL for ${failed.join(', ')}`}`);
      }
    }
    if (junit !== undefined) {
      writeOutputFile(junit, junitReport(results, rule), { what: 'the JUnit report', option: '--junit' });
      context.stderr(`Wrote the JUnit report to ${junit}.`);
    }
    return results.every((result) => result.passed) ? 0 : 1;
  },
};

interface Targets {
  names: string[];
  runId: string | undefined;
  all: boolean;
  rule: GateRule;
  passN: number | undefined;
}

/** Each prompt's run, checked and gated; null when the person declined a run above the cost threshold. */
async function gatedResults(args: ParsedArgs, context: CommandContext, targets: Targets): Promise<GateResult[] | null> {
  const core = await openCommandCore(args, context);
  try {
    if (targets.runId !== undefined) {
      const detail = await core.api.getRun({ runId: targets.runId });
      const [name] = targets.names;
      const { prompt } = detail.summary;
      if (name !== undefined && name !== prompt) {
        throw new UsageError(`run ${targets.runId} is a run of "${prompt}", not "${name}"; give --run alone or with "${prompt}"`);
      }
      requireChecks(core, prompt);
      return [await gate(core, detail, targets, context)];
    }

    // Everything that can be refused is refused before the first call is made.
    const prompts = targets.all ? await promptsWithChecks(core, context) : targets.names;
    const requests = [];
    for (const name of prompts) {
      await core.api.getPrompt({ name });
      requireChecks(core, name);
      requests.push(await runRequestFrom(core, name, args));
    }
    const results: GateResult[] = [];
    for (const request of requests) {
      const summary = await startAndFollowRun(core, request, args, context);
      if (!summary) return null;
      const next = nextStep(summary);
      if (next) context.stderr(next);
      results.push(await gate(core, await core.api.getRun({ runId: summary.runId }), targets, context));
      // Ctrl+C stops the test, not only the run under way.
      if (summary.status === 'cancelled') break;
    }
    return results;
  } catch (error) {
    throw asUsageError(error);
  } finally {
    await core.close();
  }
}

async function gate(core: WorkbenchCore, detail: Pick<RunDetail, 'summary' | 'samples' | 'skipped'>, targets: Targets, context: CommandContext): Promise<GateResult> {
  const checks = await core.api.runChecks({ runId: detail.summary.runId, passN: targets.passN ?? DEFAULT_PASS_N });
  for (const problem of checks.problems) context.stderr(problemLine(problem));
  // A run sampled here said which cells it left out before it started; one made already says so now.
  if (targets.runId !== undefined) for (const line of notSampledLines(detail.skipped)) context.stderr(line);
  return applyGate(detail, checks, targets.rule);
}

/** Refuses a prompt with no check to go by, saying how to write one (or what is wrong with those written). */
function requireChecks(core: WorkbenchCore, name: string): void {
  const { checks, problems } = currentChecks(core.workspace, name);
  if (checks.length > 0) return;
  if (problems.length > 0) {
    throw new UsageError(`"${name}" has no check that can be read; fix these:\n  ${problems.map(problemLine).join('\n  ')}`);
  }
  throw new UsageError(
    `"${name}" has no checks, so there is nothing to test. Add some under a case's \`expect:\` in prompts/${name}.cases.yaml ` +
      `(e.g. \`expect: [{contains: Tokyo}]\`) or for every case under \`metadata.workbench.checks\` in prompts/${name}.prompt; see "Checks" in the README`,
  );
}

async function promptsWithChecks(core: WorkbenchCore, context: CommandContext): Promise<string[]> {
  const names = (await core.api.listPrompts({})).map((prompt) => prompt.name);
  const withChecks = names.filter((name) => {
    const read = currentChecks(core.workspace, name);
    return read.checks.length > 0 || read.problems.length > 0;
  });
  if (withChecks.length === 0) {
    throw new UsageError(
      'no prompt in this workspace has checks, so there is nothing to test. Add some under a case\'s `expect:` in prompts/<name>.cases.yaml ' +
        'or under `metadata.workbench.checks` in the prompt\'s front matter; see "Checks" in the README',
    );
  }
  const without = names.filter((name) => !withChecks.includes(name));
  if (without.length > 0) context.stderr(`Not tested (no checks): ${without.join(', ')}`);
  return withChecks;
}

function thresholdFrom(args: ParsedArgs): number {
  const raw = stringOption(args, 'min-pass-rate');
  if (raw === undefined) return 1;
  const percent = raw.endsWith('%');
  const text = percent ? raw.slice(0, -1) : raw;
  const value = Number(text) / (percent ? 100 : 1);
  if (!/^\d+(\.\d+)?$/.test(text) || !(value >= 0 && value <= 1)) {
    throw new UsageError(`--min-pass-rate takes a pass rate from 0 to 1, such as 0.9, or a percentage such as 90%; "${raw}" is not one`);
  }
  return value;
}

import { openCommandCore } from './commandCore';
import { UsageError, flag, type Command } from './command';
import { exitCodeFor, nextStep } from './runFollower';
import { runReportJson, runReportTable } from './runCellsTable';
import { asUsageError, runRequestFrom, startAndFollowRun } from './runStart';

export const runCommand: Command = {
  name: 'run',
  summary: 'Sample a prompt across models, temperatures and cases, N times per cell',
  usage:
    'workbench run <name> [-m provider/model]… [-t 0,0.7,1.2]… [-n N] [--case NAME]… [--ref COMMIT]\n' +
    '                     [--concurrency N] [--max-tokens N] [--seed-mode none|fixed|per-sample] [--seed N]\n' +
    '                     [--no-stream] [--yes] [--json] [--workspace DIR]\n\n' +
    'Models, temperatures and N default to the prompt\'s metadata.workbench settings (else its model and temperature;\n' +
    'a prompt that names no model runs the workspace\'s default model, set in Settings).\n' +
    'Without --case every case in <name>.cases.yaml runs. Without --ref the draft runs.\n' +
    'A run estimated above the cost threshold asks first; --yes skips the question (needed without a terminal).\n' +
    'Providers read OLLAMA_HOST, OPENAI_API_KEY, OPENAI_BASE_URL, ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL.\n' +
    '--json prints {"runId", "status", "cells": [{"model", "temperature", "case", "ok", "errors", "distinct", …}], "skipped": [{"model", "temperature", "reason"}]}.\n' +
    'Cells a provider cannot take (Anthropic above temperature 1, a seed for Anthropic) are not sampled: the run says which and why, and goes ahead.\n' +
    'Exit 0 when every sample taken succeeded (cells not sampled do not count), 1 when some failed or the run stopped early,\n' +
    '2 for usage or configuration errors (including a sweep with nothing left to sample).',
  options: {
    model: { type: 'string', short: 'm', multiple: true },
    temperature: { type: 'string', short: 't', multiple: true },
    samples: { type: 'string', short: 'n' },
    case: { type: 'string', multiple: true },
    ref: { type: 'string' },
    concurrency: { type: 'string' },
    'max-tokens': { type: 'string' },
    'seed-mode': { type: 'string' },
    seed: { type: 'string' },
    'no-stream': { type: 'boolean' },
    yes: { type: 'boolean', short: 'y' },
    json: { type: 'boolean' },
  },
  async run(args, context) {
    const [name, ...extra] = args.positionals;
    if (!name) throw new UsageError('run needs the name of a prompt, e.g. `workbench run capital-city -m ollama/llama3.2 -t 0,0.7 -n 5`');
    if (extra.length > 0) throw new UsageError(`run takes one prompt name, got also "${extra[0]}"`);
    const core = await openCommandCore(args, context);
    try {
      const summary = await startAndFollowRun(core, await runRequestFrom(core, name, args), args, context);
      if (!summary) return 2;
      const detail = await core.api.getRun({ runId: summary.runId });
      context.stdout(flag(args, 'json') ? runReportJson(detail) : runReportTable(detail));
      const next = nextStep(summary);
      if (next) context.stderr(next);
      return exitCodeFor(summary);
    } catch (error) {
      throw asUsageError(error);
    } finally {
      await core.close();
    }
  },
};

import type { RunSummary } from '../../shared/runs';
import { runVersionLabel } from '../../shared/runVersion';
import { openCommandCore } from './commandCore';
import { UsageError, flag, integerOption, stringOption, type Command } from './command';
import { formatCost } from './runCellsTable';
import { textTable } from './textTable';

export const runsCommand: Command = {
  name: 'runs',
  summary: 'List runs, newest first, with their status and sample counts',
  usage:
    'workbench runs [--prompt NAME] [--limit N] [--json] [--workspace DIR]\n\n' +
    'VERSION is what the run sampled: "commit 1a2b3c4", or "draft · content 4031628" for a draft (named by a short hash\n' +
    'of its text, not a commit id).\n' +
    '--json prints [{"runId", "prompt", "status", "createdAt", "total", "ok", "errors", "commit", "contentHash"}]; status is\n' +
    'running, interrupted, cancelled or done; commit is null for a draft.',
  options: { json: { type: 'boolean' }, prompt: { type: 'string' }, limit: { type: 'string', short: 'n' } },
  async run(args, { stdout, stderr, env }) {
    if (args.positionals.length > 0) throw new UsageError(`runs takes no arguments, got "${args.positionals[0]}" (use --prompt NAME)`);
    const core = await openCommandCore(args, { env, stderr });
    try {
      const runs = await core.api.listRuns({ prompt: stringOption(args, 'prompt'), limit: integerOption(args, 'limit', 1, 1000) ?? 200 });
      if (flag(args, 'json')) stdout(JSON.stringify(runs.map(toJson)));
      else stdout(runs.length === 0 ? 'No runs yet. Start one with `workbench run <name>`.' : formatTable(runs));
      return 0;
    } finally {
      await core.close();
    }
  },
};

function toJson(run: RunSummary) {
  return {
    runId: run.runId,
    prompt: run.prompt,
    status: run.status,
    createdAt: run.createdAt,
    total: run.total,
    ok: run.ok,
    errors: run.errors,
    commit: run.commit,
    contentHash: run.contentHash,
  };
}

function formatTable(runs: RunSummary[]): string {
  const header = ['RUN', 'PROMPT', 'VERSION', 'STATUS', 'CREATED', 'OK', 'ERR', 'TOTAL', 'COST'];
  const rows = runs.map((run) => [
    run.runId,
    run.prompt,
    runVersionLabel(run),
    run.status,
    run.createdAt.slice(0, 16).replace('T', ' '),
    String(run.ok),
    String(run.errors),
    String(run.total),
    formatCost(run.costUsd),
  ]);
  return textTable([header, ...rows], new Set([5, 6, 7]));
}

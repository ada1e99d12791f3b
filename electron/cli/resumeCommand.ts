import { openCommandCore } from './commandCore';
import { UsageError, flag, type Command } from './command';
import { exitCodeFor, followRun, nextStep } from './runFollower';
import { runReportJson, runReportTable } from './runCellsTable';

export const resumeCommand: Command = {
  name: 'resume',
  summary: 'Finish an interrupted or cancelled run: sample exactly what is left',
  usage: 'workbench resume <runId> [--json] [--workspace DIR]\n\nExit codes as for `workbench run`.',
  options: { json: { type: 'boolean' } },
  async run(args, context) {
    const [runId, ...extra] = args.positionals;
    if (!runId) throw new UsageError('resume needs a run id; list them with `workbench runs`');
    if (extra.length > 0) throw new UsageError(`resume takes one run id, got also "${extra[0]}"`);
    const core = await openCommandCore(args, context);
    try {
      const started = await core.api.resumeRun({ runId });
      context.stderr(`Resuming run ${runId}: ${started.pending} samples left.`);
      const summary = await followRun(core, runId, context);
      const detail = await core.api.getRun({ runId });
      context.stdout(flag(args, 'json') ? runReportJson(detail) : runReportTable(detail));
      const next = nextStep(summary);
      if (next) context.stderr(next);
      return exitCodeFor(summary);
    } finally {
      await core.close();
    }
  },
};

import { openCommandCore } from './commandCore';
import { UsageError, stringOption, type Command } from './command';
import { writeOutputFile } from './outputFile';

export const exportCommand: Command = {
  name: 'export',
  summary: "Export a run's samples as JSON lines or CSV",
  usage:
    'workbench export <runId> --format jsonl|csv [--output FILE] [--workspace DIR]\n\n' +
    'One sample per line/row: runId, sampleId, model, temperature, case, index, status (ok, error, pending, cancelled),\n' +
    'output, error, inputTokens, outputTokens, latencyMs, costUsd, rating, note.',
  options: { format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' } },
  async run(args, { stdout, stderr, env }) {
    const [runId, ...extra] = args.positionals;
    if (!runId) throw new UsageError('export needs a run id; list them with `workbench runs`');
    if (extra.length > 0) throw new UsageError(`export takes one run id, got also "${extra[0]}"`);
    const format = stringOption(args, 'format');
    if (format !== 'jsonl' && format !== 'csv') throw new UsageError('export needs --format jsonl or --format csv');
    const core = await openCommandCore(args, { env, stderr });
    try {
      // The same export as the app's, through the contract.
      const exported = await core.api.exportRun({ runId, format });
      const output = stringOption(args, 'output');
      if (output === undefined) stdout(exported.text);
      else {
        writeOutputFile(output, `${exported.text}\n`, { what: 'the export', option: '--output' });
        stderr(`Wrote ${exported.samples} samples to ${output}.`);
      }
      return 0;
    } finally {
      await core.close();
    }
  },
};

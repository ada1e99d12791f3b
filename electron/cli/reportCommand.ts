import fs from 'node:fs';
import path from 'node:path';
import { ReportRequest } from '../../shared/approvals';
import { WorkbenchError } from '../../shared/errors';
import { openCommandCore } from './commandCore';
import { UsageError, stringOption, type Command } from './command';
import { checkedInput } from './checkedInput';
import { writeOutputFile } from './outputFile';

export const reportCommand: Command = {
  name: 'report',
  summary: 'Write a run, or two runs compared, as one self-contained HTML file to share',
  usage:
    'workbench report <runId> [--compare RUN_ID] [-o FILE.html] [--workspace DIR]\n\n' +
    'The page holds everything (charts as inline SVG, no scripts, nothing fetched): open it offline, mail it, print it.\n' +
    'With --compare both runs are shown side by side, the earlier one as A, with the differences B − A, what changed\n' +
    'in plain words, and the diff of the prompt text when it differs.\n' +
    'Without -o, or with -o naming a folder, the file is written there (default: the current folder) as\n' +
    '<prompt>-run-<runId>.html, or <prompt>-<A>-vs-<B>.html for a comparison.\n' +
    'Prints the path of the file written.',
  options: { compare: { type: 'string' }, output: { type: 'string', short: 'o' } },
  async run(args, { stdout, stderr, env }) {
    const [runId, ...extra] = args.positionals;
    if (!runId) throw new UsageError('report needs a run id; list them with `workbench runs`');
    if (extra.length > 0) throw new UsageError(`report takes one run id, got also "${extra[0]}" (compare two runs with --compare RUN_ID)`);
    const request = checkedInput(ReportRequest, { runId, compareRunId: stringOption(args, 'compare') });
    const core = await openCommandCore(args, { env, stderr });
    try {
      const report = await core.api.runReport(request);
      const given = stringOption(args, 'output') ?? '.';
      const output = path.resolve(given);
      // A folder (the current one by default) gets the report under its own name; a name ending in
      // a slash means a folder, which must exist rather than become a file of that name.
      if (/[\\/]$/.test(given) && !isFolder(output)) {
        throw new WorkbenchError('BAD_INPUT', `There is no folder ${output}. Create it first, or give the report's file name with -o.`);
      }
      const file = isFolder(output) ? path.join(output, report.fileName) : output;
      writeOutputFile(file, report.html, { what: 'the report', option: '-o' });
      stdout(file);
      return 0;
    } finally {
      await core.close();
    }
  },
};

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

// `workbench types [--out prompts.d.ts]`: TypeScript input and output types for every prompt, from
// its Picoschema or JSON Schema, for applications calling prompts through prompt-workbench/tasks.
import path from 'node:path';
import { taskTypesFile } from '../core/tasks/taskTypesFile';
import { openWorkspace } from '../core/workspace/workspace';
import { UsageError, stringOption, type Command } from './command';
import { writeOutputFile } from './outputFile';
import { starterDir, workspaceDirFrom } from './paths';

export const typesCommand: Command = {
  name: 'types',
  summary: 'Write TypeScript types of every prompt\'s input and output, for prompt-workbench/tasks',
  usage:
    'workbench types [--out FILE] [--version VERSION] [--workspace DIR]\n\n' +
    'Prints (or writes to --out, e.g. src/prompts.d.ts) a declaration file that gives\n' +
    "`tasks.run('ticket-triage', input)` the prompt's input and output types. Each prompt's types come\n" +
    'from its latest approval (what @approved calls), or its draft when it has none; --version picks\n' +
    'another (draft, v3, a git ref) for every prompt. Include the file in your tsconfig.',
  options: { out: { type: 'string', short: 'o' }, version: { type: 'string' } },
  async run(args, { stdout, stderr, env }) {
    if (args.positionals.length > 0) throw new UsageError(`types takes no prompt names, got "${args.positionals[0]}"`);
    const workspace = await openWorkspace({ workspaceDir: workspaceDirFrom(args, env), starterDir, create: false });
    const file = await taskTypesFile(workspace, stringOption(args, 'version'));
    for (const skipped of file.skipped) stderr(`Left out ${skipped.name}: ${skipped.reason}`);
    const out = stringOption(args, 'out');
    if (out === undefined) {
      stdout(file.text.trimEnd());
      return 0;
    }
    writeOutputFile(out, file.text, { what: 'the types', option: '--out' });
    stderr(`Wrote the types of ${file.prompts.length} prompt${file.prompts.length === 1 ? '' : 's'} to ${path.resolve(out)}.`);
    return 0;
  },
};

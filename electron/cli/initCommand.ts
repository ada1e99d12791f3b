import { openWorkspace } from '../core/workspace/workspace';
import { UsageError, type Command } from './command';
import { starterDir, workspaceDirFrom } from './paths';

export const initCommand: Command = {
  name: 'init',
  summary: 'Create a workspace with the starter prompts (an existing one is left as it is)',
  usage: 'workbench init [--workspace DIR]',
  options: {},
  async run(args, { stdout, env }) {
    if (args.positionals.length > 0) throw new UsageError(`init takes no arguments, got "${args.positionals[0]}"`);
    const workspace = await openWorkspace({ workspaceDir: workspaceDirFrom(args, env), starterDir, create: true });
    stdout(
      workspace.created
        ? `Created a workspace at ${workspace.path} with the starter prompts (commit "Add starter prompts").`
        : `${workspace.path} is already a workspace; nothing was changed.`,
    );
    return 0;
  },
};

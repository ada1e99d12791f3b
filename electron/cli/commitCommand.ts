import { CommitRequest } from '../../shared/versions';
import { openCore } from '../services/core';
import { UsageError, stringOption, type Command } from './command';
import { checkedInput } from './checkedInput';
import { starterDir, workspaceDirFrom } from './paths';

export const commitCommand: Command = {
  name: 'commit',
  summary: "Commit a prompt's draft (its .prompt and .cases.yaml files, nothing else)",
  usage:
    'workbench commit <name> -m MESSAGE [--workspace DIR]\n\n' +
    'The author is the one saved in the app, else GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL, else your global git config.',
  options: { message: { type: 'string', short: 'm' } },
  async run(args, { stdout, env }) {
    const [name, ...extra] = args.positionals;
    if (!name) throw new UsageError('commit needs the name of a prompt, e.g. `workbench commit ticket-triage -m "Shorter answers"`');
    if (extra.length > 0) throw new UsageError(`commit takes one prompt name, got also "${extra[0]}" (quote the message: -m "…")`);
    const message = stringOption(args, 'message');
    if (message === undefined) throw new UsageError('commit needs a message: -m "What changed and why"');
    const request = checkedInput(CommitRequest, { name, message });
    const core = await openCore({ workspaceDir: workspaceDirFrom(args, env), starterDir, create: false });
    try {
      const version = await core.api.commitPrompt(request);
      stdout(`[${version.shortOid}] ${version.summary}`);
      return 0;
    } finally {
      await core.close();
    }
  },
};

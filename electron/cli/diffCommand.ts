import { DiffRequest } from '../../shared/versions';
import { openCommandCore } from './commandCore';
import { UsageError, type Command } from './command';
import { checkedInput } from './checkedInput';

export const diffCommand: Command = {
  name: 'diff',
  summary: 'Show how a prompt changed: its draft against HEAD, or between two versions',
  usage:
    'workbench diff <name> [A] [B] [--workspace DIR]\n\n' +
    'A and B are commit ids (from `workbench history <name>`), HEAD, HEAD~n or `working` (the draft).\n' +
    'No versions: HEAD against the draft. One: that version against the draft. Prints nothing when they are the same.',
  options: {},
  async run(args, { stdout, stderr, env }) {
    const [name, from = 'HEAD', to = 'working', ...extra] = args.positionals;
    if (!name) throw new UsageError('diff needs the name of a prompt, e.g. `workbench diff ticket-triage HEAD~1`');
    if (extra.length > 0) throw new UsageError(`diff compares two versions at most, got also "${extra[0]}"`);
    const request = checkedInput(DiffRequest, { name, from, to });
    const core = await openCommandCore(args, { env, stderr });
    try {
      const diff = await core.api.diffPrompt(request);
      const text = diff.files.map((file) => file.unified).join('');
      if (text !== '') stdout(text.replace(/\n$/, ''));
      return 0;
    } finally {
      await core.close();
    }
  },
};

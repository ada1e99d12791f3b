import { VersionRequest } from '../../shared/versions';
import { openCommandCore } from './commandCore';
import { UsageError, type Command } from './command';
import { checkedInput } from './checkedInput';

export const restoreCommand: Command = {
  name: 'restore',
  summary: "Bring back an earlier version of a prompt as its draft (history is kept as it is)",
  usage:
    'workbench restore <name> <version> [--workspace DIR]\n\n' +
    '<version> is a commit id from `workbench history <name>`, or HEAD~n. The current draft is replaced;\n' +
    'nothing is committed until you run `workbench commit <name> -m MESSAGE`.',
  options: {},
  async run(args, { stdout, stderr, env }) {
    const [name, ref, ...extra] = args.positionals;
    if (!name || !ref) throw new UsageError('restore needs a prompt name and a version, e.g. `workbench restore ticket-triage HEAD~1`');
    if (extra.length > 0) throw new UsageError(`restore takes a prompt name and one version, got also "${extra[0]}"`);
    const request = checkedInput(VersionRequest, { name, ref });
    const core = await openCommandCore(args, { env, stderr });
    try {
      const version = await core.api.promptAtVersion(request);
      await core.api.restorePrompt(request);
      stdout(
        `Restored "${name}" to ${version.oid.slice(0, 7)} as a draft in ${core.workspace.promptsDir}; history is unchanged.\n` +
          `Record it with \`workbench commit ${name} -m "Restore ${version.oid.slice(0, 7)}"\`, or compare it with \`workbench diff ${name}\`.`,
      );
      return 0;
    } finally {
      await core.close();
    }
  },
};

// `workbench rollback <name> v2 -m REASON`: approves v2's commit again as the newest approval
// (v<k+1>), with the reason; callers of @approved send it from their next call. No commit is made
// and no history is rewritten.
import { RollbackApprovalRequest } from '../../shared/taskCalls';
import { checkedInput } from './checkedInput';
import { UsageError, stringOption, type Command } from './command';
import { openCommandCore } from './commandCore';

export const rollbackCommand: Command = {
  name: 'rollback',
  summary: 'Roll an approval back: approve an earlier approval\'s version again, as the newest, with the reason',
  usage:
    'workbench rollback <name> <approval> -m REASON [--workspace DIR]\n\n' +
    '<approval> is v1, v2, … (see `workbench history <name> --approved`). It becomes approval v<k+1> on the\n' +
    'same commit, so `workbench call <name>` and applications calling @approved send it from their next call.\n' +
    'Nothing is committed and no tag is moved or deleted. The tagger is the author saved in the app, else\n' +
    'GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL, else your global git config.',
  options: { message: { type: 'string', short: 'm' } },
  async run(args, { stdout, stderr, env }) {
    const [name, approval, ...extra] = args.positionals;
    if (!name || !approval) throw new UsageError('rollback needs a prompt and an approval, e.g. `workbench rollback ticket-triage v2 -m "v3 escalates every ticket"`');
    if (extra.length > 0) throw new UsageError(`rollback takes a prompt and one approval, got also "${extra[0]}"`);
    const reason = stringOption(args, 'message');
    if (reason === undefined) throw new UsageError('rollback needs the reason: -m "why the current approval is rolled back"');
    const request = checkedInput(RollbackApprovalRequest, { name, approval, reason });
    const core = await openCommandCore(args, { env, stderr });
    try {
      const rolled = await core.api.rollbackApproval(request);
      stdout(`Rolled "${name}" back from ${rolled.from} to ${rolled.to}: ${rolled.tag} approves ${rolled.commit.slice(0, 7)} again. Callers of @approved send it from their next call.`);
      return 0;
    } finally {
      await core.close();
    }
  },
};

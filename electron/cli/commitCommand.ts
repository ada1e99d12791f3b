import { ApproveRequest, type ApprovedVersion } from '../../shared/approvals';
import { WorkbenchError } from '../../shared/errors';
import { CommitRequest } from '../../shared/versions';
import type { WorkbenchCore } from '../core/core';
import { formatTrailers } from '../core/workspace/approvalTrailers';
import { UsageError, flag, stringOption, type Command, type CommandContext } from './command';
import { checkedInput } from './checkedInput';
import { openCommandCore } from './commandCore';

export const commitCommand: Command = {
  name: 'commit',
  summary: "Commit a prompt's draft (its .prompt and .cases.yaml files, nothing else), or approve a run",
  usage:
    'workbench commit <name> -m MESSAGE [--run RUN_ID [--yes]] [--workspace DIR]\n\n' +
    'The author is the one saved in the app, else GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL, else your global git config.\n\n' +
    '--run approves that run of <name>: the commit carries its evidence as git trailers (Workbench-Run, -Models,\n' +
    '-Temperatures, -Samples, -Rating, -Consistency; see `git log`) and is tagged approved/<name>/v<k>. The prompt\n' +
    'must still be the text the run used. If that text is committed already, no commit is made: the approval is the\n' +
    'annotated tag on the version that holds it, its message carrying the same trailers (see `git show <tag>`), and\n' +
    'the version keeps its own message. k continues the numbering of the tags the prompt had under an older name.\n' +
    'A run with no ratings asks first; --yes approves it anyway (needed without a terminal).\n' +
    'Exit 0 when committed, 1 when refused (the prompt changed since the run, nothing to commit), 2 for usage\n' +
    'errors and for an unrated run without --yes.',
  options: { message: { type: 'string', short: 'm' }, run: { type: 'string' }, yes: { type: 'boolean', short: 'y' } },
  async run(args, context) {
    const [name, ...extra] = args.positionals;
    if (!name) throw new UsageError('commit needs the name of a prompt, e.g. `workbench commit ticket-triage -m "Shorter answers"`');
    if (extra.length > 0) throw new UsageError(`commit takes one prompt name, got also "${extra[0]}" (quote the message: -m "…")`);
    const message = stringOption(args, 'message');
    if (message === undefined) throw new UsageError('commit needs a message: -m "What changed and why"');
    const request = checkedInput(CommitRequest, { name, message });
    const runId = stringOption(args, 'run');
    if (runId === undefined && flag(args, 'yes')) throw new UsageError('--yes answers the question of `commit --run`; add --run RUN_ID');
    const core = await openCommandCore(args, context);
    try {
      if (runId !== undefined) return await approve(core, name, checkedInput(ApproveRequest, { runId, message, confirmed: flag(args, 'yes') }), context);
      const version = await core.api.commitPrompt(request);
      context.stdout(`[${version.shortOid}] ${version.summary}`);
      return 0;
    } finally {
      await core.close();
    }
  },
};

async function approve(core: WorkbenchCore, name: string, request: ApproveRequest, context: CommandContext): Promise<number> {
  const run = await core.api.getRun({ runId: request.runId });
  if (run.summary.prompt !== name) {
    throw new UsageError(`run ${request.runId} is a run of "${run.summary.prompt}", not of "${name}"; approve it with \`workbench commit ${run.summary.prompt} --run ${request.runId} -m …\``);
  }
  let approved: ApprovedVersion;
  try {
    approved = await core.api.approveRun(request);
  } catch (error) {
    if (!(error instanceof WorkbenchError) || error.code !== 'CONFIRMATION_REQUIRED') throw error;
    if (!context.terminal.stdin) throw new UsageError(`${error.message} Add --yes to approve it without ratings.`);
    const answer = await context.ask(`No sample of run ${request.runId} is rated. Approve it without rating evidence? [y/N] `);
    if (!/^y(es)?$/i.test(answer.trim())) {
      context.stderr('Not committed.');
      return 2;
    }
    approved = await core.api.approveRun({ ...request, confirmed: true });
  }
  const { version, tag, linkedRuns } = approved;
  const trailers = version.approval ? formatTrailers(version.approval).split('\n') : [];
  const made =
    approved.committed === false
      ? [`Tagged ${tag} on ${version.shortOid} (${version.summary}): that text was committed already, so no commit was made`]
      : [`[${version.shortOid}] ${version.summary}`, `Tagged ${tag}`];
  context.stdout([...made, ...trailers.map((line) => `  ${line}`)].join('\n'));
  const others = linkedRuns.filter((id) => id !== request.runId);
  if (others.length > 0) context.stderr(`Linked ${others.length} other draft run${others.length === 1 ? '' : 's'} of the same text to ${version.shortOid}.`);
  return 0;
}

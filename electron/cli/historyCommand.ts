import type { Approval, VersionWithApproval } from '../../shared/approvals';
import { HistoryRequest } from '../../shared/versions';
import { openCommandCore } from './commandCore';
import { formatPassRateTrailer } from '../core/workspace/approvalTrailers';
import { UsageError, flag, integerOption, type Command } from './command';
import { checkedInput } from './checkedInput';
import { textTable } from './textTable';

export const historyCommand: Command = {
  name: 'history',
  summary: 'List the versions of a prompt (the commits that changed it, across renames), newest first; approved ones with their evidence',
  usage:
    'workbench history <name> [--approved] [--limit N] [--json] [--workspace DIR]\n\n' +
    'Like `git log --follow`, the list goes on past a rename, with the versions made under the older name.\n' +
    '--approved lists only the approvals (made with `workbench commit <name> --run RUN_ID`), one line each, newest first,\n' +
    'with the version, tag, rating, consistency, pass rate (with its 95% interval, for prompts with checks), run and the\n' +
    'approval\'s message. --limit counts the versions listed.\n' +
    '--json prints [{ "id", "message", "author", "date", "name", "approval", "approvals" }]: the full commit id, the first\n' +
    'line of the message, "Name <email>", an ISO date, the prompt\'s name at that version, the newest approval (null or\n' +
    '{ "runId", "models", "temperatures", "samples", "rating", "rated", "consistency", "passRate"?, "tag", "message" }) and every one.',
  options: { json: { type: 'boolean' }, limit: { type: 'string', short: 'n' }, approved: { type: 'boolean' } },
  async run(args, { stdout, stderr, env }) {
    const [name, ...extra] = args.positionals;
    if (!name) throw new UsageError('history needs the name of a prompt, e.g. `workbench history ticket-triage`');
    if (extra.length > 0) throw new UsageError(`history takes one prompt name, got also "${extra[0]}"`);
    const approvedOnly = flag(args, 'approved');
    const request = checkedInput(HistoryRequest, { name, limit: integerOption(args, 'limit', 1, 100_000), approvedOnly });
    const core = await openCommandCore(args, { env, stderr });
    try {
      const versions = await core.api.promptHistory(request);
      if (flag(args, 'json')) stdout(JSON.stringify(versions.map((version) => toJson(version, name)), null, 2));
      else if (versions.length === 0) stdout(approvedOnly ? noApprovals(name) : `"${name}" has no commits yet. Record its draft with \`workbench commit ${name} -m "…"\`.`);
      else stdout(approvedOnly ? approvedTable(versions) : formatTable(versions));
      return 0;
    } finally {
      await core.close();
    }
  },
};

function noApprovals(name: string): string {
  return `"${name}" has no approved versions yet. Approve a run with \`workbench commit ${name} --run RUN_ID -m "…"\`.`;
}

function toJson(version: VersionWithApproval, name: string) {
  return {
    id: version.oid,
    message: version.summary,
    author: person(version),
    date: version.date,
    name: version.promptName ?? name,
    approval: version.approval,
    approvals: approvalsOf(version),
  };
}

/** Newest first; a version approved more than once (from several runs) has several. */
function approvalsOf(version: VersionWithApproval): Approval[] {
  return version.approvals ?? (version.approval ? [version.approval] : []);
}

function person(version: VersionWithApproval): string {
  return `${version.author.name} <${version.author.email}>`;
}

const shortDate = (version: VersionWithApproval) => version.date.slice(0, 16).replace('T', ' ');

function formatTable(versions: VersionWithApproval[]): string {
  const header = ['ID', 'DATE', 'AUTHOR', 'MESSAGE'];
  return textTable([
    header,
    ...versions.map((v) => {
      const approvals = approvalsOf(v);
      return [v.shortOid, shortDate(v), v.author.name, approvals.length > 0 ? `${v.summary}  [${approvals.map((approval) => approval.tag ?? 'approved').join(', ')}]` : v.summary];
    }),
  ]);
}

function rating(approval: Approval): string {
  return approval.rating === null ? `none (n=${approval.rated})` : `${approval.rating.toFixed(2)} (n=${approval.rated})`;
}

/** As the trailer writes it (`0.93 [0.88, 0.96] (n=200)`); a dash when the prompt had no checks. */
function passRate(approval: Approval): string {
  return approval.passRate ? formatPassRateTrailer(approval.passRate) : '–';
}

function approvedTable(versions: VersionWithApproval[]): string {
  const header = ['ID', 'DATE', 'TAG', 'RATING', 'CONSISTENCY', 'PASS RATE', 'SAMPLES', 'RUN', 'MESSAGE'];
  const rows = versions.flatMap((v) =>
    approvalsOf(v).map((approval) => {
      const consistency = approval.consistency === null ? 'none' : approval.consistency.toFixed(2);
      // An approval made as a tag on a committed version has a message of its own.
      const message = approval.message?.split('\n', 1)[0] || v.summary;
      return [v.shortOid, shortDate(v), approval.tag ?? '–', rating(approval), consistency, passRate(approval), String(approval.samples), approval.runId, message];
    }),
  );
  return textTable([header, ...rows], new Set([3, 4, 5, 6]));
}

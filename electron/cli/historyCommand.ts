import { HistoryRequest, type Version } from '../../shared/versions';
import { openCore } from '../services/core';
import { UsageError, flag, integerOption, type Command } from './command';
import { checkedInput } from './checkedInput';
import { starterDir, workspaceDirFrom } from './paths';
import { textTable } from './textTable';

export const historyCommand: Command = {
  name: 'history',
  summary: 'List the versions of a prompt (the commits that changed it), newest first',
  usage:
    'workbench history <name> [--limit N] [--json] [--workspace DIR]\n\n' +
    '--json prints [{ "id", "message", "author", "date" }]: the full commit id, the first line of the message, "Name <email>" and an ISO date.',
  options: { json: { type: 'boolean' }, limit: { type: 'string', short: 'n' } },
  async run(args, { stdout, env }) {
    const [name, ...extra] = args.positionals;
    if (!name) throw new UsageError('history needs the name of a prompt, e.g. `workbench history ticket-triage`');
    if (extra.length > 0) throw new UsageError(`history takes one prompt name, got also "${extra[0]}"`);
    const request = checkedInput(HistoryRequest, { name, limit: integerOption(args, 'limit', 1, 100_000) });
    const core = await openCore({ workspaceDir: workspaceDirFrom(args, env), starterDir, create: false });
    try {
      const versions = await core.api.promptHistory(request);
      if (flag(args, 'json')) stdout(JSON.stringify(versions.map(toJson), null, 2));
      else stdout(versions.length === 0 ? `"${name}" has no commits yet. Record its draft with \`workbench commit ${name} -m "…"\`.` : formatTable(versions));
      return 0;
    } finally {
      await core.close();
    }
  },
};

function toJson(version: Version) {
  return { id: version.oid, message: version.summary, author: person(version), date: version.date };
}

function person(version: Version): string {
  return `${version.author.name} <${version.author.email}>`;
}

function formatTable(versions: Version[]): string {
  const header = ['ID', 'DATE', 'AUTHOR', 'MESSAGE'];
  return textTable([header, ...versions.map((v) => [v.shortOid, v.date.slice(0, 16).replace('T', ' '), v.author.name, v.summary])]);
}

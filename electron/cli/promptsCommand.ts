import type { PromptSummary } from '../../shared/prompts';
import { openCommandCore } from './commandCore';
import { UsageError, flag, type Command } from './command';

export const promptsCommand: Command = {
  name: 'prompts',
  summary: 'List the prompts in the workspace',
  usage: 'workbench prompts [--json] [--workspace DIR]',
  options: { json: { type: 'boolean' } },
  async run(args, { stdout, stderr, env }) {
    if (args.positionals.length > 0) throw new UsageError(`prompts takes no arguments, got "${args.positionals[0]}"`);
    const core = await openCommandCore(args, { env, stderr });
    try {
      const prompts = await core.api.listPrompts({});
      stdout(flag(args, 'json') ? JSON.stringify(prompts, null, 2) : formatTable(prompts, core.workspace.path));
      return 0;
    } finally {
      await core.close();
    }
  },
};

function formatTable(prompts: PromptSummary[], workspacePath: string): string {
  if (prompts.length === 0) return `No prompts yet. Add <name>.prompt files to ${workspacePath}/prompts.`;
  const nameWidth = Math.max(...prompts.map((p) => p.name.length), 4);
  const modelWidth = Math.max(...prompts.map((p) => p.model.length), 5);
  const header = `  ${'NAME'.padEnd(nameWidth)}  ${'MODEL'.padEnd(modelWidth)}  DESCRIPTION`;
  const rows = prompts.map((p) => {
    // "*" marks uncommitted changes, "!" a file with problems, as `git status` users expect.
    const mark = p.problems.length > 0 ? '!' : p.dirty ? '*' : ' ';
    return `${mark} ${p.name.padEnd(nameWidth)}  ${p.model.padEnd(modelWidth)}  ${p.description}`;
  });
  return [header, ...rows].join('\n');
}

// The core a command works on, opened the same way by every command: the workspace it names
// (--workspace, $WORKBENCH_WORKSPACE or the current folder) must exist already (only `init` creates
// one), keys and addresses come from the caller's environment, and a database another writer holds
// is waited for with a word on stderr (databaseWait.ts).
import { openCore, type WorkbenchCore } from '../core/core';
import type { CommandContext, ParsedArgs } from './command';
import { commandLockPolicy } from './databaseWait';
import { starterDir, workspaceDirFrom } from './paths';

export function openCommandCore(args: ParsedArgs, context: Pick<CommandContext, 'env' | 'stderr'>): Promise<WorkbenchCore> {
  return openCore({
    workspaceDir: workspaceDirFrom(args, context.env),
    starterDir,
    create: false,
    env: context.env,
    lockPolicy: commandLockPolicy(context),
  });
}

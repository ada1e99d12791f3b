// STUB (to be implemented): versions of one prompt in the embedded git repository.
import { WorkbenchError } from '../../../shared/errors';
import type { Author } from '../../../shared/settings';
import type { PromptAtVersion, Version } from '../../../shared/versions';
import type { Workspace } from './workspace';

const notYet = (what: string) => new WorkbenchError('INTERNAL', `${what} is not implemented yet.`);

/** Commits the prompt's .prompt and .cases.yaml together; NOTHING_TO_COMMIT when neither changed. */
export async function commitPrompt(_workspace: Workspace, _name: string, _message: string, _author: Author): Promise<Version> {
  throw notYet('commit');
}

/** Commits that touched the prompt's files, newest first. */
export async function promptHistory(_workspace: Workspace, _name: string, _limit?: number): Promise<Version[]> {
  throw notYet('history');
}

export async function promptAtVersion(_workspace: Workspace, _name: string, _ref: string): Promise<PromptAtVersion> {
  throw notYet('reading a version');
}

/** Writes the version's files as the new draft (history is never rewritten). */
export async function restorePrompt(_workspace: Workspace, _name: string, _ref: string): Promise<void> {
  throw notYet('restore');
}

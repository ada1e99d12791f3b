// STUB (to be implemented): differences between two versions of a prompt, or a version and the draft.
import { WorkbenchError } from '../../../shared/errors';
import type { PromptDiff } from '../../../shared/versions';
import type { Workspace } from './workspace';

export async function diffPrompt(_workspace: Workspace, _name: string, _from: string, _to: string): Promise<PromptDiff> {
  throw new WorkbenchError('INTERNAL', 'diff is not implemented yet.');
}

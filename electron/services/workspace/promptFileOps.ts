// STUB (to be implemented): changing prompt files.
import { WorkbenchError } from '../../../shared/errors';
import type { PromptCase } from '../../../shared/prompts';
import type { Workspace } from './workspace';

const notYet = (what: string) => new WorkbenchError('INTERNAL', `${what} is not implemented yet.`);

export async function savePromptSource(_workspace: Workspace, _name: string, _source: string, _expectedHash?: string): Promise<void> {
  throw notYet('save');
}
export async function saveCases(_workspace: Workspace, _name: string, _cases: PromptCase[], _expectedHash?: string): Promise<void> {
  throw notYet('save cases');
}
export function listStarters(_starterDir: string): { name: string; description: string }[] {
  throw notYet('starters');
}
export async function createPrompt(_workspace: Workspace, _starterDir: string, _name: string, _starter?: string): Promise<void> {
  throw notYet('create');
}
export async function renamePrompt(_workspace: Workspace, _name: string, _newName: string): Promise<void> {
  throw notYet('rename');
}
export async function duplicatePrompt(_workspace: Workspace, _name: string, _newName: string): Promise<void> {
  throw notYet('duplicate');
}
export async function deletePrompt(_workspace: Workspace, _name: string, _author: import('../../../shared/settings').Author): Promise<{ name: string; oid: string }> {
  throw notYet('delete');
}

// STUB (to be implemented): live validation and preview of unsaved editor text.
import type { PromptCheck } from '../../../shared/promptFiles';
import type { Workspace } from './workspace';

export async function checkPrompt(_workspace: Workspace, _request: { name: string; source: string; case?: string }): Promise<PromptCheck> {
  return { problems: [], rendered: null, renderError: null };
}

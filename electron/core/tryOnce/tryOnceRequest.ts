// What Try once sends: the editor's text rendered for the chosen case (and any input given), with
// the prompt's own parameters (max tokens, top_p, JSON output) as a run would send them, to the
// chosen model at the chosen temperature. Everything that would make the call pointless is refused
// here, before any request, with what to change.
import path from 'node:path';
import { WorkbenchError } from '../../../shared/errors';
import { splitModelId } from '../../../shared/models';
import { cellRefusal } from '../../../shared/parameterRules';
import type { TryOnceRequest } from '../../../shared/tryOnce';
import type { CompletionRequest, ModelProvider } from '../providers/provider';
import { parseCasesFile } from '../workspace/casesFile';
import { splitFrontMatter } from '../workspace/frontMatter';
import { outputJsonSchema } from '../workspace/outputJsonSchema';
import { parsePromptFile } from '../workspace/promptFile';
import { promptFilePaths } from '../workspace/promptLibrary';
import { renderPromptSource } from '../workspace/promptRenderer';
import { readTextIfPresent } from '../workspace/workingFile';
import type { Workspace } from '../workspace/workspace';

export interface PreparedCall {
  provider: ModelProvider;
  request: CompletionRequest;
}

export async function prepareTryOnce(workspace: Workspace, tryOnce: TryOnceRequest, providerOf: (id: string) => ModelProvider | null): Promise<PreparedCall> {
  const parts = splitModelId(tryOnce.model);
  if (!parts) throw new WorkbenchError('BAD_INPUT', `"${tryOnce.model}" is not a model id; write it as provider/model, e.g. ollama/llama3.2 or openai/gpt-4o-mini.`);
  const provider = providerOf(parts.provider);
  if (!provider) {
    throw new WorkbenchError(
      'NOT_FOUND',
      `There is no provider "${parts.provider}" for ${tryOnce.model}. Use ollama, openai, anthropic, or add an OpenAI-compatible endpoint named "${parts.provider}" in Settings.`,
    );
  }

  const paths = promptFilePaths(tryOnce.name);
  const parsed = parsePromptFile(paths.prompt, tryOnce.source);
  const input = { ...caseInput(workspace, tryOnce), ...tryOnce.input };
  const rendered = await renderPromptSource(paths.prompt, tryOnce.source, input);
  if (rendered.messages.length === 0) {
    throw new WorkbenchError(
      'PROMPT_INVALID',
      `${paths.prompt} renders no message for this input, so there is nothing to send. Write the prompt's text${splitFrontMatter(tryOnce.source) ? ' below the front matter' : ''}.`,
    );
  }

  const maxTokens = finiteNumber(parsed.config.maxOutputTokens);
  const topP = finiteNumber(parsed.config.topP);
  // The same limits that leave a run's cell out; a single call is refused rather than sent changed.
  const refusal = cellRefusal(provider.label, provider.kind, tryOnce.temperature, { maxTokens, topP, seeded: false });
  if (refusal) throw new WorkbenchError('BAD_INPUT', `${tryOnce.model} cannot be called at temperature ${tryOnce.temperature}: ${refusal}. Choose a value it takes.`);

  const request: CompletionRequest = { model: parts.model, messages: rendered.messages, temperature: tryOnce.temperature, stream: true };
  if (maxTokens !== undefined) request.maxTokens = maxTokens;
  if (topP !== undefined) request.topP = topP;
  if (parsed.outputFormat === 'json') {
    // An unreadable output schema is already one of the editor's problems; the call still asks for JSON.
    const schema = await outputJsonSchema(parsed.outputSchema);
    request.output = schema.ok && schema.schema ? { format: 'json', schema: schema.schema } : { format: 'json' };
  }
  return { provider, request };
}

/** The named case's input from the cases file on disk (as the preview uses it), or none. */
function caseInput(workspace: Workspace, tryOnce: TryOnceRequest): Record<string, unknown> {
  if (tryOnce.case === undefined) return {};
  const file = promptFilePaths(tryOnce.name).cases;
  const { cases } = parseCasesFile(file, readTextIfPresent(path.join(workspace.path, file)));
  const chosen = cases.find((entry) => entry.name === tryOnce.case);
  if (!chosen) {
    const known = cases.map((entry) => `"${entry.name}"`).join(', ') || 'none';
    throw new WorkbenchError('NOT_FOUND', `"${tryOnce.name}" has no case named "${tryOnce.case}". Its cases: ${known}. Pick one in the preview.`);
  }
  return chosen.input;
}

function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

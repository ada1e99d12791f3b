// Chosen models their provider did not report when asked for its models: most often a typo or a
// model not pulled yet, so the run dialog warns before Start. Only a warning: a provider's list can
// be incomplete (an endpoint that lists a few models, a model served under an alias).
import { splitModelId } from '../../../shared/models';
import type { ProviderHealth, ProviderStatus } from '../../../shared/providers';

export interface UnreportedModel {
  model: string;
  /** The provider's label, e.g. "Anthropic". */
  provider: string;
}

/** `health[i]` is the latest check of `providers[i]`, undefined while it has none. */
export function unreportedModels(chosen: readonly string[], providers: readonly ProviderStatus[], health: readonly (ProviderHealth | undefined)[]): UnreportedModel[] {
  const unreported: UnreportedModel[] = [];
  for (const model of chosen) {
    const parts = splitModelId(model);
    const index = parts ? providers.findIndex((provider) => provider.id === parts.provider) : -1;
    const provider = providers[index];
    const check = health[index];
    // A provider that did not answer has reported nothing to compare with; its card says why.
    if (!provider || !check?.ok) continue;
    const reported = new Set(check.models.map((entry) => entry.id));
    // Ollama lists `llama3.2:latest` as `ollama/llama3.2`, the name prompt files use.
    const id = provider.kind === 'ollama' ? model.replace(/:latest$/, '') : model;
    if (!reported.has(id)) unreported.push({ model, provider: provider.label });
  }
  return unreported;
}

export function unreportedMessage({ model, provider }: UnreportedModel): string {
  return `“${model}” is not among the models ${provider} reported: check the name. It may still exist, so you can start anyway.`;
}

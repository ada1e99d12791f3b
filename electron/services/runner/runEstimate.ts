// What a run will cost before it starts: calls, tokens (counted with an OpenAI tokenizer, a fair
// approximation for other vendors), and dollars from the pricing table.
import { costUsd, priceFor, type PriceEntry } from '../../../shared/pricing';
import type { RenderedMessage } from '../../../shared/prompts';
import type { RunEstimate, RunRequest } from '../../../shared/runs';
import type { RunPlan } from './runPlan';

export interface EstimateContext {
  pricing: readonly PriceEntry[];
  thresholdUsd: number;
  /** Mean output tokens of earlier successful samples of this prompt with this model, if any. */
  pastOutputTokens: (modelId: string) => number | null;
}

/** Output tokens assumed per call when nothing better is known and the run sets no max tokens. */
const DEFAULT_OUTPUT_GUESS = 256;

// The tokenizer's tables weigh several megabytes; load them only when someone asks for an estimate.
let tokenizer: Promise<(text: string) => number> | null = null;
function countTokens(): Promise<(text: string) => number> {
  tokenizer ??= import('gpt-tokenizer').then((module) => module.countTokens);
  return tokenizer;
}

export async function estimateRun(request: RunRequest, plan: RunPlan | null, problems: string[], context: EstimateContext): Promise<RunEstimate> {
  const count = await countTokens();
  const cases = plan?.cases ?? [];
  const callsPerModel = cases.length * request.temperatures.length * request.samples;
  const inputPerCall = cases.map((entry) => messageTokens(entry.messages, count));
  const inputPerModel = inputPerCall.reduce((sum, tokens) => sum + tokens, 0) * request.temperatures.length * request.samples;
  const maxTokens = plan?.request.maxTokens ?? request.maxTokens;

  const perModel = [...new Set(request.models)].map((model) => {
    const guess = context.pastOutputTokens(model) ?? (maxTokens ? Math.ceil(maxTokens / 2) : DEFAULT_OUTPUT_GUESS);
    const outputPerCall = Math.round(maxTokens ? Math.min(guess, maxTokens) : guess);
    const outputTokens = outputPerCall * callsPerModel;
    return {
      model,
      calls: callsPerModel,
      inputTokens: inputPerModel,
      outputTokens,
      costUsd: costUsd(priceFor(model, context.pricing), inputPerModel, outputTokens),
    };
  });
  const priced = perModel.filter((entry) => entry.costUsd !== null);
  const cost = priced.length > 0 ? priced.reduce((sum, entry) => sum + (entry.costUsd ?? 0), 0) : null;
  return {
    calls: callsPerModel * perModel.length,
    cells: cases.length * request.temperatures.length * perModel.length,
    cases: cases.map((entry) => entry.name),
    inputTokens: inputPerModel * perModel.length,
    outputTokens: perModel.reduce((sum, entry) => sum + entry.outputTokens, 0),
    costUsd: cost,
    unpricedModels: perModel.filter((entry) => entry.costUsd === null).map((entry) => entry.model),
    perModel,
    problems,
    needsConfirmation: cost !== null && cost > context.thresholdUsd,
    thresholdUsd: context.thresholdUsd,
  };
}

/** Text tokens plus a few per message for the chat framing, as OpenAI's own counting guide does. */
function messageTokens(messages: RenderedMessage[], count: (text: string) => number): number {
  const PER_MESSAGE = 4;
  return messages.reduce(
    (sum, message) => sum + PER_MESSAGE + message.content.reduce((inner, part) => inner + (part.text ? count(part.text) : 0), 0),
    3,
  );
}

// What a run will cost before it starts: calls, tokens (estimated from the texts' length, see
// tokenEstimate.ts), and dollars from the pricing table.
import { roundUsd } from '../../../shared/money';
import { costUsd, priceFor, type PriceEntry } from '../../../shared/pricing';
import type { RenderedMessage } from '../../../shared/prompts';
import type { RunEstimate, RunRequest } from '../../../shared/runs';
import type { RunPlan } from '../store/runPlan';
import { estimateTokens } from './tokenEstimate';

export interface EstimateContext {
  pricing: readonly PriceEntry[];
  thresholdUsd: number;
  /** Mean output tokens of earlier successful samples of this prompt with this model, if any. */
  pastOutputTokens: (modelId: string) => number | null;
}

/** Output tokens assumed per call when nothing better is known and the run sets no max tokens. */
const DEFAULT_OUTPUT_GUESS = 256;

export function estimateRun(request: RunRequest, plan: RunPlan | null, problems: string[], context: EstimateContext): RunEstimate {
  const cases = plan?.cases ?? [];
  const callsPerModel = cases.length * request.temperatures.length * request.samples;
  const inputPerCall = cases.map((entry) => messageTokens(entry.messages));
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
  const cost = priced.length > 0 ? roundUsd(priced.reduce((sum, entry) => sum + (entry.costUsd ?? 0), 0)) : null;
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
function messageTokens(messages: RenderedMessage[]): number {
  const PER_MESSAGE = 4;
  return messages.reduce(
    (sum, message) => sum + PER_MESSAGE + message.content.reduce((inner, part) => inner + (part.text ? estimateTokens(part.text) : 0), 0),
    3,
  );
}

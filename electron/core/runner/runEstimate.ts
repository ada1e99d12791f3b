// What a run will cost before it starts: calls, tokens (estimated from the texts' length, see
// tokenEstimate.ts), and dollars from the pricing table. Skipped cells (runPlanner.ts) make no calls.
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
  const skipped = plan?.skipped ?? [];
  const inputPerRepeat = cases.reduce((sum, entry) => sum + messageTokens(entry.messages), 0);
  const maxTokens = plan?.request.maxTokens ?? request.maxTokens;

  const perModel = [...new Set(request.models)].map((model) => {
    const temperatures = request.temperatures.length - skipped.filter((cell) => cell.model === model).length;
    const callsPerModel = cases.length * temperatures * request.samples;
    const inputPerModel = inputPerRepeat * temperatures * request.samples;
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
  const calls = perModel.reduce((sum, entry) => sum + entry.calls, 0);
  return {
    calls,
    cells: cases.length * (request.temperatures.length * perModel.length - skipped.length),
    cases: cases.map((entry) => entry.name),
    inputTokens: perModel.reduce((sum, entry) => sum + entry.inputTokens, 0),
    outputTokens: perModel.reduce((sum, entry) => sum + entry.outputTokens, 0),
    costUsd: cost,
    unpricedModels: perModel.filter((entry) => entry.costUsd === null).map((entry) => entry.model),
    perModel,
    skipped,
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

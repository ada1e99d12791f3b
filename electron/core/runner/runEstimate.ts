// What a run will cost before it starts: calls, tokens (counted with an OpenAI tokenizer, a fair
// approximation for other vendors), and dollars from the pricing table.
import { costUsd, priceFor, type PriceEntry } from '../../../shared/pricing';
import type { RenderedMessage } from '../../../shared/prompts';
import type { RunEstimate, RunRequest } from '../../../shared/runs';
import type { RunPlan } from '../store/runPlan';

export interface EstimateContext {
  pricing: readonly PriceEntry[];
  thresholdUsd: number;
  /** Mean output tokens of earlier successful samples of this prompt with this model, if any. */
  pastOutputTokens: (modelId: string) => number | null;
  /** Token counts of the texts, in order (tokenCounter.ts). */
  countTokens: (texts: readonly string[]) => Promise<number[]>;
}

/** Output tokens assumed per call when nothing better is known and the run sets no max tokens. */
const DEFAULT_OUTPUT_GUESS = 256;

export async function estimateRun(request: RunRequest, plan: RunPlan | null, problems: string[], context: EstimateContext): Promise<RunEstimate> {
  const cases = plan?.cases ?? [];
  // One trip to the tokenizer for every distinct text (cases often share their system message).
  const texts = [...new Set(cases.flatMap((entry) => messageTexts(entry.messages)))];
  const counts = await context.countTokens(texts);
  const tokensOf = new Map(texts.map((text, index) => [text, counts[index] ?? 0]));
  const count = (text: string) => tokensOf.get(text) ?? 0;
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

/** The non-empty texts of the messages' parts, the only parts that are counted. */
function messageTexts(messages: RenderedMessage[]): string[] {
  return messages.flatMap((message) => message.content.flatMap((part) => (part.text ? [part.text] : [])));
}

/** Text tokens plus a few per message for the chat framing, as OpenAI's own counting guide does. */
function messageTokens(messages: RenderedMessage[], count: (text: string) => number): number {
  const PER_MESSAGE = 4;
  return messages.reduce(
    (sum, message) => sum + PER_MESSAGE + message.content.reduce((inner, part) => inner + (part.text ? count(part.text) : 0), 0),
    3,
  );
}

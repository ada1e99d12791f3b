// What a run will cost before it starts: calls, tokens (estimated from the texts' length, see
// tokenEstimate.ts), and dollars from the pricing table. Skipped cells (runPlanner.ts) make no calls.
// A prompt with rubric checks also pays its judges: rubric checks × samples × judgeRepeats calls,
// each sending the judge prompt, the rubric and an output the size the samples are guessed at.
import { roundUsd } from '../../../shared/money';
import { costUsd, priceFor, type PriceEntry } from '../../../shared/pricing';
import type { RenderedMessage } from '../../../shared/prompts';
import type { JudgingEstimate, RunEstimate, RunRequest } from '../../../shared/runs';
import { judgeMessages } from '../checks/judgeRequest';
import type { RunPlan } from '../store/runPlan';
import { estimateTokens } from './tokenEstimate';

export interface EstimateContext {
  pricing: readonly PriceEntry[];
  thresholdUsd: number;
  /** Mean output tokens of earlier successful samples of this prompt with this model, if any. */
  pastOutputTokens: (modelId: string) => number | null;
  /** The prompt's rubric checks (case null: every case), and the judge of those that name none. */
  rubrics?: readonly EstimatedRubric[];
  defaultJudge?: string | null;
}

export interface EstimatedRubric {
  case: string | null;
  rubric: string;
  judge: string | null;
  repeats: number;
}

/** A judge's answer: the small JSON verdict with a sentence of reason. */
const JUDGE_OUTPUT_GUESS = 40;

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
      temperatures,
      outputPerCall,
    };
  });
  const judging = estimateJudging(
    perModel,
    cases.map((entry) => entry.name),
    request.samples,
    context,
  );
  const everything = [...perModel, ...judging.perJudge];
  const priced = everything.filter((entry) => entry.costUsd !== null);
  const cost = priced.length > 0 ? roundUsd(priced.reduce((sum, entry) => sum + (entry.costUsd ?? 0), 0)) : null;
  const calls = everything.reduce((sum, entry) => sum + entry.calls, 0);
  return {
    calls,
    cells: cases.length * (request.temperatures.length * perModel.length - skipped.length),
    cases: cases.map((entry) => entry.name),
    inputTokens: everything.reduce((sum, entry) => sum + entry.inputTokens, 0),
    outputTokens: everything.reduce((sum, entry) => sum + entry.outputTokens, 0),
    costUsd: cost,
    unpricedModels: [...new Set(everything.filter((entry) => entry.costUsd === null).map((entry) => entry.model))],
    perModel: perModel.map(({ model, calls: modelCalls, inputTokens, outputTokens, costUsd: modelCost }) => ({ model, calls: modelCalls, inputTokens, outputTokens, costUsd: modelCost })),
    skipped,
    problems,
    needsConfirmation: cost !== null && cost > context.thresholdUsd,
    thresholdUsd: context.thresholdUsd,
    judging,
  };
}

/** Judge calls for every sample's rubric checks, grouped by judge model and priced. */
function estimateJudging(
  perModel: readonly { model: string; temperatures: number; outputPerCall: number }[],
  caseNames: readonly string[],
  samples: number,
  context: EstimateContext,
): JudgingEstimate {
  const rubrics = context.rubrics ?? [];
  const byJudge = new Map<string, { calls: number; inputTokens: number; outputTokens: number }>();
  for (const { model, temperatures, outputPerCall } of perModel) {
    for (const caseName of caseNames) {
      for (const rubric of rubrics) {
        if (rubric.case !== null && rubric.case !== caseName) continue;
        const judge = rubric.judge ?? context.defaultJudge ?? model;
        const calls = temperatures * samples * rubric.repeats;
        const entry = byJudge.get(judge) ?? { calls: 0, inputTokens: 0, outputTokens: 0 };
        entry.calls += calls;
        entry.inputTokens += calls * (messageTokens(judgeMessages(rubric.rubric, '')) + outputPerCall);
        entry.outputTokens += calls * JUDGE_OUTPUT_GUESS;
        byJudge.set(judge, entry);
      }
    }
  }
  const perJudge = [...byJudge].map(([model, entry]) => ({ model, ...entry, costUsd: costUsd(priceFor(model, context.pricing), entry.inputTokens, entry.outputTokens) }));
  const priced = perJudge.filter((entry) => entry.costUsd !== null);
  return {
    calls: perJudge.reduce((sum, entry) => sum + entry.calls, 0),
    inputTokens: perJudge.reduce((sum, entry) => sum + entry.inputTokens, 0),
    outputTokens: perJudge.reduce((sum, entry) => sum + entry.outputTokens, 0),
    costUsd: priced.length > 0 ? roundUsd(priced.reduce((sum, entry) => sum + (entry.costUsd ?? 0), 0)) : null,
    perJudge,
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

import type { TryOnceAnswer } from '../../../../shared/tryOnce';
import { formatCost, formatDuration } from '../../../lib/runFormat';

/** Finish reasons that mean the answer was cut off at the token limit (OpenAI, Anthropic, Ollama). */
const CUT_OFF = new Set(['length', 'max_tokens']);

/** How the answer came: its time, first token, tokens and cost, and whether it was cut off. */
export function TryOnceAnswerFacts({ answer }: { answer: TryOnceAnswer }) {
  const facts = [
    formatDuration(answer.latencyMs),
    answer.ttftMs === null ? null : `first token ${formatDuration(answer.ttftMs)}`,
    answer.inputTokens === null || answer.outputTokens === null ? 'tokens unknown' : `${answer.inputTokens} in · ${answer.outputTokens} out tokens`,
    formatCost(answer.costUsd),
  ].filter((fact) => fact !== null);
  return (
    <span className="try-once__fact-list">
      <span>{facts.join(' · ')}</span>
      {answer.finishReason !== null && CUT_OFF.has(answer.finishReason) && <span className="try-once__cut-off">cut off at the token limit</span>}
    </span>
  );
}

import type { PromptDetail } from '../../../shared/prompts';
import { ReviewPage } from '../review/ReviewPage';

/**
 * A run has one page, its review (`#/runs/<id>`), which the router opens for links under a prompt
 * too. This stays for callers that still place a run under its prompt's page.
 */
export function RunView({ runId }: { prompt: PromptDetail; runId: string }) {
  return <ReviewPage runId={runId} tab="grid" otherRunId={null} />;
}

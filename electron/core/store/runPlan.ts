// A run request made concrete: the prompt file as it will be run, and each case rendered into the
// messages every one of its samples sends. Built (and checked) before any row is written.
import type { RenderedMessage } from '../../../shared/prompts';
import type { RunRequest, SkippedCell } from '../../../shared/runs';
import type { CompletionRequest } from '../providers/provider';

export interface PlannedCase {
  name: string;
  input: Record<string, unknown>;
  messages: RenderedMessage[];
}

export interface RunPlan {
  request: RunRequest;
  prompt: string;
  /** The commit run, or null for the working-tree draft. */
  commit: string | null;
  contentHash: string;
  /** Hash of the cases file as run (ABSENT_FILE_HASH without one), so an approval can check it is unchanged. */
  casesHash: string;
  /** The prompt file's text as run, kept with the run so a draft run can be reproduced later. */
  source: string;
  cases: PlannedCase[];
  /** Cells left out because their provider cannot take the parameters: no sample rows are written for them. */
  skipped: SkippedCell[];
  output?: CompletionRequest['output'];
}

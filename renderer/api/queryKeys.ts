// Every key of the query cache, in one place: prefixes are what invalidation works on.
export const queryKeys = {
  workspace: ['workspace'] as const,
  prompts: ['prompts'] as const,
  /** Everything derived from a prompt's files sits under this key, so a change refreshes it all. */
  prompt: (name: string) => ['prompt', name] as const,
  check: (name: string, source: string, caseName: string | undefined, casesHash: string) =>
    ['prompt', name, 'check', { source, caseName: caseName ?? null, casesHash }] as const,
  history: (name: string) => ['prompt', name, 'history'] as const,
  /**
   * A run measured by its prompt's checks as the files hold them now: under the prompt's key, so an
   * edit of its checks (promptsChanged) evaluates again; `finished` moves as samples finish.
   */
  runChecks: (name: string, runId: string, finished: string) => ['prompt', name, 'runChecks', runId, finished] as const,
  /** One sample's verdicts, under the prompt's key for the same reason. */
  sampleChecks: (name: string, sampleId: string, finishedAt: string | null) => ['prompt', name, 'sampleChecks', sampleId, finishedAt] as const,
  /**
   * How a run's rubric judges agree with people's ratings: under the prompt's key (a rubric edited
   * is another rubric); asked again when ratings change or judging ends (judgeEvents.ts).
   */
  judgeCalibration: (name: string, runId: string) => ['prompt', name, 'judgeCalibration', runId] as const,
  diff: (name: string, from: string, to: string) => ['prompt', name, 'diff', from, to] as const,
  /** Recorded task calls of a prompt, per version (History → "In use"). */
  taskUsage: (name: string) => ['prompt', name, 'taskUsage'] as const,
  /** A commit's content never changes, so it is cached apart from the prompt's live files. */
  version: (name: string, ref: string) => ['version', name, ref] as const,
  starters: ['starters'] as const,
  author: ['author'] as const,
  settings: ['settings'] as const,
  providers: ['providers'] as const,
  /** Model discovery per provider: a network call, so kept apart from the cheap provider list. */
  providerCheck: (provider: string) => ['providerCheck', provider] as const,
  /** Runs of a prompt (or of all prompts, `*`), newest first. */
  runs: (prompt: string) => ['runs', prompt] as const,
  /** Every run with its rating figures (the Runs page); apart from `runs`, whose lists hold bare summaries. */
  runsOverview: ['runsOverview'] as const,
  run: (runId: string) => ['run', runId] as const,
  /** The latest progress tick of a run (rate, ETA); only ever written by events. */
  runProgress: (runId: string) => ['runProgress', runId] as const,
  /** The latest judging tick of a run; only ever written by events. */
  judgeProgress: (runId: string) => ['judgeProgress', runId] as const,
  sample: (sampleId: string) => ['sample', sampleId] as const,
  /** A mutation key, not a query: the rating, note and undo writes of a run, so the review can tell which are unsaved. */
  ratingWrites: (runId: string) => ['ratingWrites', runId] as const,
  /** Similarity by an embedding model; apart from the run's key, whose exact invalidations must not reach it. */
  embedding: (runId: string, model: string, threshold: number, done: number) => ['embedding', runId, model, threshold, done] as const,
  estimate: (request: unknown) => ['estimate', request] as const,
};

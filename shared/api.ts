// The whole surface between the UI and the core. Both transports and both clients derive from it.
import { z } from 'zod';
import { method, type ClientOf, type Contract, type ImplementationOf } from './contract';
import { PromptDetail, PromptName, PromptSummary, RenderRequest, RenderedPrompt } from './prompts';
import {
  CheckPromptRequest,
  CreatePromptRequest,
  DeletePromptRequest,
  DeletedPrompt,
  PromptCheck,
  RenamePromptRequest,
  SaveCasesRequest,
  SavePromptRequest,
  Starter,
} from './promptFiles';
import { ProviderHealth, ProviderStatus, SetProviderKeyRequest } from './providers';
import { LabelRunRequest, ListRunsRequest, PinRunRequest, RunDetail, RunOverview, RunEstimate, RunId, RunProgress, RunRequest, RunSummary, Sample, SampleDetail } from './runs';
import { ApproveRequest, ApprovedVersion, Report, ReportRequest, RollbackRequest, VersionWithApproval } from './approvals';
import { EmbeddingSimilarity, EmbeddingSimilarityRequest, RatingChange, RateSamplesRequest, SetSampleNoteRequest } from './ratings';
import { DiscardedDraft, RestoreDraftRequest } from './drafts';
import { ExportRunRequest, RunExport, SaveRunFileRequest, SavedFile } from './exports';
import { Author, SettingUpdate, Settings } from './settings';
import { CommitRequest, DiffRequest, HistoryRequest, PromptAtVersion, PromptDiff, Version, VersionRequest } from './versions';
import { CoreStatus, WorkspaceInfo } from './workspace';
import { RollbackApprovalRequest, RolledBackApproval, TaskUsage, TaskUsageRequest } from './taskCalls';
import { JudgeCalibration, JudgeProgress, JudgeRunResult } from './checks/judging';
import { RunChecks, SampleVerdicts } from './checks/runChecks';
import { TryOnceEvent, TryOnceRequest, TryOnceStarted } from './tryOnce';
import { DraftCasesRequest, DraftedCases } from './caseDrafts';

const methods = {
  getWorkspace: method(z.object({}), WorkspaceInfo),
  listPrompts: method(z.object({}), z.array(PromptSummary)),
  getPrompt: method(z.object({ name: PromptName }), PromptDetail),
  renderPrompt: method(RenderRequest, RenderedPrompt),
  checkPrompt: method(CheckPromptRequest, PromptCheck),

  savePrompt: method(SavePromptRequest, PromptDetail),
  saveCases: method(SaveCasesRequest, PromptDetail),
  /**
   * Asks a model for `count` new cases fitting the input schema, the existing cases as examples;
   * answers them with their schema problems and writes nothing (a person keeps or drops each).
   */
  draftCases: method(DraftCasesRequest, DraftedCases),
  listStarters: method(z.object({}), z.array(Starter)),
  createPrompt: method(CreatePromptRequest, PromptDetail),
  renamePrompt: method(RenamePromptRequest, PromptDetail),
  duplicatePrompt: method(RenamePromptRequest, PromptDetail),
  deletePrompt: method(DeletePromptRequest, DeletedPrompt),

  commitPrompt: method(CommitRequest, Version),
  /** Each version with its approval evidence, if it has some; `approvedOnly` keeps only those. */
  promptHistory: method(HistoryRequest, z.array(VersionWithApproval)),
  promptAtVersion: method(VersionRequest, PromptAtVersion),
  diffPrompt: method(DiffRequest, PromptDiff),
  restorePrompt: method(VersionRequest, PromptDetail),
  /** Puts the prompt's files back as in the last commit; answers what the draft held, to undo with `restoreDraft`. */
  discardDraft: method(z.object({ name: PromptName }), DiscardedDraft),
  /** Writes a discarded draft back (the undo of a discard); CONFLICT when a file changed since. */
  restoreDraft: method(RestoreDraftRequest, PromptDetail),
  /** The commit author: settings, else the global git config, else null (the UI asks once). */
  getAuthor: method(z.object({}), Author.nullable()),
  getSettings: method(z.object({}), Settings),
  setSetting: method(SettingUpdate, Settings),

  /** Built-in providers and configured compatible endpoints, with where their address and key come from. */
  listProviders: method(z.object({}), z.array(ProviderStatus)),
  /** Model discovery doubling as a health check: ok with the models, or a message saying what to do. */
  checkProvider: method(z.object({ provider: z.string().min(1) }), ProviderHealth),
  setProviderKey: method(SetProviderKeyRequest, ProviderStatus),

  estimateRun: method(RunRequest, RunEstimate),
  /** Refuses with CONFIRMATION_REQUIRED when the estimate passes the cost threshold and `confirmed` is not set. */
  startRun: method(RunRequest.extend({ confirmed: z.boolean().default(false) }), RunSummary),
  cancelRun: method(RunId, RunSummary),
  /** Runs every sample still pending or cancelled. */
  resumeRun: method(RunId, RunSummary),
  /** Sets the errored samples back to pending and runs them again. */
  retryFailedSamples: method(RunId, RunSummary),
  listRuns: method(ListRunsRequest, z.array(RunSummary)),
  getRun: method(RunId, RunDetail),
  /** Every run of every prompt (or of one), with rating coverage and mean rating: the Runs page. */
  listRunsOverview: method(ListRunsRequest.omit({ commit: true }), z.array(RunOverview)),
  /** Names a run; a blank label clears it. */
  labelRun: method(LabelRunRequest, RunSummary),
  /** Pinned runs list first on the Runs page. */
  pinRun: method(PinRunRequest, RunSummary),
  /**
   * Hides the run everywhere at once; `restoreRun` brings it back. Its samples, ratings and
   * verdicts are removed for good a minute later (at the next delete or open). A running run is
   * refused: cancel it first.
   */
  deleteRun: method(RunId, RunSummary),
  /** The undo of `deleteRun`, while the run is not purged yet. */
  restoreRun: method(RunId, RunSummary),
  getSample: method(z.object({ sampleId: z.string().min(1) }), SampleDetail),

  /**
   * The run under its prompt's checks as the working files hold them now: verdicts, and pass rates
   * with 95% intervals per cell, case, model × temperature and overall (pass^N for `passN`, 5 when
   * left out). Makes no provider call.
   */
  runChecks: method(RunId.extend({ passN: z.number().int().min(1).max(100).optional() }), RunChecks),
  /** Every applicable check's verdict on one sample, with reasons. */
  sampleChecks: method(z.object({ sampleId: z.string().min(1) }), SampleVerdicts),
  /**
   * Asks the judge models for every finished ok sample whose rubric verdicts are undecided (each
   * output judged once per rubric and judge, cached), publishing judgeProgress; answers the calls,
   * tokens and cost this took. A run ending with rubric checks is judged on its own.
   */
  judgeRun: method(RunId, JudgeRunResult),
  /** Per rubric check: how the judge agrees with people's ratings (agreement, Cohen's kappa, the 2×2 table, the disagreements). */
  judgeCalibration: method(RunId, JudgeCalibration),

  /** Rates one sample or a whole cluster as one undoable change; saved before it answers. */
  rateSamples: method(RateSamplesRequest, RatingChange),
  setSampleNote: method(SetSampleNoteRequest, RatingChange),
  /** Puts back what the run's last rating or note change replaced; null when there is nothing to undo. */
  undoRating: method(RunId, RatingChange.nullable()),
  /** Clusters and mean similarity per cell by an embedding model (vectors are cached in the database). */
  embeddingSimilarity: method(EmbeddingSimilarityRequest, EmbeddingSimilarity),

  /**
   * Commits the prompt with the run's evidence as trailers and tags it `approved/<name>/v<k>`.
   * Refuses with CONFLICT when the prompt changed since the run, and with CONFIRMATION_REQUIRED
   * when nothing in the run is rated and `confirmed` is not set.
   */
  approveRun: method(ApproveRequest, ApprovedVersion),
  /** Makes an older version current: restores it and commits "Revert to …" (history is never rewritten). */
  rollbackPrompt: method(RollbackRequest, VersionWithApproval),
  /**
   * Approves an earlier approval's commit again as the newest approval (v<k+1>), with the reason:
   * callers of `@approved` (prompt-workbench/tasks, `workbench call`) send it from their next call.
   */
  rollbackApproval: method(RollbackApprovalRequest, RolledBackApproval),
  /** Recorded task calls of a prompt per version: calls, p50/p95 latency, cost, schema failures (History → "In use"). */
  taskUsage: method(TaskUsageRequest, TaskUsage),
  /** A self-contained HTML page (charts inline, no network) of a run, or of two runs compared. */
  runReport: method(ReportRequest, Report),
  /** A run's samples as CSV or JSON lines, one sample per row or line (`workbench export`). */
  exportRun: method(ExportRunRequest, RunExport),
  /**
   * Writes a run's report or samples to a file in the exports folder (the Downloads folder, else
   * the workspace's .workbench/exports/), never over another file, and says where it went.
   */
  saveRunFile: method(SaveRunFileRequest, SavedFile),

  /**
   * One call of the editor's text (saved or not) to one model at one temperature, not a run:
   * nothing is stored. Answers at once; the text, then the answer or the failure, come as
   * `tryOnce` events under the caller's `callId`. Refuses what cannot be sent (a missing variable,
   * an unknown provider, a temperature the provider does not take) before any request.
   */
  tryOnce: method(TryOnceRequest, TryOnceStarted),
  /** Aborts a Try once call's request; `stopped` is false when it had already ended. */
  stopTryOnce: method(z.object({ callId: z.string().min(1) }), z.object({ stopped: z.boolean() })),
};

const events = {
  /** Files under prompts/ changed on disk (by the app, another editor or git). */
  promptsChanged: z.object({ names: z.array(z.string()) }),
  /** The git repository moved (a commit, checkout or pull, by the app or by git): dirty marks and history may differ. */
  repositoryChanged: z.object({}),
  settingsChanged: Settings,
  /** A provider's key or address changed: statuses and model lists may differ. */
  providersChanged: z.object({}),
  /** Throttled: a few times a second while a run is going, and once when it ends. */
  runProgress: RunProgress,
  /** Throttled while a run's outputs are judged against its rubric checks, and once when done. */
  judgeProgress: JudgeProgress,
  /** Samples finished since the last batch (throttled with runProgress), for the live grid. */
  runSamples: z.object({ runId: z.string(), samples: z.array(Sample) }),
  /**
   * Runs changed outside the progress of a run this core executes: linked to a commit by an
   * approval, or started, cancelled, resumed or running in another process (a terminal's
   * `workbench run`). Their summaries as they are now.
   */
  runsChanged: z.object({
    runs: z.array(RunSummary),
    /** Runs deleted (hidden, soon purged): every view drops them. */
    deleted: z.array(z.string()).default([]),
  }),
  /** A rating or note changed (in this window, another one or the CLI). */
  ratingsChanged: RatingChange,
  /** A Try once call's streamed text (gathered a few times a second, in order), then its answer or failure. */
  tryOnce: TryOnceEvent,
  /** The core's process stopped unexpectedly, was restarted, or could not be kept running. Sent by its launcher, never by the core. */
  coreStatus: CoreStatus,
};

export const api = { methods, events } satisfies Contract;
export type Api = typeof api;
export type WorkbenchApi = ImplementationOf<Api>;
export type WorkbenchClient = ClientOf<Api>;
export type MethodName = keyof Api['methods'] & string;
export type EventName = keyof Api['events'] & string;

// Reading runs back: summaries (counts from one aggregate query per run), details and one sample's
// full record. A run's request and case names never change once written, so they are parsed once and kept.
import type Database from 'better-sqlite3';
import { roundUsdOrNull } from '../../../shared/money';
import { RenderedMessage } from '../../../shared/prompts';
import type { SampleRating } from '../../../shared/ratings';
import { RunRequest, SkippedCell, type RunDetail, type RunOverview, type RunOutputSpec, type RunStatus, type RunSummary, type SampleDetail } from '../../../shared/runs';
import type { CompletionRequest } from '../providers/provider';
import type { PlannedCase } from './runPlan';
import { CHECKED_COLUMNS, SAMPLE_COLUMNS, SAMPLE_DETAIL_COLUMNS, readChecked, readParams, readSample, readSampleRows, type CheckedSampleFields } from './sampleRows';

/** What executing a run needs besides its samples. */
export interface RunSetup {
  request: RunRequest;
  output: CompletionRequest['output'];
  cases: PlannedCase[];
}

export interface RunListOptions {
  prompt?: string | undefined;
  /** A full commit id: runs made on it or linked to it. */
  commit?: string | undefined;
  /**
   * With `prompt` and `commit`: also the runs of these names (the prompt's, and the one it had at
   * the commit) that sampled this text and these cases, whatever commit or draft they ran.
   */
  sameContent?: { names: readonly string[]; contentHash: string; casesHash: string } | undefined;
  limit: number;
}

/** What checking a run reads: its prompt, the order of its cells, and the fields of its samples that checks look at. */
export interface RunForChecks {
  prompt: string;
  models: string[];
  temperatures: number[];
  cases: string[];
  samples: CheckedSampleFields[];
}

/** Where a run's details get their ratings from (the rating store). */
export interface RatingSource {
  forRun(runId: string): SampleRating[];
}

interface RunRow {
  id: string;
  prompt: string;
  commit_oid: string | null;
  content_hash: string;
  request_json: string;
  output_json: string | null;
  skipped_json: string | null;
  status: RunStatus;
  stop_reason: string | null;
  created_at: string;
  finished_at: string | null;
  label: string | null;
  pinned_at: string | null;
}

interface CountsRow {
  total: number;
  ok: number;
  errors: number;
  pending: number;
  cancelled: number;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number | null;
}

interface CaseRow {
  name: string;
  input_json: string;
  messages_json: string;
}

/** What never changes once a run is written. */
interface RunMeta {
  request: RunRequest;
  caseNames: string[];
  skipped: SkippedCell[];
}

const RUN_COLUMNS = 'id, prompt, commit_oid, content_hash, request_json, output_json, skipped_json, status, stop_reason, created_at, finished_at, label, pinned_at';
/** Deleted runs (migration 10) wait for their purge unseen: every read of runs says this. */
const LIVE = 'deleted_at IS NULL';
const Messages = RenderedMessage.array();
const SkippedCells = SkippedCell.array();

export class RunReader {
  private readonly metas = new Map<string, RunMeta>();
  private readonly selectRun: Database.Statement;
  private readonly selectCounts: Database.Statement;
  private readonly selectCases: Database.Statement;
  private readonly selectCaseNames: Database.Statement;
  private readonly listAll: Database.Statement;
  private readonly listForPrompt: Database.Statement;
  private readonly listForCommit: Database.Statement;
  private readonly listForPromptAndCommit: Database.Statement;
  private readonly listForVersion: Database.Statement;
  private readonly selectSource: Database.Statement;
  private readonly selectSamples: Database.Statement;
  private readonly selectCheckedSamples: Database.Statement;
  private readonly selectSample: Database.Statement;
  private readonly selectRatingStats: Database.Statement;

  constructor(db: Database.Database, private readonly ratings: RatingSource) {
    // One pass over the ratings for the whole list (ratings_by_run), not one query per run.
    this.selectRatingStats = db.prepare(
      `SELECT g.run_id AS runId, count(g.rating) AS rated, avg(g.rating) AS mean FROM ratings g JOIN runs r ON r.id = g.run_id AND r.${LIVE}
       WHERE g.rating IS NOT NULL GROUP BY g.run_id`,
    );
    this.selectRun = db.prepare(`SELECT ${RUN_COLUMNS}, owner_pid, cases_hash FROM runs WHERE id = ? AND ${LIVE}`);
    // Sums of nothing are NULL in SQL; counts and tokens read 0, cost stays null (unknown) until a sample has one.
    this.selectCounts = db.prepare(
      `SELECT count(*) AS total,
         coalesce(sum(status = 'ok'), 0) AS ok, coalesce(sum(status = 'error'), 0) AS errors,
         coalesce(sum(status = 'pending'), 0) AS pending, coalesce(sum(status = 'cancelled'), 0) AS cancelled,
         coalesce(sum(input_tokens), 0) AS input_tokens, coalesce(sum(output_tokens), 0) AS output_tokens,
         sum(cost_usd) AS cost_usd
       FROM samples WHERE run_id = ?`,
    );
    this.selectCases = db.prepare('SELECT name, input_json, messages_json FROM run_cases WHERE run_id = ? ORDER BY position');
    this.selectCaseNames = db.prepare('SELECT name FROM run_cases WHERE run_id = ? ORDER BY position').pluck();
    this.listAll = db.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE ${LIVE} ORDER BY created_at DESC, id DESC LIMIT ?`);
    this.listForPrompt = db.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE prompt = ? AND ${LIVE} ORDER BY created_at DESC, id DESC LIMIT ?`);
    // By commit: runs made on it, and draft runs linked to it when it was approved (RunStore.linkToCommit).
    this.listForCommit = db.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE commit_oid = ? AND ${LIVE} ORDER BY created_at DESC, id DESC LIMIT ?`);
    this.listForPromptAndCommit = db.prepare(
      `SELECT ${RUN_COLUMNS} FROM runs WHERE prompt = ? AND commit_oid = ? AND ${LIVE} ORDER BY created_at DESC, id DESC LIMIT ?`,
    );
    // By version: those, and every run of the same prompt and cases text (by their content hashes).
    this.listForVersion = db.prepare(
      `SELECT ${RUN_COLUMNS} FROM runs WHERE prompt IN (?, ?) AND (commit_oid = ? OR (content_hash = ? AND cases_hash = ?)) AND ${LIVE}
       ORDER BY created_at DESC, id DESC LIMIT ?`,
    );
    this.selectSource = db.prepare(`SELECT source FROM runs WHERE id = ? AND ${LIVE}`).pluck();
    this.selectSamples = db.prepare(`SELECT ${SAMPLE_COLUMNS} FROM samples s WHERE s.run_id = ? ORDER BY s.seq`).raw();
    this.selectCheckedSamples = db.prepare(`SELECT ${CHECKED_COLUMNS} FROM samples s WHERE s.run_id = ? ORDER BY s.seq`);
    this.selectSample = db.prepare(
      `SELECT ${SAMPLE_DETAIL_COLUMNS}, c.input_json, c.messages_json
       FROM samples s JOIN runs r ON r.id = s.run_id AND r.${LIVE}
       LEFT JOIN run_cases c ON c.run_id = s.run_id AND c.name = s.case_name
       WHERE s.id = ?`,
    );
  }

  status(runId: string): { status: RunStatus; ownerPid: number | null } | null {
    const row = this.selectRun.get(runId) as (RunRow & { owner_pid: number | null }) | undefined;
    return row ? { status: row.status, ownerPid: row.owner_pid } : null;
  }

  summary(runId: string): RunSummary | null {
    const row = this.selectRun.get(runId) as RunRow | undefined;
    return row ? this.toSummary(row) : null;
  }

  list({ prompt, commit, sameContent, limit }: RunListOptions): RunSummary[] {
    const rows = (
      commit !== undefined && sameContent !== undefined
        ? this.listForVersion.all(sameContent.names[0], sameContent.names[1] ?? sameContent.names[0], commit, sameContent.contentHash, sameContent.casesHash, limit)
        : commit !== undefined
        ? prompt === undefined
          ? this.listForCommit.all(commit, limit)
          : this.listForPromptAndCommit.all(prompt, commit, limit)
        : prompt === undefined
          ? this.listAll.all(limit)
          : this.listForPrompt.all(prompt, limit)
    ) as RunRow[];
    return rows.map((row) => this.toSummary(row));
  }

  /** The runs as `list` gives them, each with how many of its samples are rated and their mean rating. */
  overview(options: Omit<RunListOptions, 'commit' | 'sameContent'>): RunOverview[] {
    const runs = this.list(options);
    const stats = new Map((this.selectRatingStats.all() as { runId: string; rated: number; mean: number }[]).map((row) => [row.runId, row]));
    return runs.map((run) => {
      const found = stats.get(run.runId);
      return { run, rated: found?.rated ?? 0, meanRating: found?.mean ?? null };
    });
  }

  /** The prompt file's text as the run used it; null for an unknown run. */
  source(runId: string): string | null {
    return (this.selectSource.get(runId) as string | undefined) ?? null;
  }

  detail(runId: string): RunDetail | null {
    const row = this.selectRun.get(runId) as (RunRow & { cases_hash: string | null }) | undefined;
    if (!row) return null;
    const samples = readSampleRows(this.selectSamples.all(runId) as unknown[][]);
    // Written by this app from the prompt's declared output (see RunStore.create), so read back as is.
    const output = row.output_json === null ? null : (JSON.parse(row.output_json) as RunOutputSpec);
    const { request, skipped } = this.metaOf(row);
    return { summary: this.toSummary(row), request, output, samples, skipped, ratings: this.ratings.forRun(runId), casesHash: row.cases_hash };
  }

  /** Only what checks read: no counts, ratings, or sample fields they do not look at. */
  forChecks(runId: string): RunForChecks | null {
    const row = this.selectRun.get(runId) as RunRow | undefined;
    if (!row) return null;
    const { request, caseNames } = this.metaOf(row);
    const samples = (this.selectCheckedSamples.all(runId) as Record<string, unknown>[]).map(readChecked);
    return { prompt: row.prompt, models: request.models, temperatures: request.temperatures, cases: caseNames, samples };
  }

  sampleDetail(sampleId: string): SampleDetail | null {
    const row = this.selectSample.get(sampleId) as (Record<string, unknown> & { input_json: string | null; messages_json: string | null }) | undefined;
    if (!row) return null;
    return {
      ...readSample(row),
      messages: row.messages_json === null ? [] : Messages.parse(JSON.parse(row.messages_json)),
      params: readParams(row) ?? {},
      input: row.input_json === null ? {} : (JSON.parse(row.input_json) as Record<string, unknown>),
    };
  }

  /** Loaded afresh for each execution: messages can be large, so they are not kept in memory. */
  setup(runId: string): RunSetup | null {
    const row = this.selectRun.get(runId) as RunRow | undefined;
    if (!row) return null;
    const cases = (this.selectCases.all(row.id) as CaseRow[]).map((entry) => ({
      name: entry.name,
      input: JSON.parse(entry.input_json) as Record<string, unknown>,
      messages: Messages.parse(JSON.parse(entry.messages_json)),
    }));
    const output = row.output_json === null ? undefined : (JSON.parse(row.output_json) as CompletionRequest['output']);
    return { request: this.metaOf(row).request, output, cases };
  }

  private metaOf(row: RunRow): RunMeta {
    const cached = this.metas.get(row.id);
    if (cached) return cached;
    const meta = {
      request: RunRequest.parse(JSON.parse(row.request_json)),
      caseNames: this.selectCaseNames.all(row.id) as string[],
      skipped: row.skipped_json === null ? [] : SkippedCells.parse(JSON.parse(row.skipped_json)),
    };
    this.metas.set(row.id, meta);
    return meta;
  }

  private toSummary(row: RunRow): RunSummary {
    const { request, caseNames } = this.metaOf(row);
    const counts = this.selectCounts.get(row.id) as CountsRow;
    return {
      runId: row.id,
      prompt: row.prompt,
      commit: row.commit_oid,
      contentHash: row.content_hash,
      status: row.status,
      stopReason: row.stop_reason,
      createdAt: row.created_at,
      finishedAt: row.finished_at,
      models: request.models,
      temperatures: request.temperatures,
      cases: caseNames,
      samplesPerCell: request.samples,
      total: counts.total,
      ok: counts.ok,
      errors: counts.errors,
      pending: counts.pending,
      cancelled: counts.cancelled,
      inputTokens: counts.input_tokens,
      outputTokens: counts.output_tokens,
      // A sum of many small amounts: rounded like every amount the app gives out (shared/money.ts).
      costUsd: roundUsdOrNull(counts.cost_usd),
      label: row.label,
      pinnedAt: row.pinned_at,
    };
  }
}

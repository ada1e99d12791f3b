// Runs and their samples. A run is written with every sample row up front (pending); each sample is
// then completed by one UPDATE on a prepared statement, the hot path of a run.
import type Database from 'better-sqlite3';
import type { RunDetail, RunStatus, RunSummary, SampleDetail, SampleError } from '../../../shared/runs';
import type { RunPlan } from './runPlan';
import { RunReader, type RatingSource, type RunListOptions, type RunSetup } from './runReader';
import { sortableId } from './sortableId';

/** One sample to create, in execution order. */
export interface NewSample {
  model: string;
  temperature: number;
  caseName: string;
  index: number;
  seed: number | null;
}

export interface PendingSample extends NewSample {
  id: string;
}

/** What a finished sample records; `started_at`/`finished_at` are ISO times. */
export interface SampleOutcome {
  status: 'ok' | 'error';
  output: string | null;
  error: SampleError | null;
  finishReason: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  latencyMs: number | null;
  ttftMs: number | null;
  costUsd: number | null;
  /** The parameters as sent; null when nothing was sent (an unknown provider). */
  params: Record<string, unknown> | null;
  attempts: number;
  startedAt: string;
  finishedAt: string;
}

export type { RunSetup };

const now = () => new Date().toISOString();

export class RunStore {
  private readonly reader: RunReader;
  private readonly insertRun: Database.Statement;
  private readonly insertCase: Database.Statement;
  private readonly insertSample: Database.Statement;
  private readonly completeSample: Database.Statement;
  private readonly cancelledToPending: Database.Statement;
  private readonly errorToPending: Database.Statement;
  private readonly selectPending: Database.Statement;
  private readonly countPending: Database.Statement;
  private readonly linkDrafts: Database.Statement;
  private readonly selectCasesHash: Database.Statement;
  /** Built once: better-sqlite3 builds a new wrapper, with its variants, each time one is asked for. */
  private readonly recordBatch: (entries: readonly { sampleId: string; outcome: SampleOutcome }[]) => void;

  constructor(private readonly db: Database.Database, ratings: RatingSource) {
    this.reader = new RunReader(db, ratings);
    this.insertRun = db.prepare(
      `INSERT INTO runs (id, prompt, commit_oid, content_hash, cases_hash, source, request_json, output_json, status, owner_pid, owner_token, heartbeat_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?)`,
    );
    this.insertCase = db.prepare('INSERT INTO run_cases (run_id, name, position, input_json, messages_json) VALUES (?, ?, ?, ?, ?)');
    this.insertSample = db.prepare('INSERT INTO samples (id, run_id, model, temperature, case_name, idx, seq, seed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    // Guarded by status = 'pending' so a late answer can never overwrite a cancelled or finished sample.
    this.completeSample = db.prepare(
      `UPDATE samples SET status = ?, output = ?, error_code = ?, error_message = ?, error_status = ?, finish_reason = ?,
         input_tokens = ?, output_tokens = ?, latency_ms = ?, ttft_ms = ?, cost_usd = ?, params_json = ?, attempts = ?,
         started_at = ?, finished_at = ?
       WHERE id = ? AND status = 'pending'`,
    );
    this.recordBatch = db.transaction((entries: readonly { sampleId: string; outcome: SampleOutcome }[]) => {
      for (const { sampleId, outcome } of entries) this.recordSample(sampleId, outcome);
    });
    this.cancelledToPending = db.prepare("UPDATE samples SET status = 'pending', finished_at = NULL WHERE run_id = ? AND status = 'cancelled'");
    // A retried sample starts over: its fields describe its latest execution, attempts included.
    this.errorToPending = db.prepare(
      `UPDATE samples SET status = 'pending', output = NULL, error_code = NULL, error_message = NULL, error_status = NULL,
         finish_reason = NULL, input_tokens = NULL, output_tokens = NULL, latency_ms = NULL, ttft_ms = NULL, cost_usd = NULL,
         params_json = NULL, attempts = 0, started_at = NULL, finished_at = NULL
       WHERE run_id = ? AND status = 'error'`,
    );
    this.selectPending = db.prepare(
      "SELECT id, model, temperature, case_name, idx, seed FROM samples WHERE run_id = ? AND status = 'pending' ORDER BY seq",
    );
    this.countPending = db.prepare("SELECT count(*) FROM samples WHERE run_id = ? AND status = 'pending'").pluck();
    this.selectCasesHash = db.prepare('SELECT cases_hash FROM runs WHERE id = ?').pluck();
    this.linkDrafts = db.prepare('UPDATE runs SET commit_oid = ? WHERE prompt = ? AND commit_oid IS NULL AND content_hash = ? RETURNING id').pluck();
  }

  /**
   * Writes the run, its cases and every sample (pending, numbered in the given order) in one
   * transaction, owned by the process that will execute it (see runOwnerStore.ts).
   */
  create(plan: RunPlan, samples: readonly NewSample[], ownerPid: number, ownerToken: string | null = null): string {
    const runId = sortableId();
    const at = now();
    this.db.transaction(() => {
      this.insertRun.run(
        runId,
        plan.prompt,
        plan.commit,
        plan.contentHash,
        plan.casesHash,
        plan.source,
        JSON.stringify(plan.request),
        plan.output === undefined ? null : JSON.stringify(plan.output),
        ownerPid,
        ownerToken,
        at,
        at,
      );
      plan.cases.forEach((planned, position) => {
        this.insertCase.run(runId, planned.name, position, JSON.stringify(planned.input), JSON.stringify(planned.messages));
      });
      samples.forEach((sample, seq) => {
        this.insertSample.run(`${runId}-${seq}`, runId, sample.model, sample.temperature, sample.caseName, sample.index, seq, sample.seed);
      });
    })();
    return runId;
  }

  /** The hot path: one UPDATE per finished sample. */
  recordSample(sampleId: string, outcome: SampleOutcome): void {
    const { error } = outcome;
    this.completeSample.run(
      outcome.status,
      outcome.output,
      error?.code ?? null,
      error?.message ?? null,
      error?.status ?? null,
      outcome.finishReason,
      outcome.inputTokens,
      outcome.outputTokens,
      outcome.latencyMs,
      outcome.ttftMs,
      outcome.costUsd,
      outcome.params === null ? null : JSON.stringify(outcome.params),
      outcome.attempts,
      outcome.startedAt,
      outcome.finishedAt,
      sampleId,
    );
  }

  /** Several outcomes in one transaction: each group commit of finished samples (sampleWriter), and samples that fail before any call. */
  recordSamples(entries: readonly { sampleId: string; outcome: SampleOutcome }[]): void {
    this.recordBatch(entries);
  }

  /** The samples still to run, in execution order. */
  pending(runId: string): PendingSample[] {
    const rows = this.selectPending.all(runId) as { id: string; model: string; temperature: number; case_name: string; idx: number; seed: number | null }[];
    return rows.map((row) => ({ id: row.id, model: row.model, temperature: row.temperature, caseName: row.case_name, index: row.idx, seed: row.seed }));
  }

  pendingCount(runId: string): number {
    return this.countPending.get(runId) as number;
  }

  /** For resume: cancelled samples become pending again; returns how many. */
  reopenCancelled(runId: string): number {
    return this.cancelledToPending.run(runId).changes;
  }

  /** For retry-failed: errored samples become pending with their result cleared (attempts restart at 0); returns how many. */
  reopenFailed(runId: string): number {
    return this.errorToPending.run(runId).changes;
  }

  summary(runId: string): RunSummary | null {
    return this.reader.summary(runId);
  }

  list(options: RunListOptions): RunSummary[] {
    return this.reader.list(options);
  }

  /**
   * Draft runs of the prompt whose text equals a commit's become runs of that commit (an approval
   * commits the text they ran); returns their ids, oldest first. Runs made on a commit keep theirs.
   */
  linkToCommit(prompt: string, contentHash: string, commit: string): string[] {
    return (this.linkDrafts.all(commit, prompt, contentHash) as string[]).sort();
  }

  /** The prompt file's text as the run used it; null for an unknown run. */
  source(runId: string): string | null {
    return this.reader.source(runId);
  }

  /** Hash of the cases file as the run used it; null for an unknown run or one made before runs kept it. */
  casesHash(runId: string): string | null {
    return (this.selectCasesHash.get(runId) as string | null | undefined) ?? null;
  }

  detail(runId: string): RunDetail | null {
    return this.reader.detail(runId);
  }

  sampleDetail(sampleId: string): SampleDetail | null {
    return this.reader.sampleDetail(sampleId);
  }

  /** What executing the run needs: its request, output format and cases with their messages. */
  setup(runId: string): RunSetup | null {
    return this.reader.setup(runId);
  }

  status(runId: string): { status: RunStatus; ownerPid: number | null } | null {
    return this.reader.status(runId);
  }
}

export function plural(count: number): string {
  return `${count} sample${count === 1 ? '' : 's'}`;
}

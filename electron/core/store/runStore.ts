// Runs and their samples. A run is written with every sample row up front (pending); each sample is
// then completed by one UPDATE on a prepared statement, the hot path of a run.
import type Database from 'better-sqlite3';
import type { RunDetail, RunOverview, RunStatus, RunSummary, SampleDetail } from '../../../shared/runs';
import type { RunPlan } from './runPlan';
import { RunReader, type RatingSource, type RunForChecks, type RunListOptions, type RunSetup } from './runReader';
import {
  IDENTITY_COLUMNS,
  INSERT_SAMPLE,
  SET_RESULT,
  insertValues,
  readIdentity,
  resultValues,
  type NewSample,
  type PendingSample,
  type SampleOutcome,
} from './sampleRows';
import { sortableId } from './sortableId';

export type { NewSample, PendingSample, RunForChecks, RunSetup, SampleOutcome };

const now = () => new Date().toISOString();

export class RunStore {
  private readonly reader: RunReader;
  private readonly insertRun: Database.Statement;
  private readonly insertCase: Database.Statement;
  private readonly insertSample: Database.Statement;
  private readonly completeSample: Database.Statement;
  private readonly reopen: Database.Statement;
  private readonly selectPending: Database.Statement;
  private readonly countPending: Database.Statement;
  private readonly linkDrafts: Database.Statement;
  private readonly renameRuns: Database.Statement;
  private readonly selectCasesHash: Database.Statement;
  /** Built once: better-sqlite3 builds a new wrapper, with its variants, each time one is asked for. */
  private readonly recordBatch: (entries: readonly { sampleId: string; outcome: SampleOutcome }[]) => void;

  constructor(private readonly db: Database.Database, ratings: RatingSource) {
    this.reader = new RunReader(db, ratings);
    this.insertRun = db.prepare(
      `INSERT INTO runs (id, prompt, commit_oid, content_hash, cases_hash, source, request_json, output_json, skipped_json, status, owner_pid, owner_token, heartbeat_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?)`,
    );
    this.insertCase = db.prepare('INSERT INTO run_cases (run_id, name, position, input_json, messages_json) VALUES (?, ?, ?, ?, ?)');
    this.insertSample = db.prepare(INSERT_SAMPLE);
    // Guarded by status = 'pending' so a late answer can never overwrite a cancelled or finished sample.
    this.completeSample = db.prepare(`UPDATE samples SET ${SET_RESULT} WHERE id = ? AND status = 'pending'`);
    this.recordBatch = db.transaction((entries: readonly { sampleId: string; outcome: SampleOutcome }[]) => {
      for (const { sampleId, outcome } of entries) this.recordSample(sampleId, outcome);
    });
    // A reopened sample starts over: its fields describe its latest execution, attempts included.
    this.reopen = db.prepare(`UPDATE samples SET ${SET_RESULT} WHERE run_id = ? AND status = ?`);
    this.selectPending = db.prepare(`SELECT ${IDENTITY_COLUMNS} FROM samples WHERE run_id = ? AND status = 'pending' ORDER BY seq`);
    this.countPending = db.prepare("SELECT count(*) FROM samples WHERE run_id = ? AND status = 'pending'").pluck();
    this.selectCasesHash = db.prepare('SELECT cases_hash FROM runs WHERE id = ? AND deleted_at IS NULL').pluck();
    // Runs made before runs kept their cases hash (null) are linked by the prompt's text alone, as they always were.
    this.linkDrafts = db
      .prepare('UPDATE runs SET commit_oid = ? WHERE prompt = ? AND commit_oid IS NULL AND deleted_at IS NULL AND content_hash = ? AND (cases_hash = ? OR cases_hash IS NULL) RETURNING id')
      .pluck();
    this.renameRuns = db.prepare('UPDATE runs SET prompt = ? WHERE prompt = ?');
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
        plan.skipped.length === 0 ? null : JSON.stringify(plan.skipped),
        ownerPid,
        ownerToken,
        at,
        at,
      );
      plan.cases.forEach((planned, position) => {
        this.insertCase.run(runId, planned.name, position, JSON.stringify(planned.input), JSON.stringify(planned.messages));
      });
      samples.forEach((sample, seq) => {
        this.insertSample.run(insertValues(`${runId}-${seq}`, runId, sample, seq));
      });
    })();
    return runId;
  }

  /** The hot path: one UPDATE per finished sample. */
  recordSample(sampleId: string, outcome: SampleOutcome): void {
    this.completeSample.run(resultValues(outcome, sampleId));
  }

  /** Several outcomes in one transaction: each group commit of finished samples (sampleWriter), and samples that fail before any call. */
  recordSamples(entries: readonly { sampleId: string; outcome: SampleOutcome }[]): void {
    this.recordBatch(entries);
  }

  /** The samples still to run, in execution order. */
  pending(runId: string): PendingSample[] {
    return (this.selectPending.all(runId) as Record<string, unknown>[]).map(readIdentity);
  }

  pendingCount(runId: string): number {
    return this.countPending.get(runId) as number;
  }

  /** For resume: cancelled samples (which never ran) become pending again; returns how many. */
  reopenCancelled(runId: string): number {
    return this.reopenAll(runId, 'cancelled');
  }

  /** For retry-failed: errored samples become pending with their result cleared (attempts restart at 0); returns how many. */
  reopenFailed(runId: string): number {
    return this.reopenAll(runId, 'error');
  }

  private reopenAll(runId: string, status: 'cancelled' | 'error'): number {
    // Every result field left out, so each is written empty.
    return this.reopen.run(resultValues({ params: null }, runId, status)).changes;
  }

  summary(runId: string): RunSummary | null {
    return this.reader.summary(runId);
  }

  list(options: RunListOptions): RunSummary[] {
    return this.reader.list(options);
  }

  /** Every run (or a prompt's), with rating coverage and mean rating, for the Runs page. */
  overview(options: Omit<RunListOptions, 'commit' | 'sameContent'>): RunOverview[] {
    return this.reader.overview(options);
  }

  /**
   * Draft runs of the prompt whose text and cases equal a commit's become runs of that commit (an
   * approval commits or tags the text they ran); returns their ids, oldest first. Runs made on a
   * commit keep theirs.
   */
  linkToCommit(prompt: string, contentHash: string, casesHash: string, commit: string): string[] {
    return (this.linkDrafts.all(commit, prompt, contentHash, casesHash) as string[]).sort();
  }

  /** A renamed prompt keeps its runs (and so their ratings): they move to the new name. Returns how many. */
  movePrompt(from: string, to: string): number {
    return this.renameRuns.run(to, from).changes;
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

  forChecks(runId: string): RunForChecks | null {
    return this.reader.forChecks(runId);
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

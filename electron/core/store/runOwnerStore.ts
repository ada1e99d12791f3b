// Who executes a running run, and the changes that depend on it. The process executing a run owns
// it: the run's row carries that process's pid, a random token and a heartbeat the owner refreshes
// while it executes (runOwnership.ts says when an owner counts as gone). Every change to a running
// run is a compare-and-set on the owner's token, so two processes acting on one run at the same
// moment (a cancel here while the owner finishes there, two resumes) cannot both win.
import type Database from 'better-sqlite3';
import type { RunStatus } from '../../../shared/runs';
import { plural } from './runStore';

export interface RunOwner {
  pid: number | null;
  token: string | null;
  /** ISO time of the owner's last heartbeat. */
  heartbeatAt: string | null;
}

export interface OwnedRun extends RunOwner {
  runId: string;
  status: RunStatus;
}

/** A process that executes runs. */
export interface Owner {
  pid: number;
  token: string;
}

export type TakeResult = 'taken' | 'running' | 'nothing' | 'missing';

interface OwnerRow {
  id: string;
  status: RunStatus;
  owner_pid: number | null;
  owner_token: string | null;
  heartbeat_at: string | null;
}

export class RunOwnerStore {
  private readonly selectOne: Database.Statement;
  private readonly selectRunning: Database.Statement;
  private readonly claimRun: Database.Statement;
  private readonly beatRun: Database.Statement;
  private readonly releaseRun: Database.Statement;
  private readonly interruptRun: Database.Statement;
  private readonly pendingToCancelled: Database.Statement;
  private readonly countPending: Database.Statement;

  constructor(private readonly db: Database.Database) {
    const columns = 'id, status, owner_pid, owner_token, heartbeat_at';
    // A deleted run (migration 10) is not there for resuming, retrying or cancelling.
    this.selectOne = db.prepare(`SELECT ${columns} FROM runs WHERE id = ? AND deleted_at IS NULL`);
    this.selectRunning = db.prepare(`SELECT ${columns} FROM runs WHERE status = 'running'`);
    this.claimRun = db.prepare(
      `UPDATE runs SET status = 'running', stop_reason = NULL, owner_pid = ?, owner_token = ?, heartbeat_at = ?, finished_at = NULL
       WHERE id = ? AND status != 'running' AND deleted_at IS NULL`,
    );
    this.beatRun = db.prepare("UPDATE runs SET heartbeat_at = ? WHERE id = ? AND owner_token = ? AND status = 'running'");
    this.releaseRun = db.prepare(
      `UPDATE runs SET status = ?, stop_reason = ?, owner_pid = NULL, owner_token = NULL, heartbeat_at = NULL, finished_at = ?
       WHERE id = ? AND status = 'running' AND owner_token IS ?`,
    );
    // Also only if the heartbeat is the one judged stale: an owner that was slow, not gone, keeps its run.
    this.interruptRun = db.prepare(
      `UPDATE runs SET status = 'interrupted', stop_reason = ?, owner_pid = NULL, owner_token = NULL, heartbeat_at = NULL, finished_at = ?
       WHERE id = ? AND status = 'running' AND owner_token IS ? AND heartbeat_at IS ?`,
    );
    this.pendingToCancelled = db.prepare("UPDATE samples SET status = 'cancelled', finished_at = ? WHERE run_id = ? AND status = 'pending'");
    this.countPending = db.prepare("SELECT count(*) FROM samples WHERE run_id = ? AND status = 'pending'").pluck();
  }

  state(runId: string): OwnedRun | null {
    const row = this.selectOne.get(runId) as OwnerRow | undefined;
    return row ? toOwnedRun(row) : null;
  }

  /** Every run whose row says running, whether or not its owner is still there. */
  running(): OwnedRun[] {
    return (this.selectRunning.all() as OwnerRow[]).map(toOwnedRun);
  }

  /**
   * In one transaction: unless the run is running, `prepare` readies it (reopens samples) and says
   * whether anything is left to run; if so, `owner` takes it. A throw in `prepare` changes nothing.
   */
  take(runId: string, owner: Owner, at: string, prepare: (status: RunStatus) => boolean): TakeResult {
    return this.db
      .transaction((): TakeResult => {
        const row = this.selectOne.get(runId) as OwnerRow | undefined;
        if (!row) return 'missing';
        if (row.status === 'running') return 'running';
        if (!prepare(row.status)) return 'nothing';
        this.claimRun.run(owner.pid, owner.token, at, runId);
        return 'taken';
      })
      .immediate();
  }

  /** Refreshes the heartbeat of these runs; returns those `token` no longer owns (cancelled or taken over elsewhere). */
  beat(runIds: readonly string[], token: string, at: string): string[] {
    return this.db.transaction(() => runIds.filter((runId) => this.beatRun.run(at, runId, token).changes === 0))();
  }

  /** Ends a running run owned by `token` (null: by nobody known); false when its owner changed meanwhile. */
  release(runId: string, token: string | null, status: Exclude<RunStatus, 'running'>, stopReason: string | null, at: string): boolean {
    return this.releaseRun.run(status, stopReason, at, runId, token).changes === 1;
  }

  /** Cancels a running run owned by `token`: pending samples and the run; false when its owner changed meanwhile. */
  cancel(runId: string, token: string | null, at: string): boolean {
    return this.db
      .transaction(() => {
        if (!this.release(runId, token, 'cancelled', null, at)) return false;
        this.pendingToCancelled.run(at, runId);
        return true;
      })
      .immediate();
  }

  /**
   * Orphaned runs become interrupted, each only if the owner judged gone still holds it; their
   * samples stay pending for a resume. Returns the ids changed.
   */
  interrupt(orphans: readonly OwnedRun[], at: string): string[] {
    return this.db
      .transaction(() =>
        orphans
          .filter((run) => {
            const left = this.countPending.get(run.runId) as number;
            const reason = `The app stopped during this run (${plural(left)} left). Resume it to finish.`;
            return this.interruptRun.run(reason, at, run.runId, run.token, run.heartbeatAt).changes === 1;
          })
          .map((run) => run.runId),
      )
      .immediate();
  }
}

function toOwnedRun(row: OwnerRow): OwnedRun {
  return { runId: row.id, status: row.status, pid: row.owner_pid, token: row.owner_token, heartbeatAt: row.heartbeat_at };
}

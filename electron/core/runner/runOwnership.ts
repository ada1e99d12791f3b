// Whether the process that owns a running run is still there. A pid alone cannot say: after a
// crash the system may give it to another program, and the run would look alive for ever. So an
// owner refreshes a heartbeat while it executes the run (RunHeartbeat), and a run whose heartbeat
// stopped is orphaned whatever holds its pid now. A pid that is gone settles it at once, so a run
// killed a moment ago can be resumed straight away.
import type { RunOwner } from '../store/runOwnerStore';

/** How often an owner refreshes the heartbeat of the runs it executes (and notices a cancel made elsewhere). */
export const HEARTBEAT_INTERVAL_MS = 2000;
/** A heartbeat older than this means the owner is gone: several beats missed, so an owner slowed by a busy machine or another process's lock is not taken for dead. */
export const HEARTBEAT_STALE_MS = 15_000;

/** Where a running run executes, for saying what a cancel did. */
export interface RunLocation {
  pid: number | null;
  /** In this process. */
  here: boolean;
  /** Its owner is gone (crashed, killed): nothing executes it any more. */
  orphaned: boolean;
}

export function ownerGone(owner: RunOwner, now: number, pidAlive: (pid: number) => boolean): boolean {
  if (owner.pid === null || owner.heartbeatAt === null) return true;
  if (!pidAlive(owner.pid)) return true;
  return now - Date.parse(owner.heartbeatAt) > HEARTBEAT_STALE_MS;
}


export interface HeartbeatDeps {
  /** The runs this process is executing now. */
  executing: () => string[];
  /** Refreshes their heartbeat and returns the ones this process no longer owns; undefined when the beat could not be written this time. */
  beat: (runIds: readonly string[]) => string[] | undefined;
  /** A run was cancelled or taken over by another process: stop executing it. */
  lost: (runId: string) => void;
  intervalMs?: number;
}

/** Beats while this process executes runs, and stops by itself when it executes none. */
export class RunHeartbeat {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: HeartbeatDeps) {}

  /** Call whenever a run starts executing. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), this.deps.intervalMs ?? HEARTBEAT_INTERVAL_MS);
    // A process that has nothing else to do may exit; its runs are then settled or orphaned.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private tick(): void {
    const runIds = this.deps.executing();
    if (runIds.length === 0) return this.stop();
    let lost: string[] | undefined;
    try {
      lost = this.deps.beat(runIds);
    } catch {
      // A beat is best effort; a database that fails here fails the run's own writes, which say why.
      return;
    }
    for (const runId of lost ?? []) this.deps.lost(runId);
  }
}

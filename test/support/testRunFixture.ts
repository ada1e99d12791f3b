// Shared set-up for runner tests: a real workspace database in a temp folder, a run plan, an event
// log, a sleep that records backoff delays instead of waiting, and a RunManager wired to all of them.
import path from 'node:path';
import { api, type Api } from '../../shared/api';
import { RunRequest, type RunProgress, type RunRequestInput, type Sample } from '../../shared/runs';
import { makeTempDir, removeDir } from './tempDir';
import { EventBus } from '../../electron/core/eventBus';
import type { ModelProvider } from '../../electron/core/providers/provider';
import { openWorkspaceDatabase, type WorkbenchDatabase } from '../../electron/core/store/database';
import { RunManager, type RunManagerDeps } from '../../electron/core/runner/runManager';
import type { RunPlan } from '../../electron/core/store/runPlan';

export interface TestDatabase {
  database: WorkbenchDatabase;
  dispose(): void;
}

export function openTestDatabase(): TestDatabase {
  const dir = makeTempDir('workbench-runner-');
  const database = openWorkspaceDatabase(path.join(dir, '.workbench', 'workbench.db'));
  return {
    database,
    dispose() {
      database.close();
      removeDir(dir);
    },
  };
}

export function testPlan(request: Partial<RunRequestInput> = {}, caseNames: readonly string[] = ['only']): RunPlan {
  return {
    request: RunRequest.parse({ prompt: 'greet', models: ['alpha/m1'], temperatures: [0], samples: 1, ...request }),
    prompt: request.prompt ?? 'greet',
    commit: null,
    contentHash: 'hash-1',
    casesHash: 'cases-hash-1',
    source: '---\nmodel: alpha/m1\n---\nHello {{name}}',
    cases: caseNames.map((name) => ({
      name,
      input: { name },
      messages: [{ role: 'user', content: [{ text: `Hello ${name}` }] }],
    })),
    skipped: [],
  };
}

/** Collects the run events published on a bus. */
export class EventLog {
  readonly bus = new EventBus(api);
  readonly progress: RunProgress[] = [];
  readonly batches: Sample[][] = [];

  constructor() {
    this.bus.onAny((event, payload) => {
      if (event === 'runProgress') this.progress.push(payload as RunProgress);
      if (event === 'runSamples') this.batches.push((payload as { samples: Sample[] }).samples);
    });
  }

  get samples(): Sample[] {
    return this.batches.flat();
  }

  get events(): EventBus<Api> {
    return this.bus;
  }
}

/** A backoff sleep that returns at once (or when aborted), keeping the delays it was asked for. */
export function recordingSleep(): { sleep: (ms: number, signal: AbortSignal) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms) => {
      delays.push(ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

export function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (check()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error('Timed out waiting for a condition'));
      else setTimeout(poll, 2);
    };
    poll();
  });
}

export interface TestRunner {
  manager: RunManager;
  database: WorkbenchDatabase;
  log: EventLog;
  delays: number[];
  dispose(): Promise<void>;
}

/** A RunManager over a fresh database with these providers (concurrency per id, else 2). */
export function createTestRunner(providers: readonly ModelProvider[], concurrency: Record<string, number> = {}, extra: Partial<RunManagerDeps> = {}): TestRunner {
  const { database, dispose } = openTestDatabase();
  const log = new EventLog();
  const { sleep, delays } = recordingSleep();
  const byId = new Map(providers.map((provider) => [provider.id, provider]));
  const manager = new RunManager({
    database,
    events: log.events,
    provider: (id) => byId.get(id) ?? null,
    concurrency: (id) => concurrency[id] ?? 2,
    sleep,
    random: () => 0.5,
    progressIntervalMs: 20,
    ...extra,
  });
  return {
    manager,
    database,
    log,
    delays,
    async dispose() {
      await manager.close();
      dispose();
    },
  };
}

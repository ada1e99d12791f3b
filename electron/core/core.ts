// Opens a workspace and composes the services behind the contract. Both transports and the CLI
// start here; none of them knows how the pieces fit together.
import { api, type Api, type WorkbenchApi } from '../../shared/api';
import { completePendingApprovals } from './approval/pendingApproval';
import { RunJudge } from './checks/runJudge';
import { EventBus } from './eventBus';
import { createApi } from './api';
import { providerAccess } from './providers/providerAccess';
import { sessionSecretStore, type SecretStore } from './providers/secretStore';
import { RunManager } from './runner/runManager';
import { watchOutsideRuns } from './runner/outsideRuns';
import { openWorkspaceDatabaseWhenFree, type WorkbenchDatabase } from './store/database';
import { PURGE_AFTER_MS } from './store/runCuration';
import type { LockPolicy } from './store/lockWait';
import { openWorkspace, type Workspace, type OpenWorkspaceOptions } from './workspace/workspace';
import { watchPrompts } from './workspace/promptWatcher';
import { watchRepository } from './workspace/repositoryWatcher';
import { TryOnceCalls } from './tryOnce/tryOnceCalls';

export interface CoreOptions extends OpenWorkspaceOptions {
  /** Path to a better-sqlite3 binary built for another ABI (the Electron build lives beside the Node one). */
  nativeBinding?: string;
  /** Watch prompts/ for outside edits and publish promptsChanged (off for one-shot CLI commands). */
  watch?: boolean;
  /** Where API keys are kept: the OS keychain in the desktop app; memory for this session otherwise. */
  secrets?: SecretStore;
  /** Environment for provider addresses and keys (OLLAMA_HOST, OPENAI_API_KEY, …). */
  env?: NodeJS.ProcessEnv;
  /** How writes wait while another process holds the database's lock (default: as for requests, see lockWait.ts). */
  lockPolicy?: LockPolicy;
  /** The person's home folder (its git config, its Downloads folder); default the process's. */
  home?: string;
}

export interface WorkbenchCore {
  readonly api: WorkbenchApi;
  readonly events: EventBus<Api>;
  readonly workspace: Workspace;
  readonly database: WorkbenchDatabase;
  readonly runs: RunManager;
  readonly judge: RunJudge;
  readonly tryOnce: TryOnceCalls;
  close(): Promise<void>;
}

export async function openCore(options: CoreOptions): Promise<WorkbenchCore> {
  const workspace = await openWorkspace(options);
  // An approval cut short between its commit and its tag (a crash, kill -9) gets its tag now.
  // Best effort: a repository too damaged for this reports itself on the first real git call.
  await completePendingApprovals(workspace).catch(() => []);
  const database = await openWorkspaceDatabaseWhenFree(workspace.databasePath, { nativeBinding: options.nativeBinding, lockPolicy: options.lockPolicy });
  const events = new EventBus(api);
  const env = options.env ?? process.env;
  const providers = providerAccess({ settings: () => database.settings.read().providers, env, secrets: options.secrets ?? sessionSecretStore() });
  const provider = (id: string) => providers.registry().get(id);
  const concurrency = (id: string) => providers.registry().statuses().find((status) => status.id === id)?.concurrency ?? 1;
  const judge = new RunJudge({ workspace, database, events, provider, concurrency });
  const runs = new RunManager({
    database,
    events,
    provider,
    concurrency,
    // A run that ends done with rubric checks is judged in the background.
    ended: (runId) => judge.afterRun(runId),
  });
  const tryOnce = new TryOnceCalls({ workspace, database, events, provider });
  // Runs left `running` by a process that died (a crash, kill -9) can now be resumed.
  try {
    runs.recoverInterrupted();
    // Runs deleted at least a minute ago (their undo is long gone) leave for good, samples and all.
    database.writeIfFree(() => database.curation.purge(new Date(Date.now() - PURGE_AFTER_MS).toISOString()));
  } catch (error) {
    database.close();
    throw database.explain(error);
  }
  const stopWatching = options.watch ? watchWorkspace(workspace, database, events) : () => {};
  return {
    api: createApi({ workspace, database, events, starterDir: options.starterDir, providers, runs, judge, tryOnce, env, home: options.home }),
    events,
    workspace,
    database,
    runs,
    judge,
    tryOnce,
    async close() {
      stopWatching();
      await tryOnce.close();
      await runs.close();
      await judge.close();
      database.close();
    },
  };
}

function watchWorkspace(workspace: Workspace, database: WorkbenchDatabase, events: EventBus<Api>): () => void {
  const stops = [
    watchPrompts(workspace, (names) => events.emit('promptsChanged', { names })),
    watchRepository(workspace, () => events.emit('repositoryChanged', {})),
    watchOutsideRuns(database, (runs, deleted) => events.emit('runsChanged', { runs, deleted })),
  ];
  return () => stops.forEach((stop) => stop());
}

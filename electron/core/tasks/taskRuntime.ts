// `openTasks`: a workspace's prompts as functions an application calls. Each call reads the version
// asked for from git (the latest approval by default), so a new approval or a rollback reaches the
// next call without a restart, and editing the draft reaches none. Providers, keys, timeouts and
// retries are the app's (providerRegistry, sampleCall); SQLite is loaded only to record calls.
import type * as Public from '../../../types/tasks';
import { WorkbenchError } from '../../../shared/errors';
import { defaultSettings, type Settings } from '../../../shared/settings';
import { ProviderSettings } from '../../../shared/providers';
import { createProviderRegistry } from '../providers/providerRegistry';
import { sessionSecretStore } from '../providers/secretStore';
import { callLimits } from '../runner/callLimits';
import { defaultRetryPolicy } from '../runner/retryPolicy';
import { openWorkspace } from '../workspace/workspace';
import { callRecorder, type CallRecorder } from './callRecorder';
import { callPreparedTask, prepareTask, DEFAULT_SCHEMA_RETRIES, type TaskCallSettings } from './taskCall';
import { taskVerdicts } from './taskVerdicts';
import { resolveTaskVersion } from './taskVersion';

export interface TaskRuntimeOptions extends Public.OpenTasksOptions {
  /** Who is calling, for the recording: an application through the package, or `workbench call`. */
  caller?: 'runtime' | 'cli';
}

export async function openTasks(options: Public.OpenTasksOptions): Promise<Public.Tasks> {
  return openTaskRuntime(options);
}

export async function openTaskRuntime(options: TaskRuntimeOptions): Promise<Public.Tasks> {
  if (typeof options?.workspace !== 'string' || options.workspace === '') {
    throw new WorkbenchError('BAD_INPUT', 'openTasks needs the workspace folder: openTasks({ workspace: "/path/to/workspace" }).');
  }
  const workspace = await openWorkspace({ workspaceDir: options.workspace, starterDir: '', create: false });
  const recorder = options.record ? callRecorder(workspace) : null;
  const settings = await callSettings(options, recorder);
  const caller = options.caller ?? 'runtime';

  async function run(name: string, input: unknown, runOptions: Public.RunOptions = {}): Promise<Public.TaskResult> {
    const version = await resolveTaskVersion(workspace, name, runOptions.version);
    const task = await prepareTask(name, version, input);
    const outcome = await callPreparedTask(name, task, settings, { ...runOptions, schemaRetries: runOptions.schemaRetries ?? options.schemaRetries ?? DEFAULT_SCHEMA_RETRIES });
    if (recorder && (outcome.ok || outcome.attempts)) await record(recorder, name, version, task, outcome, caller);
    if (!outcome.ok) throw outcome.error;
    const { result } = outcome;
    return {
      output: result.output,
      rawOutput: result.rawOutput,
      version: { commit: version.commit, tag: version.tag, asked: version.asked },
      model: result.model,
      temperature: result.temperature,
      usage: result.usage,
      latencyMs: result.latencyMs,
      attempts: result.attempts,
    };
  }

  const tasks = {
    run: (name: string, input: unknown, runOptions?: Public.RunOptions) => run(name, input, runOptions),
    get: (name: string, defaults: Public.RunOptions = {}) => (input: unknown, runOptions: Public.RunOptions = {}) => run(name, input, { ...defaults, ...runOptions }),
    close: async () => {
      await recorder?.close();
    },
  };
  // The generic signatures are the caller's view (generated types); underneath every name is a string.
  return tasks as unknown as Public.Tasks;
}

async function callSettings(options: Public.OpenTasksOptions, recorder: CallRecorder | null): Promise<TaskCallSettings> {
  // Recording opens the database anyway: then the workspace's Settings apply, as in the app.
  const workspaceSettings: Settings = recorder ? await recorder.settings() : defaultSettings;
  const providers = ProviderSettings.parse({ ...workspaceSettings.providers, ...stripUndefined(options.providers ?? {}) });
  const env = (options.env ?? process.env) as NodeJS.ProcessEnv;
  return {
    registry: createProviderRegistry({ settings: providers, env, secrets: sessionSecretStore() }),
    limits: callLimits(providers),
    retry: defaultRetryPolicy,
    pricing: workspaceSettings.pricing,
    defaultModel: options.defaultModel ?? (recorder ? workspaceSettings.defaultModel : null),
  };
}

async function record(
  recorder: CallRecorder,
  name: string,
  version: Awaited<ReturnType<typeof resolveTaskVersion>>,
  task: Awaited<ReturnType<typeof prepareTask>>,
  outcome: Awaited<ReturnType<typeof callPreparedTask>>,
  caller: 'runtime' | 'cli',
): Promise<void> {
  const spent = outcome.ok ? outcome.result : outcome.attempts;
  if (!spent) return;
  const verdicts = spent.rawOutput === null ? null : await taskVerdicts(name, version, task, { output: spent.rawOutput, latencyMs: spent.latencyMs, costUsd: spent.usage.costUsd });
  await recorder.record({
    prompt: name,
    versionCommit: version.commit,
    versionTag: version.tag,
    versionAsked: version.asked,
    model: spent.model,
    temperature: spent.temperature,
    ok: outcome.ok,
    error: outcome.ok ? null : { code: outcome.error.code, message: outcome.error.message },
    schemaValid: spent.schemaValid,
    attempts: spent.attempts,
    latencyMs: spent.latencyMs,
    inputTokens: spent.usage.inputTokens,
    outputTokens: spent.usage.outputTokens,
    costUsd: spent.usage.costUsd,
    verdicts,
    caller,
  });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, each]) => each !== undefined)) as Partial<T>;
}

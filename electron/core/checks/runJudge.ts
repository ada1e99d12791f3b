// Judges a run's outputs against its rubric checks: every finished ok sample whose rubric verdict
// is undecided gets its judge's answers, through the same provider layer as samples (the same keys,
// timeouts and retries, callSample), each provider limited to its concurrency. Answers are cached
// by hash(judge, rubric, output) (migration 8): an output met again under the same rubric and judge,
// in this run or any other, costs nothing, and a second judging of a run makes no call at all.
// One judging per run at a time: asking again while one is going waits for it, then judges what is
// left (usually nothing).
import type { Api } from '../../../shared/api';
import type { JudgeProgress, JudgeRunResult } from '../../../shared/checks/judging';
import { parseJudgeAnswer } from '../../../shared/checks/judgeAnswer';
import { WorkbenchError } from '../../../shared/errors';
import { roundUsd } from '../../../shared/money';
import { splitModelId } from '../../../shared/models';
import { priceFor } from '../../../shared/pricing';
import type { EventBus } from '../eventBus';
import type { ModelProvider } from '../providers/provider';
import { callLimits } from '../runner/callLimits';
import { abortableSleep, defaultRetryPolicy, type RetryPolicy } from '../runner/retryPolicy';
import { callSample, type CallContext } from '../runner/sampleCall';
import { runProviderQueues, type ProviderQueue } from '../runner/sampleScheduler';
import type { WorkbenchDatabase } from '../store/database';
import type { JudgeAnswerRecord } from '../store/judgementStore';
import type { Workspace } from '../workspace/workspace';
import { judgeRequest } from './judgeRequest';
import { checksFor, currentChecks } from './runChecker';
import { rubricTargets } from './rubricVerdicts';

export interface RunJudgeDeps {
  workspace: Workspace;
  database: WorkbenchDatabase;
  events: EventBus<Api>;
  /** A provider by id (the part of the judge model before the slash); null when unknown. */
  provider: (id: string) => ModelProvider | null;
  /** Calls in flight at once per provider (Settings), shared with nothing else: judging is not a run. */
  concurrency: (id: string) => number;
  retryPolicy?: RetryPolicy;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
  /** How often progress is published (default 200 ms). */
  progressIntervalMs?: number;
}

/** How long judging waits for the database's lock to keep answers it has paid for. */
const JUDGE_WRITE_PATIENCE_MS = 60_000;
const MAX_FAILURES = 5;

/** One output to judge under one rubric by one judge: the unit the cache keeps. */
interface JudgeTask {
  key: string;
  judge: string;
  rubric: string;
  output: string;
  /** The most answers any check wants of it (checks differing only in judgeRepeats share a key). */
  repeats: number;
  stored: JudgeAnswerRecord[];
}

export class RunJudge {
  private readonly going = new Map<string, Promise<JudgeRunResult>>();
  private readonly controller = new AbortController();

  constructor(private readonly deps: RunJudgeDeps) {}

  /** Judges what is undecided in the run; waits for a judging of it already going first. */
  judge(runId: string): Promise<JudgeRunResult> {
    const previous = this.going.get(runId);
    const next = (async () => {
      await previous?.catch(() => undefined);
      return judgeRun(this.deps, runId, this.controller.signal);
    })();
    this.going.set(runId, next);
    void next
      .finally(() => {
        if (this.going.get(runId) === next) this.going.delete(runId);
      })
      .catch(() => undefined);
    return next;
  }

  /**
   * A run has ended: judged in the background when its prompt has rubric checks. Nobody waits on
   * it; its progress and failures go out as judgeProgress events, and `judgeRun` can be asked again.
   */
  afterRun(runId: string): void {
    if (this.controller.signal.aborted) return;
    try {
      const detail = this.deps.database.runs.summary(runId);
      if (!detail || !currentChecks(this.deps.workspace, detail.prompt).checks.some((check) => check.kind === 'rubric')) return;
    } catch {
      return; // the prompt cannot be read now (deleted, renamed): nothing to judge by
    }
    this.judge(runId).catch(() => undefined);
  }

  /** Resolves when no judging of the run is going (for tests and the CLI). */
  async settled(runId: string): Promise<void> {
    while (this.going.has(runId)) await this.going.get(runId)?.catch(() => undefined);
  }

  /** Stops every judging (answers already in are kept) and waits for them to settle. */
  async close(): Promise<void> {
    this.controller.abort(new Error('The app is closing.'));
    await Promise.all([...this.going.values()].map((going) => going.catch(() => undefined)));
  }
}

async function judgeRun(deps: RunJudgeDeps, runId: string, closing: AbortSignal): Promise<JudgeRunResult> {
  const { database } = deps;
  const detail = database.runs.detail(runId);
  if (!detail) throw new WorkbenchError('NOT_FOUND', `There is no run ${runId}. \`workbench runs\` lists the runs.`);
  const settings = database.settings.read();
  const prompt = currentChecks(deps.workspace, detail.summary.prompt);
  const tasks = new Map<string, JudgeTask>();
  for (const sample of detail.samples) {
    for (const target of rubricTargets(sample, checksFor(prompt.checks, sample.case), prompt.specs, settings.checks.defaultJudge)) {
      const task = tasks.get(target.key);
      if (task) task.repeats = Math.max(task.repeats, target.repeats);
      else tasks.set(target.key, { key: target.key, judge: target.judge, rubric: target.rubric, output: target.output, repeats: target.repeats, stored: [] });
    }
  }
  const stored = database.judgements.read(tasks.keys());
  const wanted = [...tasks.values()].filter((task) => {
    task.stored = stored.get(task.key)?.votes ?? [];
    return task.stored.length < task.repeats;
  });

  const result: JudgeRunResult = { runId, wanted: wanted.length, judged: 0, calls: 0, inputTokens: 0, outputTokens: 0, costUsd: null, failures: [] };
  const fail = (message: string) => {
    if (result.failures.length < MAX_FAILURES && !result.failures.includes(message)) result.failures.push(message);
  };
  const progress = progressPublisher(deps, runId, wanted.length, result);
  const limits = callLimits(settings.providers);
  const retry = deps.retryPolicy ?? defaultRetryPolicy;
  const queues: ProviderQueue<JudgeTask>[] = [];
  const detach: (() => void)[] = [];

  const byProvider = new Map<string, JudgeTask[]>();
  for (const task of wanted) {
    const id = splitModelId(task.judge)?.provider ?? '';
    const list = byProvider.get(id);
    if (list) list.push(task);
    else byProvider.set(id, [task]);
  }
  for (const [id, list] of byProvider) {
    const provider = id === '' ? null : deps.provider(id);
    if (!provider) {
      fail(`There is no provider "${id}" for the judge ${list[0]?.judge}. Name another judge in the check's \`judge:\`, set a default judge in Settings, or add the provider.`);
      progress.add(list.length);
      continue;
    }
    // One controller per provider: a refused key stops this judge's provider only; closing stops all.
    const stop = new AbortController();
    const onClose = () => stop.abort(closing.reason);
    if (closing.aborted) onClose();
    else closing.addEventListener('abort', onClose, { once: true });
    detach.push(() => closing.removeEventListener('abort', onClose));
    const common = { provider, signal: stop.signal, limits, retry, sleep: deps.sleep ?? abortableSleep, random: deps.random ?? Math.random };
    const contexts = new Map<string, CallContext>();
    queues.push({
      items: list,
      limit: deps.concurrency(id),
      signal: stop.signal,
      work: async (task) => {
        let context = contexts.get(task.judge);
        if (!context) contexts.set(task.judge, (context = { ...common, price: priceFor(task.judge, settings.pricing) }));
        const model = splitModelId(task.judge)?.model ?? task.judge;
        const answers: JudgeAnswerRecord[] = [];
        while (task.stored.length + answers.length < task.repeats) {
          const call = await callSample(judgeRequest(model, task.rubric, task.output), null, context);
          if (call.kind === 'abandoned') break;
          if (call.kind === 'auth') {
            result.calls++;
            fail(call.failure.message);
            stop.abort(new Error(call.failure.message));
            break;
          }
          const { outcome } = call;
          result.calls += Math.max(1, outcome.attempts);
          if (outcome.status !== 'ok') {
            fail(`The judge ${task.judge} failed: ${outcome.error?.message ?? 'no answer'}`);
            break;
          }
          result.inputTokens += outcome.inputTokens ?? 0;
          result.outputTokens += outcome.outputTokens ?? 0;
          if (outcome.costUsd !== null && outcome.costUsd !== undefined) result.costUsd = roundUsd((result.costUsd ?? 0) + outcome.costUsd);
          const vote = parseJudgeAnswer(outcome.output ?? '');
          answers.push({ ...vote, inputTokens: outcome.inputTokens ?? null, outputTokens: outcome.outputTokens ?? null, costUsd: outcome.costUsd ?? null, latencyMs: outcome.latencyMs ?? 0 });
        }
        // Answers paid for are kept even when the rest failed: the next judging asks only for what is missing.
        if (answers.length > 0) {
          const votes = [...task.stored, ...answers];
          await database.write(() => database.judgements.save(task.key, { judge: task.judge, votes }), JUDGE_WRITE_PATIENCE_MS);
          if (votes.length >= task.repeats) result.judged++;
        }
        progress.add(1);
      },
    });
  }
  try {
    await runProviderQueues(queues);
  } finally {
    for (const undo of detach) undo();
    progress.finish();
  }
  return result;
}

/** judgeProgress events: at most one per interval while judging, and one at the end. */
function progressPublisher(deps: RunJudgeDeps, runId: string, total: number, result: JudgeRunResult) {
  const interval = deps.progressIntervalMs ?? 200;
  let done = 0;
  let last = 0;
  const publish = (finished: boolean) => {
    const event: JudgeProgress = { runId, done, total, calls: result.calls, finished, failures: finished ? result.failures : [] };
    deps.events.emit('judgeProgress', event);
  };
  return {
    add(count: number) {
      done += count;
      const now = Date.now();
      if (now - last >= interval) {
        last = now;
        publish(false);
      }
    },
    finish: () => publish(true),
  };
}

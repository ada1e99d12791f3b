// The run and provider parts of the contract: plan and estimate a run, start it, steer it, read it.
import type { Api, WorkbenchApi } from '../../shared/api';
import { WorkbenchError } from '../../shared/errors';
import { splitModelId } from '../../shared/models';
import type { RunRequest } from '../../shared/runs';
import type { EventBus } from './eventBus';
import type { ProviderAccess } from './providers/providerAccess';
import { currentChecks } from './checks/runChecker';
import { estimateRun, type EstimatedRubric } from './runner/runEstimate';
import type { RunManager } from './runner/runManager';
import { planRun } from './runner/runPlanner';
import type { WorkbenchDatabase } from './store/database';
import { meanOutputTokens } from './store/outputTokenStats';
import { versionContent } from './workspace/versionContent';
import type { Workspace } from './workspace/workspace';

type RunMethods = Pick<
  WorkbenchApi,
  | 'listProviders'
  | 'checkProvider'
  | 'setProviderKey'
  | 'estimateRun'
  | 'startRun'
  | 'cancelRun'
  | 'resumeRun'
  | 'retryFailedSamples'
  | 'listRuns'
  | 'getRun'
  | 'getSample'
>;

export interface RunApiDeps {
  workspace: Workspace;
  database: WorkbenchDatabase;
  events: EventBus<Api>;
  providers: ProviderAccess;
  runs: RunManager;
}

export function createRunApi({ workspace, database, events, providers, runs }: RunApiDeps): RunMethods {
  const provider = (id: string) => providers.registry().get(id);
  // A run is usually about to start once it is estimated: its SDKs load meanwhile.
  const prepareProviders = (request: RunRequest) => request.models.forEach((model) => provider(splitModelId(model)?.provider ?? '')?.prepare?.());

  async function planAndEstimate(request: RunRequest) {
    const { plan, problems } = await planRun(workspace, request, provider);
    if (plan) prepareProviders(request);
    const settings = database.settings.read();
    const estimate = estimateRun(request, plan, problems, {
      pricing: settings.pricing,
      thresholdUsd: settings.costThresholdUsd,
      pastOutputTokens: (model) => meanOutputTokens(database.connection, request.prompt, model),
      rubrics: plan ? rubricsOf(workspace, request.prompt) : [],
      defaultJudge: settings.checks.defaultJudge,
    });
    return { plan, estimate };
  }

  return {
    listProviders: async () => providers.registry().statuses(),
    checkProvider: ({ provider: id }) => providers.registry().health(id),
    async setProviderKey({ provider: id, key }) {
      const status = providers.registry().statuses().find((entry) => entry.id === id);
      if (!status) throw new WorkbenchError('NOT_FOUND', `There is no provider "${id}". Add an OpenAI-compatible endpoint with that name in Settings first.`);
      if (status.kind === 'ollama') throw new WorkbenchError('BAD_INPUT', 'Ollama takes no API key; set its address instead.');
      providers.secrets.set(id, key);
      providers.invalidate();
      events.emit('providersChanged', {});
      const updated = providers.registry().statuses().find((entry) => entry.id === id);
      if (!updated) throw new WorkbenchError('INTERNAL', `The provider "${id}" disappeared while its key was being saved.`);
      return updated;
    },

    estimateRun: async (request) => (await planAndEstimate(request)).estimate,
    async startRun({ confirmed, ...request }) {
      if (confirmed) {
        // Already confirmed: no estimate needed, so no tokenizer helper process is started for it.
        const { plan, problems } = await planRun(workspace, request, provider);
        if (!plan || problems.length > 0) throw cannotStart(problems);
        return runs.start(plan);
      }
      const { plan, estimate } = await planAndEstimate(request);
      if (!plan || estimate.problems.length > 0) throw cannotStart(estimate.problems);
      if (estimate.needsConfirmation) {
        throw new WorkbenchError(
          'CONFIRMATION_REQUIRED',
          `This run is estimated at $${estimate.costUsd?.toFixed(2)} (${estimate.calls} calls), above the $${estimate.thresholdUsd.toFixed(2)} threshold in Settings. Confirm to start it.`,
          { estimate },
        );
      }
      return runs.start(plan);
    },
    cancelRun: async ({ runId }) => runs.cancel(runId),
    resumeRun: async ({ runId }) => runs.resume(runId),
    retryFailedSamples: async ({ runId }) => runs.retryFailed(runId),
    listRuns: async (request) =>
      runs.list(request.commit !== undefined && request.prompt !== undefined ? { ...request, sameContent: await versionContent(workspace, request.prompt, request.commit) } : request),
    getRun: async ({ runId }) => runs.get(runId),
    getSample: async ({ sampleId }) => runs.sample(sampleId),
  };
}


/** The prompt's rubric checks as its working files hold them now (the run will be judged by those). */
function rubricsOf(workspace: Workspace, prompt: string): EstimatedRubric[] {
  const { checks, specs } = currentChecks(workspace, prompt);
  return checks.flatMap((check) => {
    const spec = specs.get(check.id);
    return spec?.kind === 'rubric' ? [{ case: check.case, rubric: spec.rubric, judge: spec.judge, repeats: spec.judgeRepeats }] : [];
  });
}

function cannotStart(problems: string[]): WorkbenchError {
  return new WorkbenchError('BAD_INPUT', `The run cannot start: ${problems.join(' ')}`, { problems });
}

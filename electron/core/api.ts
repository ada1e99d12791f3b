// The implementation of the contract, composing the services. Transports validate input before
// calling in, so each method receives parsed data.
import os from 'node:os';
import type { Api, WorkbenchApi } from '../../shared/api';
import { WorkbenchError } from '../../shared/errors';
import type { Author } from '../../shared/settings';
import { createApprovalApi } from './approvalApi';
import type { RunJudge } from './checks/runJudge';
import { createCasesApi } from './casesApi';
import { createChecksApi } from './checksApi';
import { explainingDatabaseErrors } from './databaseErrors';
import { createExportApi } from './exportApi';
import type { EventBus } from './eventBus';
import type { ProviderAccess } from './providers/providerAccess';
import { createReviewApi } from './reviewApi';
import { createRunApi } from './runApi';
import { createRunCurationApi } from './runCurationApi';
import type { RunManager } from './runner/runManager';
import type { WorkbenchDatabase } from './store/database';
import type { TryOnceCalls } from './tryOnce/tryOnceCalls';
import { resolveAuthor } from './workspace/gitAuthor';
import { checkPrompt } from './workspace/promptCheck';
import { discardDraft, restoreDraft } from './workspace/draftDiscard';
import { diffPrompt } from './workspace/promptDiff';
import { createPrompt, deletePrompt, duplicatePrompt, listStarters, renamePrompt, saveCases, savePromptSource } from './workspace/promptFileOps';
import { getPrompt, renderPrompt } from './workspace/promptLibrary';
import { listPrompts } from './workspace/promptList';
import { commitPrompt, promptAtVersion, promptHistory, restorePrompt } from './workspace/promptVersions';
import type { Workspace } from './workspace/workspace';

/** A rename's database step waits longer than a request would: the files move only after it. */
const RENAME_PATIENCE_MS = 10_000;

export interface ApiDeps {
  workspace: Workspace;
  database: WorkbenchDatabase;
  events: EventBus<Api>;
  /** The app's starter library, offered when creating a prompt. */
  starterDir: string;
  providers: ProviderAccess;
  runs: RunManager;
  /** Judges runs' rubric checks (core/checks/runJudge.ts). */
  judge: RunJudge;
  /** One-call tries from the editor (core/tryOnce/). */
  tryOnce: TryOnceCalls;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

export function createApi({ workspace, database, events, starterDir, providers, runs, judge, tryOnce, env = process.env, home = os.homedir() }: ApiDeps) {
  const author = () => resolveAuthor({ settings: database.settings.read().author, env, home });
  const requireAuthor = (): Author => {
    const found = author();
    if (found) return found;
    throw new WorkbenchError(
      'BAD_INPUT',
      'Commits need an author. Set your name and email in Settings, or run `git config --global user.name "Your Name"` and `git config --global user.email you@example.com`.',
    );
  };

  const methods = {
    async getWorkspace() {
      return {
        path: workspace.path,
        name: workspace.name,
        branch: await workspace.git.currentBranch().catch(() => null),
        head: await workspace.git.head().catch(() => null),
        databasePath: database.path,
        schemaVersion: database.schemaVersion,
      };
    },
    listPrompts: () => listPrompts(workspace),
    getPrompt: ({ name }) => getPrompt(workspace, name),
    renderPrompt: (request) => renderPrompt(workspace, request),
    checkPrompt: (request) => checkPrompt(workspace, request),

    async savePrompt({ name, source, expectedHash }) {
      await savePromptSource(workspace, name, source, expectedHash);
      return getPrompt(workspace, name);
    },
    async saveCases({ name, cases, expectedHash }) {
      await saveCases(workspace, name, cases, expectedHash);
      return getPrompt(workspace, name);
    },
    listStarters: async () => listStarters(starterDir),
    async createPrompt({ name, starter }) {
      await createPrompt(workspace, starterDir, name, starter);
      return getPrompt(workspace, name);
    },
    async renamePrompt({ name, newName }) {
      // The runs (and so their ratings) move with the prompt.
      const runs = { move: async (from: string, to: string) => void (await database.write(() => database.runs.movePrompt(from, to), RENAME_PATIENCE_MS)) };
      await renamePrompt(workspace, name, newName, requireAuthor(), runs);
      return getPrompt(workspace, newName);
    },
    async duplicatePrompt({ name, newName }) {
      await duplicatePrompt(workspace, name, newName);
      return getPrompt(workspace, newName);
    },
    deletePrompt: ({ name }) => deletePrompt(workspace, name, requireAuthor()),

    commitPrompt: ({ name, message }) => commitPrompt(workspace, name, message, requireAuthor()),
    promptHistory: ({ name, limit, approvedOnly }) => promptHistory(workspace, name, limit, approvedOnly),
    promptAtVersion: ({ name, ref }) => promptAtVersion(workspace, name, ref),
    diffPrompt: ({ name, from, to }) => diffPrompt(workspace, name, from, to),
    async restorePrompt({ name, ref }) {
      await restorePrompt(workspace, name, ref);
      return getPrompt(workspace, name);
    },
    async discardDraft({ name }) {
      const discarded = await discardDraft(workspace, name);
      return { prompt: await getPrompt(workspace, name), discarded };
    },
    async restoreDraft({ name, draft, expectedSourceHash, expectedCasesHash }) {
      restoreDraft(workspace, name, draft, { source: expectedSourceHash, cases: expectedCasesHash });
      return getPrompt(workspace, name);
    },
    getAuthor: async () => author(),

    getSettings: async () => database.settings.read(),
    async setSetting(update) {
      const settings = await database.write(() => database.settings.write(update));
      events.emit('settingsChanged', settings);
      if (update.key === 'providers') {
        providers.invalidate();
        events.emit('providersChanged', {});
      }
      return settings;
    },

    ...createRunApi({ workspace, database, events, providers, runs }),
    ...createRunCurationApi({ database, events }),
    ...createReviewApi({ database, events, providers }),
    ...createChecksApi({ workspace, database, judge }),
    ...createCasesApi({ workspace, database, providers }),
    ...createApprovalApi({ workspace, database, events, runs, author: requireAuthor }),
    ...createExportApi({ database, workspace, home }),
    tryOnce: (request) => tryOnce.start(request),
    stopTryOnce: async ({ callId }) => ({ stopped: tryOnce.stop(callId) }),
  } satisfies WorkbenchApi;
  return explainingDatabaseErrors(methods, database.explain);
}

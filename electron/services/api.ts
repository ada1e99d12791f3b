// The implementation of the contract, composing the services. Transports validate input before
// calling in, so each method receives parsed data.
import type { Api, WorkbenchApi } from '../../shared/api';
import type { EventBus } from './eventBus';
import type { WorkbenchDatabase } from './store/database';
import { getPrompt, listPrompts, renderPrompt } from './workspace/promptLibrary';
import type { Workspace } from './workspace/workspace';

export interface ApiDeps {
  workspace: Workspace;
  database: WorkbenchDatabase;
  events: EventBus<Api>;
}

export function createApi({ workspace, database, events }: ApiDeps) {
  return {
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
    getSettings: async () => database.settings.read(),
    async setSetting(update) {
      const settings = database.settings.write(update);
      events.emit('settingsChanged', settings);
      return settings;
    },
  } satisfies WorkbenchApi;
}

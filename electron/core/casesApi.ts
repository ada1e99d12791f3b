// The cases part of the contract beyond saving the file: drafting new cases with a model.
import type { WorkbenchApi } from '../../shared/api';
import { draftCases } from './cases/draftCases';
import type { ProviderAccess } from './providers/providerAccess';
import type { WorkbenchDatabase } from './store/database';
import type { Workspace } from './workspace/workspace';

type CasesMethods = Pick<WorkbenchApi, 'draftCases'>;

export function createCasesApi(deps: { workspace: Workspace; database: WorkbenchDatabase; providers: ProviderAccess }): CasesMethods {
  return {
    draftCases: (request) => draftCases({ ...deps, provider: (id) => deps.providers.registry().get(id) }, request),
  };
}

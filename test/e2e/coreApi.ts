// The contract over HTTP from a spec, as the renderer's client calls it: for setting up data (runs,
// ratings, settings) that a test is not about.
import { expect } from '@playwright/test';
import type { RunDetail, RunSummary } from '../../shared/runs';
import { callApi } from '../support/serveApi';
import type { ServeProcess } from '../support/workbenchCli';

export { callApi };

/** Starts a run (confirmed) and waits until every sample is in. */
export async function runToCompletion(server: ServeProcess, request: Record<string, unknown>): Promise<RunDetail> {
  const run = await callApi<RunSummary>(server, 'startRun', { ...request, confirmed: true });
  const detail = () => callApi<RunDetail>(server, 'getRun', { runId: run.runId });
  await expect.poll(async () => (await detail()).summary.status, { timeout: 30_000 }).toBe('done');
  return detail();
}

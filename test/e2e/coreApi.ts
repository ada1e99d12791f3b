// The contract over HTTP from a spec, as the renderer's client calls it: for setting up data (runs,
// ratings, settings) that a test is not about.
import { expect } from '@playwright/test';
import type { RunDetail, RunSummary } from '../../shared/runs';
import type { ServeProcess } from '../support/workbenchCli';

/** One contract method; a refused call fails the test with the core's message. */
export async function callApi<T>(server: ServeProcess, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; data?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error?.message ?? response.status}`);
  return envelope.data as T;
}

/** Starts a run (confirmed) and waits until every sample is in. */
export async function runToCompletion(server: ServeProcess, request: Record<string, unknown>): Promise<RunDetail> {
  const run = await callApi<RunSummary>(server, 'startRun', { ...request, confirmed: true });
  const detail = () => callApi<RunDetail>(server, 'getRun', { runId: run.runId });
  await expect.poll(async () => (await detail()).summary.status, { timeout: 30_000 }).toBe('done');
  return detail();
}

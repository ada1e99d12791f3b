// One contract method over HTTP against a running `workbench serve`, as the renderer's client calls
// it: for specs and benchmarks that set up or drive data they are not about.
import type { ServeProcess } from './workbenchCli';

/** Answers the method's data; a refused call throws with the core's message. */
export async function callApi<T>(server: Pick<ServeProcess, 'origin' | 'token'>, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; data?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error?.message ?? response.status}`);
  return envelope.data as T;
}

export interface ApiAnswer<T> {
  status: number;
  ok: boolean;
  data?: T;
  error?: { code: string; message: string };
}

/** The method's whole answer, refused or not, with its HTTP status. */
export async function postApi<T>(server: Pick<ServeProcess, 'origin' | 'token'>, method: string, input: unknown): Promise<ApiAnswer<T>> {
  const response = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as Omit<ApiAnswer<T>, 'status'>;
  return { status: response.status, ...envelope };
}

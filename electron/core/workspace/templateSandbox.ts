// Renders templates in a sandbox worker (../sandbox/sandboxWorker.ts) with a time, memory and
// output limit. A template is code from the workspace, which may be a cloned repository written by
// anyone: nested {{#each}} over a long list, or thousands of tags, can run for minutes or fill the
// memory, and Handlebars cannot be stopped from inside.
import { WorkbenchError } from '../../../shared/errors';
import { SandboxWorker } from '../sandbox/sandboxWorker';

export interface SandboxLimits {
  /** Longest a render may take. */
  timeoutMs: number;
  /** The worker's heap limit. */
  memoryMb: number;
  /** Most characters the rendered messages may hold in all. */
  maxOutputChars: number;
}

export const DEFAULT_LIMITS: SandboxLimits = { timeoutMs: 5_000, memoryMb: 256, maxOutputChars: 4 * 1024 * 1024 };

export interface SandboxRender {
  messages: { role: string; content: unknown[]; metadata?: unknown }[];
  config: Record<string, unknown>;
}

type Reply =
  | { id: number; ok: true; messages: SandboxRender['messages']; config: Record<string, unknown> }
  | { id: number; ok: false; reason: 'error'; message: string }
  | { id: number; ok: false; reason: 'output'; size: number };

// The worker is plain JavaScript beside this file; the bundles get a copy beside themselves.
const worker = new SandboxWorker<{ source: string; input: Record<string, unknown>; maxOutputChars: number }, Reply>(new URL('./templateRenderWorker.js', import.meta.url));

/** Renders `source` with Dotprompt for `input`; `file` names it in errors. */
export async function renderInSandbox(file: string, source: string, input: Record<string, unknown>, limits: SandboxLimits = DEFAULT_LIMITS): Promise<SandboxRender> {
  const outcome = await worker.run({ source, input, maxOutputChars: limits.maxOutputChars }, limits);
  const invalid = (message: string) => new WorkbenchError('PROMPT_INVALID', `${file}: ${message}`);
  const advice = 'Check its {{#each}} loops and the size of the input.';
  switch (outcome.kind) {
    case 'timeout':
      throw invalid(`rendering the template took longer than ${limits.timeoutMs / 1000} s and was stopped. ${advice}`);
    case 'out-of-memory':
      throw invalid(`rendering the template needed more than ${limits.memoryMb} MB and was stopped. ${advice}`);
    case 'crashed':
      throw invalid('rendering the template stopped unexpectedly. Try again.');
    case 'reply': {
      const reply = outcome.reply;
      if (reply.ok) return { messages: reply.messages, config: reply.config };
      if (reply.reason === 'output') throw invalid(`the rendered prompt would be ${mb(reply.size)}, more than the ${mb(limits.maxOutputChars)} a prompt may be. ${advice}`);
      throw invalid(`the template could not be rendered: ${reply.message}`);
    }
  }
}

function mb(chars: number): string {
  return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
}

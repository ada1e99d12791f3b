// Renders Dotprompt templates for templateSandbox.ts, in a worker thread of its own. Plain
// JavaScript that loads only the `dotprompt` package, so it runs as is from the sources, from the
// bundles (copied beside them) and in tests.
import { parentPort } from 'node:worker_threads';
import { Dotprompt } from 'dotprompt';

const dotprompt = new Dotprompt();
// Dotprompt logs some template problems itself; they reach the person as errors instead, and a
// command's output stays its own.
for (const method of ['log', 'info', 'warn', 'error', 'debug']) globalThis.console[method] = () => {};

parentPort.on('message', async ({ id, source, input, maxOutputChars }) => {
  try {
    const rendered = await dotprompt.render(source, { input });
    // As the library renders them (roles, parts, metadata): the core checks and passes them on unchanged.
    const messages = rendered.messages;
    const size = messages.reduce((sum, message) => sum + message.content.reduce((part, item) => part + (item.text?.length ?? 0), 0), 0);
    if (size > maxOutputChars) {
      parentPort.postMessage({ id, ok: false, reason: 'output', size });
      return;
    }
    parentPort.postMessage({ id, ok: true, messages, config: rendered.config ?? {} });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});

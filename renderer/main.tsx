// Entry point of the renderer, kept small: it asks for the open route's heavy data (earlyCalls.ts)
// before the browser has loaded and compiled the rest of the app, then loads it (startApp.tsx).
import { coreCall } from './api/coreCall';
import { callEarly } from './api/earlyCalls';
import { parseHash } from './app/router';

const route = parseHash(window.location.hash);
if (route.page === 'review') {
  const call = coreCall();
  callEarly(call, 'getRun', { runId: route.runId });
  if (route.otherRunId) callEarly(call, 'getRun', { runId: route.otherRunId });
}

import('./startApp').catch((error: unknown) => {
  // Nothing of the app is on screen to say so (its error boundary is in what failed to load).
  const message = error instanceof Error ? error.message : String(error);
  document.body.textContent = `Prompt Workbench could not load its code (${message}). Reload the window; if that does not help, rebuild the app.`;
});

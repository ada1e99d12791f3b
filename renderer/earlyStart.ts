// The first module main.tsx runs: on a review route it asks for the run at once (earlyCalls.ts),
// before the rest of the app's code has run and rendered; the app's client then takes that answer.
import { coreCall } from './api/coreCall';
import { callEarly } from './api/earlyCalls';
import { parseHash } from './app/router';

const route = parseHash(window.location.hash);
if (route.page === 'review') {
  const call = coreCall();
  callEarly(call, 'getRun', { runId: route.runId });
  if (route.otherRunId) callEarly(call, 'getRun', { runId: route.otherRunId });
}

// One Try once call at a time for a view: start asks the core (stopping the call before, if any),
// the `tryOnce` events fill in the state, stop aborts the request. Leaving the view stops it too.
import { useCallback, useEffect, useRef, useState } from 'react';
import { toErrorData } from '../../shared/errors';
import type { TryOnceRequest } from '../../shared/tryOnce';
import { client } from './client';
import { IDLE, applyEvent, refused, started, stopping, type TryOnceState } from './tryOnceState';

export function useTryOnceCall() {
  const [state, setState] = useState<TryOnceState>(IDLE);
  const current = useRef<string | null>(null);

  useEffect(() => client.on('tryOnce', (event) => setState((previous) => applyEvent(previous, event))), []);
  useEffect(
    () => () => {
      if (current.current) void client.stopTryOnce({ callId: current.current }).catch(() => undefined);
    },
    [],
  );

  const stop = useCallback(() => {
    const callId = current.current;
    if (!callId) return;
    setState(stopping);
    client.stopTryOnce({ callId }).catch(() => undefined);
  }, []);

  const start = useCallback((request: Omit<TryOnceRequest, 'callId'>) => {
    if (current.current) void client.stopTryOnce({ callId: current.current }).catch(() => undefined);
    const callId = crypto.randomUUID();
    current.current = callId;
    // Listening already (above) before asking: the first event may come before the answer does.
    setState(started(callId));
    client.tryOnce({ ...request, callId }).catch((error: unknown) => setState((previous) => refused(previous, callId, toErrorData(error))));
  }, []);

  return { state, start, stop };
}

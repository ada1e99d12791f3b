// A typed publish/subscribe hub for the contract's events. Transports subscribe to every event
// and forward it; services publish without knowing who listens, and may ask whether anyone does
// before gathering what only a listener would want (a run's finished samples, for a live grid).
import { eventNames, type Contract, type EventPayload } from '../../shared/contract';

type AnyListener = (event: string, payload: unknown) => void;

export class EventBus<C extends Contract> {
  private readonly listeners = new Set<AnyListener>();
  private readonly byEvent = new Map<string, Set<AnyListener>>();

  constructor(private readonly contract: C) {}

  emit<K extends keyof C['events'] & string>(event: K, payload: EventPayload<C, K>): void {
    // Validate on the way out so a bad payload is caught where it was made, not in the UI.
    const schema = this.contract.events[event];
    if (!schema) throw new Error(`"${event}" is not an event of the contract`);
    const parsed: unknown = schema.parse(payload);
    for (const listener of this.listeners) listener(event, parsed);
    for (const listener of this.byEvent.get(event) ?? []) listener(event, parsed);
  }

  /** Receives every event; returns an unsubscribe function. */
  onAny(listener: AnyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Receives one event; returns an unsubscribe function. */
  on<K extends keyof C['events'] & string>(event: K, listener: (payload: EventPayload<C, K>) => void): () => void {
    const wrapped: AnyListener = (_event, payload) => listener(payload as EventPayload<C, K>);
    let set = this.byEvent.get(event);
    if (!set) this.byEvent.set(event, (set = new Set()));
    set.add(wrapped);
    return () => set.delete(wrapped);
  }

  /** Whether an emit of `event` would reach anyone now. */
  listening(event: keyof C['events'] & string): boolean {
    return this.listeners.size > 0 || (this.byEvent.get(event)?.size ?? 0) > 0;
  }

  names(): string[] {
    return eventNames(this.contract);
  }
}

// A typed publish/subscribe hub for the contract's events. Transports subscribe to every event
// and forward it; services publish without knowing who listens.
import { eventNames, type Contract, type EventPayload } from '../../shared/contract';

type AnyListener = (event: string, payload: unknown) => void;

export class EventBus<C extends Contract> {
  private readonly listeners = new Set<AnyListener>();

  constructor(private readonly contract: C) {}

  emit<K extends keyof C['events'] & string>(event: K, payload: EventPayload<C, K>): void {
    // Validate on the way out so a bad payload is caught where it was made, not in the UI.
    const schema = this.contract.events[event];
    if (!schema) throw new Error(`"${event}" is not an event of the contract`);
    const parsed: unknown = schema.parse(payload);
    for (const listener of this.listeners) listener(event, parsed);
  }

  /** Receives every event; returns an unsubscribe function. */
  onAny(listener: AnyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  names(): string[] {
    return eventNames(this.contract);
  }
}

// An in-process ModelProvider for runner tests: the network edge, answering by script. Latency is a
// real timer and the signal is honoured the way real providers do (a `cancelled` failure), so cancel,
// timeout and concurrency behave as they would against a server.
import { parameterRules, type ParameterRules } from '../../shared/parameterRules';
import type { ModelInfo, ProviderKind } from '../../shared/providers';
import type { CompletionRequest, CompletionResult, FailureKind, ModelProvider } from '../../electron/core/providers/provider';

export type Step =
  | { ok: string; latencyMs?: number; inputTokens?: number | null; outputTokens?: number | null }
  | { fail: FailureKind; status?: number | null; retryAfterMs?: number | null; message?: string; latencyMs?: number }
  /** Never answers until the signal aborts. */
  | { hang: true };

export interface ScriptCall {
  request: CompletionRequest;
  /** 1-based across all calls to this provider. */
  call: number;
}

export interface TestProviderOptions {
  kind?: ProviderKind;
  /** What each call does; default: answer "<model> t=<temperature>" after `latencyMs`. */
  script?: (call: ScriptCall) => Step;
  latencyMs?: number;
}

export class TestProvider implements ModelProvider {
  readonly kind: ProviderKind;
  readonly label: string;
  readonly rules: ParameterRules;
  readonly requests: CompletionRequest[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** Calls that ended because their signal aborted. */
  aborted = 0;
  private readonly script: (call: ScriptCall) => Step;

  constructor(
    readonly id: string,
    private readonly options: TestProviderOptions = {},
  ) {
    this.kind = options.kind ?? 'openai';
    this.label = `Test ${id}`;
    this.rules = parameterRules[this.kind];
    this.script = options.script ?? (({ request }) => ({ ok: `${request.model} t=${request.temperature}` }));
  }

  get calls(): number {
    return this.requests.length;
  }

  complete(request: CompletionRequest, { signal }: { signal: AbortSignal }): Promise<CompletionResult> {
    this.requests.push(request);
    const step = this.script({ request, call: this.requests.length });
    const sent = this.sent(request);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const started = Date.now();
    return new Promise<CompletionResult>((resolve) => {
      const finish = (result: CompletionResult) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.inFlight--;
        resolve(result);
      };
      const onAbort = () => {
        this.aborted++;
        const failure = { kind: 'cancelled' as const, message: `${this.label}: the call was cancelled.`, status: null, retryAfterMs: null };
        finish({ ok: false, latencyMs: Date.now() - started, sent, failure });
      };
      const latency = 'hang' in step ? null : (step.latencyMs ?? this.options.latencyMs ?? 1);
      const timer = latency === null ? undefined : setTimeout(() => finish(this.answer(step, sent, Date.now() - started)), latency);
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  async listModels(): Promise<ModelInfo[]> {
    return [];
  }

  private answer(step: Step, sent: Record<string, unknown>, latencyMs: number): CompletionResult {
    if ('ok' in step) {
      return {
        ok: true,
        output: step.ok,
        finishReason: 'stop',
        inputTokens: step.inputTokens === undefined ? 10 : step.inputTokens,
        outputTokens: step.outputTokens === undefined ? 5 : step.outputTokens,
        latencyMs,
        ttftMs: latencyMs / 2,
        sent,
      };
    }
    if ('fail' in step) {
      const failure = {
        kind: step.fail,
        message: step.message ?? `${this.label} failed (${step.fail}).`,
        status: step.status ?? null,
        retryAfterMs: step.retryAfterMs ?? null,
      };
      return { ok: false, latencyMs, sent, failure };
    }
    throw new Error('A hanging call has no answer');
  }

  private sent(request: CompletionRequest): Record<string, unknown> {
    const { messages: _messages, ...parameters } = request;
    return parameters;
  }
}

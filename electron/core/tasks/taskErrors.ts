// The errors a task call can end in, as classes an application can tell apart with instanceof
// (or by `code`): the input did not fit the input schema (no call was made), the model's answer did
// not fit the output schema after every retry (the raw answer comes with it), or the call failed.
import { WorkbenchError } from '../../../shared/errors';

/** The input does not fit the prompt's input schema; nothing was sent to a model. */
export class TaskInputError extends WorkbenchError {
  override readonly name = 'TaskInputError';
  declare readonly code: 'BAD_INPUT';
  constructor(
    message: string,
    readonly validationErrors: readonly string[],
  ) {
    super('BAD_INPUT', message, { validationErrors });
  }
}

/** The model answered, but not with output that fits the schema, on every attempt allowed. */
export class TaskOutputError extends WorkbenchError {
  override readonly name = 'TaskOutputError';
  declare readonly code: 'OUTPUT_INVALID';
  constructor(
    message: string,
    /** The last answer, exactly as the model wrote it. */
    readonly rawOutput: string,
    readonly validationErrors: readonly string[],
    /** Calls made, the first one included. */
    readonly attempts: number,
  ) {
    super('OUTPUT_INVALID', message, { rawOutput, validationErrors, attempts });
  }
}

/** The provider refused or failed (after its own retries for transient failures). */
export class TaskCallError extends WorkbenchError {
  override readonly name = 'TaskCallError';
  declare readonly code: 'PROVIDER_ERROR';
  constructor(
    message: string,
    /** The provider's failure kind: auth, rate_limit, server, network, timeout, bad_request, not_found, malformed, cancelled. */
    readonly failure: string,
  ) {
    super('PROVIDER_ERROR', message, { failure });
  }
}

// Errors cross every boundary as plain data with a message a person can act on.
import { z } from 'zod';
import { systemErrorMessage } from './systemErrors';

export const ErrorCode = z.enum([
  'BAD_INPUT',
  'NOT_FOUND',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'WORKSPACE_INVALID',
  'WORKSPACE_NOT_EMPTY',
  /** Another program held the database's write lock for longer than this command was willing to wait; nothing was written. */
  'DB_LOCKED',
  /** Another program is writing to the database right now; nothing was written. Retryable: send the same call again shortly. */
  'DB_BUSY',
  'DB_CORRUPT',
  'DB_TOO_NEW',
  'PROMPT_INVALID',
  /** Rendering needs template variables that the input does not give; details.missing lists them. */
  'MISSING_VARIABLES',
  'GIT_ERROR',
  /** Another program holds one of git's lock files; the message says whose and what to do. */
  'GIT_LOCKED',
  /** The file changed on disk since it was loaded; details carry the disk content. */
  'CONFLICT',
  'NOTHING_TO_COMMIT',
  'ALREADY_EXISTS',
  /** The run's estimated cost passes the threshold in Settings; details.estimate says by how much. Start it again with confirmed: true. */
  'CONFIRMATION_REQUIRED',
  /** A model provider refused or failed (bad key, not running, unknown model); the message says which and what to do. */
  'PROVIDER_ERROR',
  /** A model's answer did not fit the prompt's output schema, after the retries allowed; details carry the raw output and why. */
  'OUTPUT_INVALID',
  /** The core could not be reached (server stopped, connection dropped). */
  'UNAVAILABLE',
  /** The disk or the system refused a read or write (full, read-only, no permission); the message says which and what to do. */
  'STORAGE_ERROR',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorData = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorData = z.infer<typeof ErrorData>;

export class WorkbenchError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'WorkbenchError';
    this.code = code;
    this.details = details;
  }

  toData(): ErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromData(data: ErrorData): WorkbenchError {
    return new WorkbenchError(data.code, data.message, data.details);
  }
}

/** Turns anything thrown into error data; unknown failures keep their message but not their stack. */
export function toErrorData(error: unknown): ErrorData {
  if (error instanceof WorkbenchError) return error.toData();
  if (error instanceof z.ZodError) return { code: 'BAD_INPUT', message: formatZodError(error) };
  const system = systemErrorMessage(error);
  if (system !== null) return { code: 'STORAGE_ERROR', message: system };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Something went wrong: ${message}` };
}

export function formatZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Codes that mean "nothing happened yet, the same call may succeed in a moment": a client retries them by itself. */
export function isRetryableCode(code: ErrorCode): boolean {
  return code === 'DB_BUSY';
}

/** The envelope both transports use, so a failure is data and never a transport exception. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorData };

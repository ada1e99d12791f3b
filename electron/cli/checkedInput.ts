// Command-line values checked with the contract's own schemas, so the CLI refuses exactly what the
// app refuses (a prompt name like "../x", an empty message) as a usage error with one clear line.
import type { z } from 'zod';
import { formatZodError } from '../../shared/errors';
import { UsageError } from './command';

export function checkedInput<S extends z.ZodType>(schema: S, value: z.input<S>): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(formatZodError(parsed.error));
  return parsed.data;
}

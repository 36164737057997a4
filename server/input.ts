import type { z } from 'zod';
import { apiError } from './errors.ts';

/**
 * Checks a resolver's arguments against their schema. A refusal is BAD_INPUT whose message and
 * `fields` extension name each offending argument, so a form can mark the field it came from.
 */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  throw apiError('BAD_INPUT', fields.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message)).join('; '), { fields });
}

import type { Context } from 'hono';
import type { z } from 'zod';
import { GongkaiError } from '../errors/GongkaiError.ts';

/** Parses a JSON request body with a zod schema; GongkaiError('bad-request') says what is wrong. */
export async function readJsonBody<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw new GongkaiError('bad-request', 'the request body must be JSON (Content-Type: application/json)');
  }
  return parseInput(schema, json, 'body');
}

/** Validates query parameters (or any input) with a zod schema; GongkaiError('bad-request') on failure. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, where = 'query'): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || where}: ${issue.message}`);
    throw new GongkaiError('bad-request', `invalid ${where}: ${problems.join('; ')}`, { issues: problems });
  }
  return parsed.data;
}

import { GongkaiError } from '../../errors/GongkaiError.ts';

/** Node socket errors and postgres.js codes meaning the database cannot be reached right now. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);
/** SQLSTATE classes of a server going away: 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now; 08 connection exceptions. */
const SERVER_STATES = /^(57P0[123]|08\d{3})$/;

/** True when `error` says the database is down or unreachable (not that a query was wrong). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (CONNECTION_CODES.has(code) || SERVER_STATES.test(code));
}

/**
 * The same part with every method's "database unreachable" failure turned into GongkaiError('unavailable')
 * (503: the request may be sent again). The pool reconnects by itself when the database is back.
 */
export function reportUnavailable<Part extends object>(part: Part): Part {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(part)) {
    wrapped[name] = typeof method !== 'function'
      ? method
      : async (...args: unknown[]) => {
        try {
          return await (method as (...values: unknown[]) => Promise<unknown>).apply(part, args);
        } catch (error) {
          if (!isDatabaseUnavailable(error)) throw error;
          throw new GongkaiError('unavailable', 'the database is not reachable right now; try again in a moment', {}, { cause: error });
        }
      };
  }
  return wrapped as Part;
}

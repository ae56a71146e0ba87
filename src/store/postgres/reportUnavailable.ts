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

/** The error a caller gets instead of a "database unreachable" one; anything else as it was. */
function translated(error: unknown): unknown {
  if (!isDatabaseUnavailable(error)) return error;
  return new GongkaiError('unavailable', 'the database is not reachable right now; try again in a moment', {}, { cause: error });
}

/** An async iterable whose failures (on any step) are translated. */
async function* translatedIteration<Item>(iterable: AsyncIterable<Item>): AsyncGenerator<Item> {
  try {
    yield* iterable;
  } catch (error) {
    throw translated(error);
  }
}

/**
 * The same part with every method's "database unreachable" failure turned into GongkaiError('unavailable')
 * (503: the request may be sent again). The pool reconnects by itself when the database is back. A method that
 * returns an async iterable (a stream of rows) has the failures of its iteration translated.
 */
export function reportUnavailable<Part extends object>(part: Part): Part {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(part)) {
    wrapped[name] = typeof method !== 'function'
      ? method
      : (...args: unknown[]) => {
        let result: unknown;
        try {
          result = (method as (...values: unknown[]) => unknown).apply(part, args);
        } catch (error) {
          return Promise.reject(translated(error));
        }
        if (typeof result === 'object' && result !== null && Symbol.asyncIterator in result && !('then' in result)) {
          return translatedIteration(result as AsyncIterable<unknown>);
        }
        return Promise.resolve(result).catch((error: unknown) => {
          throw translated(error);
        });
      };
  }
  return wrapped as Part;
}

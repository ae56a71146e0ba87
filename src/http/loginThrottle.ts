import { GongkaiError } from '../errors/GongkaiError.ts';

/** Attempts allowed per username within the window before further attempts are refused. */
const MAX_ATTEMPTS = 5;
const WINDOW_MS = 15 * 60 * 1000;
/** Usernames tracked at most (a flood of random usernames must not grow memory without end). */
const MAX_TRACKED = 10_000;

/**
 * Slows password guessing: 5 attempts per username within 15 minutes, then 429 until the window has passed.
 * An attempt is counted when it starts, before the password is checked, so 200 guesses sent at once get 5
 * checks and 195 refusals (counting failures after the check let all 200 through); a success forgets the
 * count. The same class throttles the password-change route, keyed by account. Kept in memory: a restart
 * forgets it, which is acceptable for a throttle.
 */
export class LoginThrottle {
  private readonly attempts = new Map<string, { count: number; since: number }>();

  constructor(private readonly what: string = 'failed logins') {}

  /** Counts an attempt for `key`; throws GongkaiError('rate-limited') when its attempts are used up. */
  attempt(key: string, now: number): void {
    let entry = this.attempts.get(key);
    if (entry && now - entry.since > WINDOW_MS) {
      this.attempts.delete(key);
      entry = undefined;
    }
    if (!entry) {
      this.makeRoom(now);
      this.attempts.set(key, { count: 1, since: now });
      return;
    }
    if (entry.count >= MAX_ATTEMPTS) {
      const minutes = Math.max(1, Math.ceil((entry.since + WINDOW_MS - now) / 60000));
      throw new GongkaiError('rate-limited', `too many ${this.what} for ${key}; try again in ${minutes} minute(s)`, { retryAfterSeconds: minutes * 60 });
    }
    entry.count++;
  }

  /**
   * Takes back an attempt that never reached the password check (refused because too many checks were queued):
   * a flood of other people's logins must not use up a real user's attempts and lock them out.
   */
  withdraw(key: string): void {
    const entry = this.attempts.get(key);
    if (!entry) return;
    entry.count--;
    if (entry.count <= 0) this.attempts.delete(key);
  }

  /** Forgets the attempts of `key` after a success. */
  succeed(key: string): void {
    this.attempts.delete(key);
  }

  /** Drops expired entries, then the oldest, while the map is full. */
  private makeRoom(now: number): void {
    if (this.attempts.size < MAX_TRACKED) return;
    for (const [key, entry] of this.attempts) if (now - entry.since > WINDOW_MS) this.attempts.delete(key);
    for (const key of this.attempts.keys()) {
      if (this.attempts.size < MAX_TRACKED) break;
      this.attempts.delete(key);
    }
  }
}

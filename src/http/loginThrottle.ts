import { GongkaiError } from '../errors/GongkaiError.ts';

/** Failed logins allowed per username within the window before further attempts are refused. */
const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;

/**
 * Slows password guessing: after 5 failed logins for a username within 15 minutes, its logins are refused
 * (429) until the window has passed. Kept in memory: a restart forgets it, which is acceptable for a throttle.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();

  /** Throws GongkaiError('rate-limited') when the username is locked out. */
  check(username: string, now: number): void {
    const entry = this.failures.get(username);
    if (!entry) return;
    if (now - entry.since > WINDOW_MS) {
      this.failures.delete(username);
      return;
    }
    if (entry.count >= MAX_FAILURES) {
      const minutes = Math.ceil((entry.since + WINDOW_MS - now) / 60000);
      throw new GongkaiError('rate-limited', `too many failed logins for ${username}; try again in ${minutes} minute(s)`);
    }
  }

  /** Records a failed login. */
  fail(username: string, now: number): void {
    const entry = this.failures.get(username);
    if (!entry || now - entry.since > WINDOW_MS) this.failures.set(username, { count: 1, since: now });
    else entry.count++;
  }

  /** Forgets the failures of a username after a successful login. */
  succeed(username: string): void {
    this.failures.delete(username);
  }
}

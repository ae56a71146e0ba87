/** Tokens set aside for one call before it is made; settled with what the call really cost. */
export interface TokenReservation {
  readonly tokens: number;
  /** Replaces the reservation by the tokens actually spent (0 when the endpoint billed nothing). */
  settle(spentTokens: number): void;
}

/**
 * A per-document token budget that is never exceeded, retries and repairs included: a call reserves its worst
 * case (estimated prompt + output cap, times the attempts the SDK may make) before it starts, and is not made
 * when that does not fit in what is left. Sections run concurrently, so reservations count until settled.
 */
export interface TokenBudget {
  readonly limit: number;
  /** Tokens spent by settled calls. */
  spent(): number;
  /** Tokens neither spent nor reserved. */
  available(): number;
  /** Reserves `tokens`, or returns undefined (and reserves nothing) when they do not fit. */
  reserve(tokens: number): TokenReservation | undefined;
}

/** A budget of `limit` tokens. */
export function createTokenBudget(limit: number): TokenBudget {
  let spent = 0;
  let reserved = 0;
  return {
    limit,
    spent: () => spent,
    available: () => Math.max(0, limit - spent - reserved),
    reserve(tokens) {
      const needed = Math.max(0, Math.ceil(tokens));
      if (needed > limit - spent - reserved) return undefined;
      reserved += needed;
      let settled = false;
      return {
        tokens: needed,
        settle(spentTokens) {
          if (settled) return;
          settled = true;
          reserved -= needed;
          spent += Math.max(0, spentTokens);
        },
      };
    },
  };
}

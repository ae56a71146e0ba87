import type { LlmCallUsage } from '../pipeline/DocumentProcessor.ts';

/** Prices per million tokens, for the estimated cost. */
export interface LlmPrices {
  readonly inputPerMillion: number;
  readonly outputPerMillion: number;
  /** Unit of the prices (USD by default); the cost is reported in it. */
  readonly currency?: string;
}

/** One request made (or served from the cache) for one section: what it cost and how it ended. */
export type LlmCallRecord = LlmCallUsage;

/** Estimated cost of `inputTokens` in and `outputTokens` out. */
export function estimateCost(inputTokens: number, outputTokens: number, prices: LlmPrices): number {
  const cost = (inputTokens * prices.inputPerMillion + outputTokens * prices.outputPerMillion) / 1_000_000;
  return Math.round(cost * 1e8) / 1e8;
}

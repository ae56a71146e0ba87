/** A seeded source of numbers in [0, 1): the same seed gives the same variants on every machine. */
export type Random = () => number;

/** mulberry32: a tiny seeded PRNG (the fixture generators use the same one). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [from, to]. */
export const integer = (next: Random, from: number, to: number): number => from + Math.floor(next() * (to - from + 1));

/** True with the given probability. */
export const chance = (next: Random, probability: number): boolean => next() < probability;

/** One item, uniformly. */
export const pick = <T>(next: Random, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { GongkaiError } from '../errors/GongkaiError.ts';

const COST = 2 ** 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 32;

/**
 * scrypt runs on libuv's thread pool (4 threads), the same threads every file read and write of the store
 * uses. Unbounded, 32 parallel logins (anonymous, random usernames) occupy all four and a reviewer's document
 * read waits seconds. So one derivation runs at a time (three threads stay free for the store), and at most
 * MAX_WAITING more wait; beyond that a login is refused at once with 429 instead of queueing without end (each
 * waiting derivation would also hold its 32 MB once started).
 */
const HASHING_CONCURRENCY = 1;
const MAX_WAITING = 16;

let running = 0;
let peakRunning = 0;
const waiting: (() => void)[] = [];

/** How busy password hashing is (tests and the operator: the bound holds under a flood). */
export function passwordHashingLoad(): { readonly running: number; readonly waiting: number; readonly peakRunning: number } {
  return { running, waiting: waiting.length, peakRunning };
}

async function withHashingSlot<T>(task: () => Promise<T>): Promise<T> {
  if (running >= HASHING_CONCURRENCY) {
    if (waiting.length >= MAX_WAITING) {
      throw new GongkaiError('rate-limited', 'too many password checks in progress; try again in a few seconds', { retryAfterSeconds: 5 });
    }
    // A finished derivation hands its slot straight to the next waiter (running stays the same).
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  peakRunning = Math.max(peakRunning, running);
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return withHashingSlot(() => new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem: 128 * options.N! * options.r! * 2 }, (error, key) =>
      error ? reject(error) : resolve(key));
  }));
}

/** Hashes a password with scrypt (N=2^15, r=8, p=1) and a random 16-byte salt: `scrypt$N$r$p$salt$key`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N: COST, r: BLOCK_SIZE, p: PARALLELISM });
  return ['scrypt', COST, BLOCK_SIZE, PARALLELISM, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** A hash of a random password: verifying against it costs the same as against a real one (unknown users). */
let decoyHash: Promise<string> | undefined;

/**
 * True when `password` matches `stored` (constant-time comparison). With `stored` undefined (no such user)
 * it still spends the same time and returns false, so timing does not reveal which usernames exist.
 * Throws GongkaiError('rate-limited') when too many checks are waiting already.
 */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const decoy = (decoyHash ??= hashPassword(randomBytes(16).toString('hex')).catch((error: unknown) => {
    decoyHash = undefined;
    throw error;
  }));
  const hash = stored ?? (await decoy);
  const [scheme, cost, blockSize, parallelism, salt, key] = hash.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(cost), r: Number(blockSize), p: Number(parallelism) });
  return stored !== undefined && actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A random password for a new account (printed once), 24 URL-safe characters. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

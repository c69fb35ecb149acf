/**
 * Password hashing with scrypt. The parameters are stored with each hash
 * (`scrypt$N$r$p$salt$key`), so they can be raised later without breaking old hashes.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** About 60 ms and 32 MB per hash on the 2-core reference machine. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function derive(password: string, salt: Buffer, params: ScryptParams, length: number) {
  return new Promise<Buffer>((resolve, reject) => {
    // Same characters typed on different keyboards can differ in composition (ң, ө, ү).
    const text = password.normalize('NFC');
    const maxmem = 256 * params.N * params.r;
    scrypt(text, salt, length, { ...params, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, params, KEY_LENGTH);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')]
    .map(String)
    .join('$');
}

const isPowerOfTwo = (n: number) => Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0;

/** Parses a stored hash; undefined when it is malformed or its cost is out of bounds. */
function parseHash(stored: string) {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || salt === undefined || key === undefined) return undefined;
  // Bounds keep a corrupted or hostile row from costing gigabytes of memory.
  if (!isPowerOfTwo(params.N) || params.N > 2 ** 20) return undefined;
  if (!Number.isInteger(params.r) || params.r < 1 || params.r > 32) return undefined;
  if (!Number.isInteger(params.p) || params.p < 1 || params.p > 16) return undefined;
  const expected = Buffer.from(key, 'base64');
  if (expected.length < 16) return undefined;
  return { params, salt: Buffer.from(salt, 'base64'), expected };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params, parsed.expected.length);
  return timingSafeEqual(key, parsed.expected);
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against nothing, taking as long as a real check, so a login for an
 * unknown username cannot be told apart by its timing.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('no such user: timing equaliser');
  await verifyPassword(password, await dummyHash);
  return false;
}

import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  verifyAgainstNothing,
  verifyPassword,
} from '../../../server/auth/password.ts';

// Cheap parameters keep the unit test quick; the format and checks are the same.
const FAST = { N: 1024, r: 8, p: 1 };

describe('password hashing', () => {
  it('stores scheme, parameters, salt and key, and verifies', async () => {
    const hash = await hashPassword('Бишкек 2025!', FAST);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await verifyPassword('Бишкек 2025!', hash)).toBe(true);
    expect(await verifyPassword('бишкек 2025!', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same', FAST)).not.toBe(await hashPassword('same', FAST));
  });

  it('uses scrypt with N=2^15, r=8 by default', async () => {
    const hash = await hashPassword('default cost');
    expect(hash.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPassword('default cost', hash)).toBe(true);
  });

  it('treats composed and decomposed letters alike', async () => {
    const composed = 'ё'.normalize('NFC');
    const decomposed = 'е\u0308';
    expect(composed).not.toBe(decomposed);
    const hash = await hashPassword(`pass-${composed}`, FAST);
    expect(await verifyPassword(`pass-${decomposed}`, hash)).toBe(true);
  });

  it('refuses malformed or absurdly expensive stored hashes', async () => {
    const good = await hashPassword('x', FAST);
    const [, , r, p, salt, key] = good.split('$');
    for (const stored of [
      '',
      'bcrypt$10$abc',
      `scrypt$1000$${r}$${p}$${salt}$${key}`,
      `scrypt$${2 ** 24}$${r}$${p}$${salt}$${key}`,
      `scrypt$1024$${r}$${p}$${salt}$`,
    ]) {
      expect(await verifyPassword('x', stored), stored).toBe(false);
    }
  });

  it('checks a password against nothing as a refusal', async () => {
    expect(await verifyAgainstNothing('anything')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { Language } from '../i18n/languages.ts';
import { createTestI18n } from '../testing/i18n.ts';
import { failureMessage } from './failure-message.ts';
import type { SyncFailure } from './transport.ts';

const CASES: SyncFailure[] = [
  { kind: 'network' },
  { kind: 'timeout' },
  { kind: 'server', status: 500, code: 'internal', requestId: 'req-0042' },
  { kind: 'server', status: 502 },
  { kind: 'server', status: 429, code: 'rate_limited' },
  { kind: 'server', status: 503, code: 'storage_full', requestId: 'req-0043' },
  { kind: 'server', status: 503, code: 'database_unavailable' },
  { kind: 'client', status: 400, code: 'invalid' },
  { kind: 'auth', status: 401 },
];

async function messages(language: Language) {
  const i18n = await createTestI18n(language, ['sync']);
  const t = i18n.getFixedT(language, 'sync');
  return CASES.map((failure) => failureMessage(t, failure));
}

describe('failureMessage', () => {
  it('says in English what went wrong, by kind, status and code', async () => {
    expect(await messages('en')).toEqual([
      'Could not reach the server.',
      'The server gave no answer in time.',
      'The server has a problem (request id: req-0042).',
      'The server has a problem.',
      'The server is busy.',
      "The server's disk is full: it cannot store data now. Your changes wait safely on this device; tell the administrator.",
      "The server's database is not available now. Your changes wait safely on this device.",
      'The server refused the request (error: invalid).',
      "Sign in again to sync: the server no longer accepts this device's sign-in.",
    ]);
  });

  it.each(['ru', 'ky'] as const)('has its own text for every case in %s', async (language) => {
    const texts = await messages(language);
    const english = await messages('en');
    expect(new Set(texts).size).toBe(CASES.length);
    for (const [i, text] of texts.entries()) {
      expect(text).not.toBe(english[i]);
      expect(text).not.toMatch(/failure\.|phase\./);
      expect(text).toMatch(/[а-яөүң]/i);
    }
    expect(texts[2]).toContain('req-0042');
    expect(texts[7]).toContain('invalid');
  });

  it('never says "could not reach" for a server that answered', async () => {
    const [network, , ...answered] = await messages('en');
    for (const text of answered) expect(text).not.toBe(network);
  });
});

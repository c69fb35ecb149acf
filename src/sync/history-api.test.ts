import { describe, expect, it } from 'vitest';
import { createHistoryApi, HistoryApiError } from './history-api.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const problemOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'none';
  } catch (error) {
    return error instanceof HistoryApiError ? error.problem : 'other';
  }
};

describe('history api', () => {
  it('asks for the record with the token and returns the versions', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const api = createHistoryApi({
      getToken: async () => 'token-1234567890abcdef',
      fetch: async (input, init) => {
        seen.push({ url: String(input), auth: new Headers(init?.headers).get('authorization') });
        return json(200, { id: 'r', type: 'hearing', createdBy: 'aida', versions: [] });
      },
    });
    const history = await api.recordHistory('r');
    expect(history.createdBy).toBe('aida');
    expect(seen).toEqual([
      { url: '/api/records/r/history', auth: 'Bearer token-1234567890abcdef' },
    ]);
  });

  it('tells offline, signed out, not found and server trouble apart', async () => {
    const failing = (fetch: typeof globalThis.fetch, token: string | null = 't') =>
      createHistoryApi({ getToken: async () => token, fetch }).recordHistory('r');
    expect(
      await problemOf(
        failing(async () => {
          throw new TypeError('Failed to fetch');
        }),
      ),
    ).toBe('offline');
    expect(await problemOf(failing(async () => json(401, { error: 'unauthorized' })))).toBe('auth');
    expect(await problemOf(failing(async () => json(200, {}), null))).toBe('auth');
    expect(await problemOf(failing(async () => json(404, { error: 'not_found' })))).toBe(
      'not-found',
    );
    expect(await problemOf(failing(async () => json(503, { error: 'x' })))).toBe('server');
  });
});

/**
 * A record's version history from the server (`GET /api/records/:id/history`), online
 * only: it is the server's data, never kept on the device.
 */
import type { RecordHistory } from '../domain/record-history.ts';
import { currentToken } from '../session/stored-session.ts';
import { request } from './http-transport.ts';
import { TransportError } from './transport.ts';

/** Why the history could not be fetched, for a message in the user's language. */
export type HistoryProblem = 'offline' | 'auth' | 'not-found' | 'server';

export class HistoryApiError extends Error {
  override name = 'HistoryApiError';
  readonly problem: HistoryProblem;
  constructor(problem: HistoryProblem, message: string = problem) {
    super(message);
    this.problem = problem;
  }
}

export function historyProblem(error: unknown): HistoryProblem {
  if (error instanceof HistoryApiError) return error.problem;
  if (!(error instanceof TransportError)) return 'server';
  if (error.kind === 'network' || error.kind === 'timeout') return 'offline';
  if (error.kind === 'auth') return 'auth';
  if (error.status === 404) return 'not-found';
  return 'server';
}

export interface HistoryApiOptions {
  getToken: () => Promise<string | null | undefined>;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

export function createHistoryApi({
  getToken,
  fetch: fetchImpl = (...args) => globalThis.fetch(...args),
  timeoutMs = 20_000,
}: HistoryApiOptions) {
  return {
    /** Every version the signed-in user may see, oldest first. */
    async recordHistory(id: string): Promise<RecordHistory> {
      const token = await getToken();
      if (!token) throw new HistoryApiError('auth');
      try {
        const response = await request(
          { getToken: () => token, fetch: fetchImpl, timeoutMs },
          `/api/records/${encodeURIComponent(id)}/history`,
        );
        return (await response.json()) as RecordHistory;
      } catch (error) {
        throw new HistoryApiError(
          historyProblem(error),
          error instanceof Error ? error.message : String(error),
        );
      }
    },
  };
}

export type HistoryApi = ReturnType<typeof createHistoryApi>;

/** The app's history API, with the token of the account signed in on this device. */
export const historyApi: HistoryApi = createHistoryApi({ getToken: currentToken });

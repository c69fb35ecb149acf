/**
 * The admin API for accounts (`/api/admin/users`), online only. Every failure becomes an
 * AdminApiError whose `problem` the screen can say in the user's language.
 */
import type { Role, SessionUser } from '../domain/sync-protocol.ts';
import { request } from '../sync/http-transport.ts';
import { TransportError } from '../sync/transport.ts';
import { currentToken } from './stored-session.ts';

/** An account as the server lists it. */
export interface AdminUser extends SessionUser {
  disabled: boolean;
  createdAt: string;
}

export interface NewUserInput {
  username: string;
  /** Left out when empty: the server then shows the username. */
  displayName?: string;
  role: Role;
  password: string;
  /** District ids (or codes); only consultants need them. */
  districtIds: string[];
}

/** Request fields the server names when it refuses a value. */
export type AdminField = 'username' | 'displayName' | 'role' | 'password' | 'districtIds';
const FIELDS: readonly AdminField[] = [
  'username',
  'displayName',
  'role',
  'password',
  'districtIds',
];

export type AdminProblem =
  /** No network, or no answer in time. */
  | { kind: 'offline' }
  /** The token is no longer valid (revoked, or the account was disabled): sign in again. */
  | { kind: 'auth' }
  /** The signed-in account is not an admin (any more). */
  | { kind: 'forbidden' }
  | { kind: 'username-taken' }
  /** A value the server refused; `field` when it said which. */
  | { kind: 'invalid'; field: AdminField | null }
  | { kind: 'cannot-disable-self' }
  | { kind: 'cannot-change-own-role' }
  | { kind: 'not-found' }
  | { kind: 'server' };

export class AdminApiError extends Error {
  override name = 'AdminApiError';
  readonly problem: AdminProblem;
  constructor(problem: AdminProblem, message: string = problem.kind) {
    super(message);
    this.problem = problem;
  }
}

interface ErrorBody {
  error?: string;
  message?: string;
  path?: (string | number)[];
}

/** What went wrong, from the transport's error and the server's JSON error body. */
export function toAdminProblem(error: unknown, body?: ErrorBody): AdminProblem {
  if (error instanceof AdminApiError) return error.problem;
  if (!(error instanceof TransportError)) return { kind: 'server' };
  if (error.kind === 'network' || error.kind === 'timeout') return { kind: 'offline' };
  if (error.kind === 'auth') return { kind: 'auth' };
  if (error.kind === 'server') return { kind: 'server' };
  if (error.status === 403) return { kind: 'forbidden' };
  if (error.status === 404) return { kind: 'not-found' };
  if (body?.error === 'username_taken') return { kind: 'username-taken' };
  if (body?.error === 'cannot_disable_self') return { kind: 'cannot-disable-self' };
  if (body?.error === 'cannot_change_own_role') return { kind: 'cannot-change-own-role' };
  if (error.status === 400) {
    const first = body?.path?.[0];
    const field = FIELDS.find((f) => f === first) ?? null;
    return { kind: 'invalid', field };
  }
  return { kind: 'server' };
}

export interface AdminApiOptions {
  getToken: () => Promise<string | null | undefined>;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

export function createAdminApi({
  getToken,
  fetch: fetchImpl = (...args) => globalThis.fetch(...args),
  timeoutMs = 20_000,
}: AdminApiOptions) {
  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    const token = await getToken();
    if (!token) throw new AdminApiError({ kind: 'auth' });
    let errorBody: ErrorBody | undefined;
    // request() reads the error body for its message; a copy keeps `error` and `path`.
    const keepErrorBody: typeof globalThis.fetch = async (input, options) => {
      const response = await fetchImpl(input, options);
      if (!response.ok) {
        errorBody = await response
          .clone()
          .json()
          .then(
            (value: unknown) => (value && typeof value === 'object' ? (value as ErrorBody) : {}),
            () => ({}),
          );
      }
      return response;
    };
    const headers: Record<string, string> = init.body ? { 'content-type': 'application/json' } : {};
    try {
      const response = await request(
        { getToken: () => token, fetch: keepErrorBody, timeoutMs },
        `/api/admin${path}`,
        { ...init, headers },
      );
      try {
        return (await response.json()) as T;
      } catch {
        // Cut off mid-body: as good as no answer.
        throw new TransportError('network', 'The answer was cut off');
      }
    } catch (error) {
      throw new AdminApiError(
        toAdminProblem(error, errorBody),
        error instanceof Error ? error.message : String(error),
      );
    }
  }

  const post = <T>(path: string, body?: unknown) =>
    call<T>(path, {
      method: 'POST',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const put = <T>(path: string, body: unknown) =>
    call<T>(path, { method: 'PUT', body: JSON.stringify(body) });

  return {
    async listUsers(): Promise<AdminUser[]> {
      return (await call<{ users: AdminUser[] }>('/users')).users;
    },
    async createUser(input: NewUserInput): Promise<AdminUser> {
      return (await post<{ user: AdminUser }>('/users', input)).user;
    },
    async setDisabled(id: string, disabled: boolean): Promise<AdminUser> {
      const action = disabled ? 'disable' : 'enable';
      return (await post<{ user: AdminUser }>(`/users/${encodeURIComponent(id)}/${action}`)).user;
    },
    async resetPassword(id: string, password: string): Promise<AdminUser> {
      return (
        await post<{ user: AdminUser }>(`/users/${encodeURIComponent(id)}/password`, { password })
      ).user;
    },
    async setDistricts(id: string, districtIds: string[]): Promise<AdminUser> {
      return (
        await put<{ user: AdminUser }>(`/users/${encodeURIComponent(id)}/districts`, {
          districtIds,
        })
      ).user;
    },
    /** The user's devices must sign in again; their districts are kept. */
    async setRole(id: string, role: Role): Promise<AdminUser> {
      return (await put<{ user: AdminUser }>(`/users/${encodeURIComponent(id)}/role`, { role }))
        .user;
    },
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;

/** The app's admin API, with the token of the account signed in on this device. */
export const adminApi: AdminApi = createAdminApi({ getToken: currentToken });

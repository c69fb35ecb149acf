/** Sign-in and sign-out against the server; the only calls that need the network once. */
import type { LoginResponse } from '../domain/sync-protocol.ts';
import { request } from '../sync/http-transport.ts';
import { TransportError } from '../sync/transport.ts';

export type LoginFailure =
  | { code: 'invalid' }
  | { code: 'rate-limited'; retryAfterSeconds: number }
  | { code: 'offline' }
  /** The server's disk is full: it cannot store the sign-in (503 `storage_full`). */
  | { code: 'storage-full' }
  | { code: 'server' };

export class LoginError extends Error {
  override name = 'LoginError';
  readonly failure: LoginFailure;
  constructor(failure: LoginFailure) {
    super(failure.code);
    this.failure = failure;
  }
}

const noToken = () => null;

/**
 * Signs in. `deviceId`: a device the account signed in on before is not held up by failed
 * attempts from elsewhere (the server keeps a separate counter for it).
 */
export async function login(
  username: string,
  password: string,
  deviceId?: string,
): Promise<LoginResponse> {
  let response: Response;
  try {
    response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, deviceId }),
      signal: AbortSignal.timeout(20_000),
    });
  } catch {
    throw new LoginError({ code: 'offline' });
  }
  if (response.status === 401 || response.status === 400) throw new LoginError({ code: 'invalid' });
  if (response.status === 429) {
    const retryAfterSeconds = Number(response.headers.get('retry-after')) || 60;
    throw new LoginError({ code: 'rate-limited', retryAfterSeconds });
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
    if (response.status === 503 && body?.error === 'storage_full') {
      throw new LoginError({ code: 'storage-full' });
    }
    throw new LoginError({ code: 'server' });
  }
  return (await response.json()) as LoginResponse;
}

/** Revokes the token on the server; offline, the device forgets it anyway. */
export async function logout(token: string): Promise<void> {
  try {
    await request({ getToken: () => token, timeoutMs: 5_000 }, '/api/auth/logout', {
      method: 'POST',
    });
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
  }
}

/** Whether the server has any account yet (so the login screen can say how to make one). */
export async function serverHasUsers(): Promise<boolean | null> {
  try {
    const response = await request({ getToken: noToken, timeoutMs: 5_000 }, '/api/health');
    const body = (await response.json()) as { hasUsers?: boolean };
    return typeof body.hasUsers === 'boolean' ? body.hasUsers : null;
  } catch {
    return null;
  }
}

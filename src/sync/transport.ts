import type { PullResponse, PushRequest, PushResponse } from '../domain/sync-protocol.ts';

/**
 * How a failed request is treated: network, timeout and server errors are retried with
 * the same mutation ids (the request may have been delivered); `auth` waits for a new
 * login; `client` (any other 4xx) parks what was sent.
 */
export type TransportErrorKind = 'network' | 'timeout' | 'server' | 'auth' | 'client';

/** What the server said about a failed request, beyond its status. */
export interface ErrorDetails {
  /** The stable error code of the reply body (`storage_full`, `invalid`...). */
  code?: string;
  /** The server's id for the request (X-Request-Id), to quote to an administrator. */
  requestId?: string;
  /** Where in the request the server found the problem (a 400's `path`), if it said. */
  path?: (string | number)[];
}

export class TransportError extends Error {
  override name = 'TransportError';
  readonly kind: TransportErrorKind;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  /** Where in the request the server found the problem (a 400's `path`), if it said. */
  readonly path: (string | number)[] | undefined;

  constructor(
    kind: TransportErrorKind,
    message: string,
    status?: number,
    details: ErrorDetails = {},
  ) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.code = details.code;
    this.requestId = details.requestId;
    this.path = details.path;
  }

  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server';
  }
}

/** A failure as plain data: kept in the sync status and shown in the user's language. */
export interface SyncFailure extends ErrorDetails {
  kind: TransportErrorKind;
  status?: number;
}

export function failureOf(error: TransportError): SyncFailure {
  const failure: SyncFailure = { kind: error.kind };
  if (error.status !== undefined) failure.status = error.status;
  if (error.code !== undefined) failure.code = error.code;
  if (error.requestId !== undefined) failure.requestId = error.requestId;
  return failure;
}

/** A pull page, with the size of the answer that carried it (for a download's progress). */
export type PulledPage = PullResponse & { bytes?: number };

/** What the sync engine needs from the server; HTTP in the app, in memory in tests. */
export interface Transport {
  push(request: PushRequest): Promise<PushResponse>;
  /**
   * Encodes a push ahead of sending it (JSON, gzip), so that `push` with the same request
   * object goes out the moment it is due. Optional: `push` encodes what was not prepared.
   */
  prepare?(request: PushRequest): void;
  /** With `count`, the server also says how many changes there are from `since` on. */
  pull(since: number, limit: number, options?: { count?: boolean }): Promise<PulledPage>;
  /** Resolves when the server answers `GET /api/health` with 200; a cheap "are you there". */
  health?(): Promise<void>;
}

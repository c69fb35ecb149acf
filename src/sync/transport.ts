import type { PullResponse, PushRequest, PushResponse } from '../domain/sync-protocol.ts';

/**
 * How a failed request is treated: network, timeout and server errors are retried with
 * the same mutation ids (the request may have been delivered); `auth` waits for a new
 * login; `client` (any other 4xx) parks what was sent.
 */
export type TransportErrorKind = 'network' | 'timeout' | 'server' | 'auth' | 'client';

export class TransportError extends Error {
  override name = 'TransportError';
  readonly kind: TransportErrorKind;
  readonly status: number | undefined;
  /** Where in the request the server found the problem (a 400's `path`), if it said. */
  readonly path: (string | number)[] | undefined;

  constructor(
    kind: TransportErrorKind,
    message: string,
    status?: number,
    path?: (string | number)[],
  ) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.path = path;
  }

  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server';
  }
}

/** What the sync engine needs from the server; HTTP in the app, in memory in tests. */
export interface Transport {
  push(request: PushRequest): Promise<PushResponse>;
  pull(since: number, limit: number): Promise<PullResponse>;
  /** Resolves when the server answers `GET /api/health` with 200; a cheap "are you there". */
  health?(): Promise<void>;
}

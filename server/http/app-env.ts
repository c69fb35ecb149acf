import type { HttpBindings } from '@hono/node-server';
import type { UserAccount } from '../store/store.ts';

/** Hono typing for the app: Node bindings, and what `requireAuth` puts on the context. */
export interface AppEnv {
  Bindings: HttpBindings;
  Variables: {
    user: UserAccount;
    tokenHash: string;
    /** How long a token may go unused, for `requireAuth`; set by `tokenIdleLimit()`. */
    tokenIdleMs: number;
    /** Set for every /api request by `requestId()`. */
    requestId: string;
  };
}

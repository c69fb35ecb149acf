import type { Context } from 'hono';
import type { AppEnv } from './app-env.ts';

/**
 * The client's address, for login rate limits. Behind a reverse proxy every request comes
 * from the proxy, so with `trustProxy` the address the proxy appended to X-Forwarded-For
 * (the last one) is used; earlier entries are the client's own claim and are ignored.
 */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

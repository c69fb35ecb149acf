import type { Context, MiddlewareHandler } from 'hono';
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

/**
 * Without SEDP_TRUST_PROXY, requests that came through a proxy all count as the proxy's
 * address for sign-in limits: says so in the log, once per process.
 */
export function proxyHeaderWarning(
  trustProxy: boolean,
  warn: (line: string) => void = (line) => console.warn(line),
): MiddlewareHandler<AppEnv> {
  let warned = trustProxy;
  return async (c, next) => {
    if (!warned && c.req.header('x-forwarded-for') !== undefined) {
      warned = true;
      warn(
        'Requests carry X-Forwarded-For but SEDP_TRUST_PROXY is off: sign-in limits count every ' +
          'client behind the proxy as one address. Set SEDP_TRUST_PROXY=1 behind a reverse proxy.',
      );
    }
    await next();
  };
}

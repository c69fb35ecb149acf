import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** CSP sources (`'sha256-…'`) for each inline `<script>` of an HTML page, in order. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((match) =>
    sha256(match[1] ?? ''),
  );
}

/** CSP sources for each `<style>` element of an HTML page, in order. */
export function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((match) =>
    sha256(match[1] ?? ''),
  );
}

/**
 * The hashes of the built app's inline script (the start-up screen's language pick) and
 * stylesheet, read again whenever index.html changes, so a new build is served with its own.
 */
function builtInline(staticDir: string | undefined) {
  const none = { mtimeMs: -1, scripts: '', styles: '' };
  let seen = none;
  return () => {
    if (!staticDir) return none;
    const file = path.join(staticDir, 'index.html');
    try {
      const { mtimeMs } = statSync(file);
      if (mtimeMs !== seen.mtimeMs) {
        const html = readFileSync(file, 'utf8');
        seen = {
          mtimeMs,
          scripts: inlineScriptHashes(html).join(' '),
          styles: inlineStyleHashes(html).join(' '),
        };
      }
    } catch {
      seen = none;
    }
    return seen;
  };
}

/**
 * Security headers on every response: no framing, no sniffing, and no inline script or
 * style but the built app's own (allowed by hash).
 */
export const securityHeaders = (staticDir?: string) => {
  const inline = builtInline(staticDir);
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", (_c: Context) => inline().scripts],
      styleSrc: ["'self'", (_c: Context) => inline().styles],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'strict-origin-when-cross-origin',
    xContentTypeOptions: 'nosniff',
    xFrameOptions: 'DENY',
    strictTransportSecurity: false,
  });
};

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** CSP sources (`'sha256-…'`) for each inline `<script>` of an HTML page, in order. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    (match) =>
      `'sha256-${createHash('sha256')
        .update(match[1] ?? '')
        .digest('base64')}'`,
  );
}

/**
 * The hashes of the built app's inline scripts (the start-up screen's language pick), read
 * again whenever index.html changes, so a new build is served with its own.
 */
function builtInlineScripts(staticDir: string | undefined): () => string[] {
  let seen = { mtimeMs: -1, hashes: [] as string[] };
  return () => {
    if (!staticDir) return [];
    const file = path.join(staticDir, 'index.html');
    try {
      const { mtimeMs } = statSync(file);
      if (mtimeMs !== seen.mtimeMs) {
        seen = { mtimeMs, hashes: inlineScriptHashes(readFileSync(file, 'utf8')) };
      }
    } catch {
      seen = { mtimeMs: -1, hashes: [] };
    }
    return seen.hashes;
  };
}

/**
 * Security headers on every response: no framing, no sniffing, and no inline script but
 * the built app's own (allowed by hash).
 */
export const securityHeaders = (staticDir?: string) => {
  const inline = builtInlineScripts(staticDir);
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", (_c: Context) => inline().join(' ')],
      styleSrc: ["'self'"],
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

import { canonicalJson } from './canonical-json.ts';

const hex = (bytes: ArrayBuffer): string =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 of bytes or text, as lower-case hex. WebCrypto: the same in browsers and Node. */
export async function sha256Hex(data: string | ArrayBuffer | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return hex(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

/** The hash a mutation carries: SHA-256 of the canonical JSON of its body. */
export function bodyHash(body: unknown): Promise<string> {
  return sha256Hex(canonicalJson(body));
}

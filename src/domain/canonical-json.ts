import { nestsDeeperThan } from './json-depth.ts';

/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members dropped.
 * Two bodies that differ only in key order produce the same text, so their hash
 * identifies the content and not the way it happened to be built.
 */
export function canonicalJson(value: unknown): string {
  // Checked first: a body nested thousands deep would overflow the stack below.
  if (nestsDeeperThan(value)) throw new TypeError('canonicalJson: the value nests too deeply');
  const text = serialise(value);
  if (text === undefined) throw new TypeError('canonicalJson: value has no JSON form');
  return text;
}

function serialise(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      throw new TypeError('canonicalJson: bigint has no JSON form');
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => serialise(item) ?? 'null').join(',')}]`;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries: string[] = [];
  for (const key of Object.keys(value as object).sort()) {
    const item = serialise((value as Record<string, unknown>)[key]);
    if (item !== undefined) entries.push(`${JSON.stringify(key)}:${item}`);
  }
  return `{${entries.join(',')}}`;
}

/**
 * Where a validation problem is, as a JSON path. An unknown field (refused by the strict
 * record schemas) is named by its own path, not the object holding it: `['junk']`,
 * `['attendance', 'tally', 'extra']`.
 */
export function issuePath(issue: {
  code?: string;
  path: readonly PropertyKey[];
  keys?: readonly string[];
}): (string | number)[] {
  const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part)));
  const unknown = issue.code === 'unrecognized_keys' ? issue.keys?.[0] : undefined;
  return unknown === undefined ? path : [...path, unknown];
}

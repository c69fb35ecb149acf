/** The attachments (SHA-256 names) a record body names, wherever in the body they sit. */
const SHA256 = /^[0-9a-f]{64}$/;

export function blobNamesIn(bodies: unknown[], into = new Set<string>()): Set<string> {
  const visit = (value: unknown) => {
    if (typeof value === 'string') {
      if (SHA256.test(value)) into.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (value && typeof value === 'object') {
      for (const item of Object.values(value)) visit(item);
    }
  };
  for (const body of bodies) visit(body);
  return into;
}

/**
 * How many values a JSON text holds, counted without parsing it. `JSON.parse` is
 * synchronous: a few megabytes of `{},{},…` (tens of kilobytes gzipped) take it a second
 * or more, and nothing else is answered meanwhile. Counting first, in slices with the event
 * loop free between them, lets such a body be refused before it is parsed.
 */

/** Characters scanned between two turns of the event loop (a millisecond or two). */
const SLICE = 256 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * True when `text` holds more than `max` values: counted as the commas, `{` and `[`
 * outside strings, an upper bound on what parsing it would build. Not a validator:
 * malformed text is left for `JSON.parse` to refuse.
 */
export async function hasMoreJsonValues(text: string, max: number): Promise<boolean> {
  // Each value counted is one character of the text: a shorter text cannot hold more.
  if (text.length <= max) return false;
  let count = 0;
  let inString = false;
  let escaped = false;
  for (let start = 0; start < text.length; start += SLICE) {
    if (start > 0) await nextTurn();
    const end = Math.min(text.length, start + SLICE);
    for (let i = start; i < end; i += 1) {
      const code = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (code === BACKSLASH) escaped = true;
        else if (code === QUOTE) inString = false;
      } else if (code === QUOTE) {
        inString = true;
      } else if (code === COMMA || code === OPEN_BRACE || code === OPEN_BRACKET) {
        count += 1;
        if (count > max) return true;
      }
    }
  }
  return false;
}

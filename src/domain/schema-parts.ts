/**
 * The zod building blocks the record bodies are made of, declared once (zod/mini: the same
 * validation as zod, a fraction of the size in the app's bundle). Their messages are part of
 * what the server answers a refused change with: change them knowingly.
 */
import * as z from 'zod/mini';

/** A record's id as a body names it (UUIDs made on devices, fixed ids of seeded records). */
export const id = z.string().check(z.minLength(1), z.maxLength(64));

/** A calendar day, `YYYY-MM-DD`. */
export const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'));

/** A time of day, `HH:MM`. */
export const clock = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM'));

/** Lower-case letters, digits and dashes: reference codes, template keys, territory codes. */
export const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** A reference-list code (a participant group, a position, a training module). */
export const code = z.string().check(z.regex(CODE_PATTERN, 'a reference code'));

/** A record's own stable key (a territory's or a reference item's code). */
export const key = z.string().check(z.regex(CODE_PATTERN, 'lower-case letters, digits, dashes'));

/** Lower-case hex SHA-256: the name of an attachment. */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
export const sha256 = z.string().check(z.regex(SHA256_PATTERN));

/** Trimmed text of at most `max` characters; empty allowed. */
export const trimmedText = (max: number) => z.string().check(z.trim(), z.maxLength(max));

/** A short free text: a title, a venue, an organisation. */
export const shortText = trimmedText(200);

/** Trimmed text of 1 to `max` characters: a name, a title that must be given. */
export const requiredText = (max: number) =>
  z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** Free text of at most `max` characters, kept as typed (notes, report sections). */
export const longText = (max: number) => z.string().check(z.maxLength(max));

/** The same text in the three languages, each required. */
export const texts = (max: number) => {
  const text = requiredText(max);
  return z.strictObject({ ru: text, ky: text, en: text });
};

/** A whole number from 0 to `max`. */
export const count = (max: number) => z.number().check(z.int(), z.nonnegative(), z.maximum(max));

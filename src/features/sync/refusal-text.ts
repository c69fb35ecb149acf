import type { TFunction } from 'i18next';
import type { Refusal } from '../../domain/record.ts';

const KNOWN = [
  'invalid',
  'territory',
  'forbidden',
  'unknown_type',
  'hash_mismatch',
  'mutation_reused',
  'immutable',
  'too_large',
] as const;
type KnownCode = (typeof KNOWN)[number];
const isKnown = (code: string): code is KnownCode => (KNOWN as readonly string[]).includes(code);

/**
 * Why the server refused a change, in the user's language: the reason by its code, and
 * the field by its name on the forms (`Municipalities, 2`) where the server named one.
 */
export function refusalText(
  refusal: Refusal | undefined,
  t: TFunction<['sync', 'history']>,
): { reason: string; field: string | null } {
  const code = refusal?.code ?? '';
  const reason = t(`sync:refusal.${isKnown(code) ? code : 'other'}`);
  const path = refusal?.path ?? [];
  if (path.length === 0) return { reason, field: null };
  const named = path.map((part) =>
    typeof part === 'number'
      ? String(part + 1)
      : t(`history:field.${part}` as 'history:field.title', { defaultValue: part }),
  );
  return { reason, field: t('sync:refusal.field', { field: named.join(', ') }) };
}

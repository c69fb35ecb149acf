import { MIN_PASSPHRASE_LENGTH } from '../domain/backup-passphrase.ts';

/**
 * Encrypted backup files: a file left in Downloads on a shared phone must not reveal a
 * roster. AES-GCM (256-bit) with a key from PBKDF2-SHA-256 over the passphrase the user
 * types; the random salt and IV, and the iteration count, are in the file's header.
 */
export const ENCRYPTED_BACKUP_FORMAT = 'sedp-field-backup-encrypted';
export const PBKDF2_ITERATIONS = 600_000;
/** A file may ask for more (a later version), never for a minutes-long key derivation. */
const MAX_ITERATIONS = 10_000_000;

interface EncryptedBackupFile {
  format: typeof ENCRYPTED_BACKUP_FORMAT;
  version: 1;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  cipher: 'AES-GCM';
  salt: string;
  iv: string;
  data: string;
}

/** The passphrase does not open the file (or the file was changed): nothing is imported. */
export class WrongPassphraseError extends Error {
  override name = 'WrongPassphraseError';
}

export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000) {
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Encrypts a backup's JSON text; the result is the file's text (a JSON header and cipher text). */
export async function encryptBackupText(text: string, passphrase: string): Promise<string> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new RangeError('passphrase too short');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    new TextEncoder().encode(text),
  );
  const file: EncryptedBackupFile = {
    format: ENCRYPTED_BACKUP_FORMAT,
    version: 1,
    kdf: 'PBKDF2-SHA-256',
    iterations: PBKDF2_ITERATIONS,
    cipher: 'AES-GCM',
    salt: toBase64(salt),
    iv: toBase64(iv),
    data: toBase64(data),
  };
  return JSON.stringify(file);
}

function encryptedFileOf(text: string): EncryptedBackupFile | undefined {
  // The header comes first: no need to parse a large plain backup to tell.
  if (!text.trimStart().startsWith(`{"format":"${ENCRYPTED_BACKUP_FORMAT}"`)) return undefined;
  try {
    const file = JSON.parse(text) as Partial<EncryptedBackupFile>;
    if (
      file.format === ENCRYPTED_BACKUP_FORMAT &&
      typeof file.salt === 'string' &&
      typeof file.iv === 'string' &&
      typeof file.data === 'string' &&
      typeof file.iterations === 'number' &&
      file.iterations >= PBKDF2_ITERATIONS &&
      file.iterations <= MAX_ITERATIONS
    ) {
      return file as EncryptedBackupFile;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** Whether a file's text is an encrypted backup (then importing it asks for the passphrase). */
export function isEncryptedBackup(text: string): boolean {
  return encryptedFileOf(text) !== undefined;
}

/** The backup's JSON text; throws WrongPassphraseError when the passphrase does not open it. */
export async function decryptBackupText(text: string, passphrase: string): Promise<string> {
  const file = encryptedFileOf(text);
  if (!file) throw new WrongPassphraseError('not an encrypted backup');
  try {
    const key = await deriveKey(passphrase, fromBase64(file.salt), file.iterations);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(file.iv) },
      key,
      fromBase64(file.data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw new WrongPassphraseError('the passphrase does not open this backup');
  }
}

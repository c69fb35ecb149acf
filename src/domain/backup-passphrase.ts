/** The shortest passphrase an encrypted backup file accepts; the form and the cipher agree on it. */
export const MIN_PASSPHRASE_LENGTH = 8;

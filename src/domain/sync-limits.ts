/** Protocol limits, in a module of their own so the app can use them without zod. */
export const MAX_PUSH_MUTATIONS = 100;
/**
 * The app asks for pages of the largest size: a new device's first download stores one
 * page per IndexedDB transaction, and each costs a fixed part besides its records (the
 * transaction, the list-index pages rewritten, the progress drawn). A request that names
 * no limit gets the default.
 */
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 500;

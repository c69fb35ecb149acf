/** Protocol limits, in a module of their own so the app can use them without zod. */
/**
 * The most changes one push may carry. A device starts each push with batches of
 * FIRST_PUSH_MUTATIONS and sends full ones while the server answers quickly (see the sync
 * engine): on a good link a batch's fixed costs (a request, a transaction, a disk flush
 * on each side) are paid for more changes; on a slow one a batch stays small enough to
 * arrive well within its time.
 */
export const MAX_PUSH_MUTATIONS = 250;
export const FIRST_PUSH_MUTATIONS = 100;
/** A push answered within this time (ms) lets the next batch be full. */
export const FAST_PUSH_MS = 1_000;
/**
 * The app asks for pages of the largest size: a new device's first download stores one
 * page per IndexedDB transaction, and each costs a fixed part besides its records (the
 * transaction, the list-index pages rewritten, the progress drawn). A request that names
 * no limit gets the default.
 */
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 500;

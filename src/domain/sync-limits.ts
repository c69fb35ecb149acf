/** Protocol limits, in a module of their own so the app can use them without zod. */
export const MAX_PUSH_MUTATIONS = 100;
export const MAX_PULL_LIMIT = 500;
export const DEFAULT_PULL_LIMIT = 500;

import type { Role } from '../../domain/sync-protocol.ts';

/** The roles an admin chooses from, in the order the forms offer them. */
export const ROLES: readonly Role[] = ['consultant', 'coordinator', 'admin'];

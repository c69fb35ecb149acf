import { describe, expect, it } from 'vitest';
import type { UserAccount } from '../../../server/store/store.ts';
import { canWrite, pullScope } from '../../../server/sync/permissions.ts';
import type { Role } from '../../../src/domain/sync-protocol.ts';

const user = (role: Role, districtIds: string[] = []): UserAccount => ({
  id: `id-${role}`,
  username: role,
  displayName: role,
  role,
  districtIds,
  disabled: false,
  createdAt: '2025-01-01T00:00:00.000Z',
});

const head = (districtId: string | null) => ({ type: 'lessons-note', rev: 1, districtId });

describe('canWrite', () => {
  it('leaves reference data to admins', () => {
    expect(canWrite(user('admin'), 'reference', null, undefined)).toBe(true);
    expect(canWrite(user('coordinator'), 'reference', null, undefined)).toBe(false);
    expect(canWrite(user('consultant', ['d1']), 'reference', null, undefined)).toBe(false);
  });

  it('lets admins and coordinators write district records anywhere', () => {
    for (const role of ['admin', 'coordinator'] as const) {
      expect(canWrite(user(role), 'district', 'd9', head('d8'))).toBe(true);
    }
  });

  it('keeps a consultant to their districts, for the new and the stored version', () => {
    const amina = user('consultant', ['d1', 'd2']);
    expect(canWrite(amina, 'district', 'd1', undefined)).toBe(true);
    expect(canWrite(amina, 'district', 'd1', head('d2'))).toBe(true);
    expect(canWrite(amina, 'district', 'd3', undefined)).toBe(false);
    expect(canWrite(amina, 'district', 'd1', head('d3'))).toBe(false);
    expect(canWrite(amina, 'district', null, undefined)).toBe(false);
    expect(canWrite(amina, 'district', 'd1', head(null))).toBe(false);
  });
});

describe('pullScope', () => {
  it('limits consultants to reference types and their districts', () => {
    expect(pullScope(user('admin'))).toEqual({ all: true });
    expect(pullScope(user('coordinator'))).toEqual({ all: true });
    expect(pullScope(user('consultant', ['d1']))).toMatchObject({
      all: false,
      districtIds: ['d1'],
    });
  });
});

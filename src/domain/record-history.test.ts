import { describe, expect, it } from 'vitest';
import { bodyChanges, type RecordVersion, sameJson, withChanges } from './record-history.ts';

const version = (
  rev: number,
  body: Record<string, unknown>,
  kind: RecordVersion['kind'] = 'applied',
): RecordVersion => ({
  rev,
  kind,
  updatedAt: '2025-03-01T08:00:00.000Z',
  updatedBy: 'aida',
  updatedByName: 'Аида',
  deleted: false,
  body,
});

describe('bodyChanges', () => {
  it('lists nothing for equal bodies, whatever the key order', () => {
    expect(bodyChanges({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual([]);
  });

  it('gives old and new for short plain values, added and removed ones too', () => {
    expect(
      bodyChanges(
        { venue: 'School', status: 'draft', chair: 'Asanov', endTime: '12:00' },
        { venue: 'Culture house', status: 'final', chair: 'Asanov', startTime: '10:00' },
      ),
    ).toEqual([
      { path: ['venue'], kind: 'value', before: 'School', after: 'Culture house' },
      { path: ['status'], kind: 'value', before: 'draft', after: 'final' },
      { path: ['startTime'], kind: 'value', before: undefined, after: '10:00' },
      { path: ['endTime'], kind: 'value', before: '12:00', after: undefined },
    ]);
  });

  it('follows nested objects to the field that changed', () => {
    const before = { attendance: { tally: { women: 3, men: 2, groups: { youth: 1 } } } };
    const after = { attendance: { tally: { women: 4, men: 2, groups: { youth: 2 } } } };
    expect(bodyChanges(before, after)).toEqual([
      { path: ['attendance', 'tally', 'women'], kind: 'value', before: 3, after: 4 },
      // Deeper than three levels: said to have changed.
      { path: ['attendance', 'tally', 'groups'], kind: 'changed' },
    ]);
  });

  it('says lists and long texts changed without quoting them', () => {
    const long = 'x'.repeat(61);
    expect(
      bodyChanges(
        { proposals: [], decisions: 'short' },
        { proposals: [{ t: 1 }], decisions: long },
      ),
    ).toEqual([
      { path: ['proposals'], kind: 'changed' },
      { path: ['decisions'], kind: 'changed' },
    ]);
  });

  it('compares a value that became an object as changed', () => {
    expect(bodyChanges({ a: 'x' }, { a: { b: 1 } })).toEqual([{ path: ['a'], kind: 'changed' }]);
  });
});

describe('sameJson', () => {
  it('tells arrays of different order or length apart', () => {
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson([1], [1, 1])).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});

describe('withChanges', () => {
  it('compares each applied version with the applied one before, and a conflict with the current one', () => {
    const versions = [
      version(10, { venue: 'A' }),
      version(12, { venue: 'C' }, 'conflict'),
      version(13, { venue: 'B' }),
    ];
    expect(withChanges(versions).map((v) => v.changes)).toEqual([
      null,
      [{ path: ['venue'], kind: 'value', before: 'A', after: 'C' }],
      [{ path: ['venue'], kind: 'value', before: 'A', after: 'B' }],
    ]);
  });
});

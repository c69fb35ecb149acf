import { describe, expect, it } from 'vitest';
import { hearingSchema } from './hearing.ts';
import { issuePath } from './issue-path.ts';
import { lessonsNoteSchema } from './record-types.ts';

describe('issuePath', () => {
  it('names an unknown field by its own path, nested or not', () => {
    const note = { districtId: 'd', title: 't', text: '', junk: 'x'.repeat(10) };
    const parsed = lessonsNoteSchema.safeParse(note);
    expect(parsed.success).toBe(false);
    expect(parsed.error && issuePath(parsed.error.issues[0] ?? { path: [] })).toEqual(['junk']);

    const hearing = hearingSchema.safeParse({
      districtId: 'd',
      municipalityId: 'm',
      venue: '',
      date: '2025-04-14',
      stage: 'priorities',
      organiser: '',
      chair: '',
      secretary: '',
      agenda: [],
      speakers: [],
      proposals: [],
      decisions: '',
      attendance: { tally: { women: 0, men: 0, groups: {}, extra: 1 }, participants: [] },
      photos: [],
      status: 'draft',
    });
    expect(hearing.error && issuePath(hearing.error.issues[0] ?? { path: [] })).toEqual([
      'attendance',
      'tally',
      'extra',
    ]);
  });

  it('keeps other paths as they are', () => {
    expect(issuePath({ code: 'too_small', path: ['a', 1] })).toEqual(['a', 1]);
  });
});

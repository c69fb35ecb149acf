import { describe, expect, it } from 'vitest';
import { sectionsToPreload } from './section-preload.ts';

describe('sections made ready before they are tapped', () => {
  it('are those of the bottom bar, the hearings first', () => {
    expect(sectionsToPreload('consultant')).toEqual(['hearings', 'trainings', 'checklists']);
    expect(sectionsToPreload('coordinator')).toEqual([
      'hearings',
      'dashboard',
      'trainings',
      'checklists',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { inBottomBar, SECTIONS } from './sections.ts';

const bar = (role: 'consultant' | 'coordinator' | 'admin') =>
  SECTIONS.filter((s) => inBottomBar(s, role)).map((s) => s.key);

describe('the bottom bar', () => {
  it('is field work for a consultant', () => {
    expect(bar('consultant')).toEqual(['home', 'hearings', 'trainings', 'checklists']);
  });

  it('has the dashboard one tap away for coordinators and admins', () => {
    expect(bar('coordinator')).toEqual([
      'home',
      'dashboard',
      'hearings',
      'trainings',
      'checklists',
    ]);
    expect(bar('admin')).toEqual(bar('coordinator'));
  });
});

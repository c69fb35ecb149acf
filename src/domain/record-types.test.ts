import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Evaluation } from './checklist.ts';
import type { Hearing } from './hearing.ts';
import {
  type BodyOf,
  isRecordTypeName,
  type LessonsNote,
  RECORD_TYPES,
  recordTypeDefinition,
} from './record-types.ts';
import type { Territory } from './territory.ts';

describe('the record type registry', () => {
  it('names each type by its key', () => {
    for (const [name, definition] of Object.entries(RECORD_TYPES)) {
      expect(definition.type).toBe(name);
    }
  });

  it('knows only the types it declares', () => {
    expect(isRecordTypeName('hearing')).toBe(true);
    expect(isRecordTypeName('toString')).toBe(false);
    expect(recordTypeDefinition('constructor')).toBeUndefined();
    expect(recordTypeDefinition('training')?.scope).toBe('district');
  });

  it('gives each type name its body type', () => {
    expectTypeOf<BodyOf<'hearing'>>().toEqualTypeOf<Hearing>();
    expectTypeOf<BodyOf<'evaluation'>>().toEqualTypeOf<Evaluation>();
    expectTypeOf<BodyOf<'territory'>>().toEqualTypeOf<Territory>();
    expectTypeOf<BodyOf<'lessons-note'>>().toEqualTypeOf<LessonsNote>();
  });
});

/**
 * The notes the server ingest figures push (see scale-out.ts: durable ingest in gzip
 * batches of 100 from a consultant, on an empty database and with 200,000 records stored).
 */
import { v7 as uuidv7 } from 'uuid';
import { TERRITORY_SEED } from '../../server/seed/territory-seed.ts';
import { bodyHash } from '../../src/domain/hash.ts';

const seededId = (code: string) => TERRITORY_SEED.find((t) => t.code === code)?.id ?? code;
const NOOKEN = seededId('nooken');
/** Municipalities of Nooken district (the territory rule refuses others). */
const MUNICIPALITIES = [seededId('kochkor-ata'), seededId('shamaldy-say')];

const TEXT =
  'Жыйынга 42 киши катышты: 23 аял, 19 эркек. Women asked for the kindergarten repair to be ' +
  'moved up the list; the youth group wants a sports ground near the school. Айыл өкмөтү ' +
  'бюджеттин долбоорун кайра карап чыгууга убада берди. Next hearing after the harvest. ';
/** The note's text (700 characters), also used for records stored straight through SQL. */
export const LESSONS_TEXT = TEXT.repeat(4).slice(0, 700);

/**
 * About 1 KB of canonical JSON, Kyrgyz and English as in the field: a lessons note in
 * Nooken by default, or in the district (and municipality, if any) given.
 */
export async function lessonsNoteMutation(
  i: number,
  place: { districtId: string; municipalityId?: string } = {
    districtId: NOOKEN,
    municipalityId: MUNICIPALITIES[i % MUNICIPALITIES.length],
  },
) {
  const body = {
    districtId: place.districtId,
    ...(place.municipalityId === undefined ? {} : { municipalityId: place.municipalityId }),
    title: `Lessons from hearing ${i}`,
    text: LESSONS_TEXT,
  };
  return {
    mutationId: uuidv7(),
    type: 'lessons-note',
    id: uuidv7(),
    op: 'put' as const,
    baseRev: 0,
    body,
    hash: await bodyHash(body),
  };
}

import { describe, expect, it, onTestFinished } from 'vitest';
import { CHECKLIST_TEMPLATE_SEED } from '../../server/seed/checklist-seed.ts';
import {
  type ChecklistTemplate,
  type Evaluation,
  nextTemplateVersion,
} from '../../src/domain/checklist.ts';
import type { ServerRecord } from '../../src/domain/sync-protocol.ts';
import {
  expectInvalid,
  freshServer,
  mutation,
  push,
  SEEDED,
  signedInUser,
  territoryId,
} from './helpers.ts';

const [seed] = CHECKLIST_TEMPLATE_SEED;
if (!seed) throw new Error('no seeded template');
const { id: seedId, ...seedBody } = seed;
const nooken = territoryId('nooken');

const evaluation = (over: Partial<Evaluation> = {}): Evaluation => ({
  districtId: nooken,
  territoryId: territoryId('kochkor-ata'),
  draftLabel: 'Draft of 2 November 2024',
  evaluator: 'Аида Осмонова',
  date: '2024-11-20',
  templateId: seedId,
  answers: {
    'working-group-composition': { score: 1, evidence: 'Order No. 12 of 3 June' },
    'separate-consultations': { score: 0, comment: 'No meeting with youth' },
    'accessible-participation': { score: 'na' },
  },
  status: 'final',
  ...over,
});

describe('evaluation checklists on the server', () => {
  it('seeds the starting template, which every consultant pulls', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'consultant', [nooken]);

    const pulled = await api.get(`/api/sync/pull?since=0&limit=${SEEDED}`);

    const templates = (pulled.body.changes as ServerRecord[]).filter(
      (r) => r.type === 'checklist-template',
    );
    expect(templates).toHaveLength(1);
    expect(templates[0]).toMatchObject({ id: seedId, rev: expect.any(Number), body: seedBody });
  });

  it("accepts a valid evaluation of the consultant's district", async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'consultant', [nooken]);
    const m = await mutation({ type: 'evaluation', body: evaluation() });

    const reply = await push(api, [m]);

    expect(reply.body.results[0]).toMatchObject({ status: 'applied', rev: SEEDED + 1 });
    expect((await server.store.history(m.id))[0]?.body).toEqual(m.body);
  });

  it('rejects invalid evaluations, naming what is wrong', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'consultant', [nooken]);
    const cases: [Record<string, unknown>, (string | number)[]][] = [
      [
        { ...evaluation(), answers: { 'sources-years': { score: 0.7 } } },
        ['answers', 'sources-years', 'score'],
      ],
      [{ ...evaluation(), answers: { 'Bad Code': { score: 1 } } }, ['answers', 'Bad Code']],
      [{ ...evaluation(), draftLabel: '   ' }, ['draftLabel']],
      [{ ...evaluation(), date: '20.11.2024' }, ['date']],
      [{ ...evaluation(), status: 'done' }, ['status']],
      [
        { ...evaluation(), answers: { 'sources-years': { score: 1, photo: 'photo.jpg' } } },
        ['answers', 'sources-years', 'photo'],
      ],
    ];
    await expectInvalid(server, api, 'evaluation', cases);
  });

  it("refuses an evaluation of another consultant's district", async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'consultant', [territoryId('aksy')]);
    const m = await mutation({ type: 'evaluation', body: evaluation() });

    const reply = await push(api, [m]);

    expect(reply.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'forbidden' },
    });
  });

  it('lets only admins publish a template version; the new version leaves evaluations alone', async () => {
    const server = await freshServer(onTestFinished);
    const consultant = await signedInUser(server, 'consultant', [nooken]);
    const admin = await signedInUser(server, 'admin');
    const done = await mutation({ type: 'evaluation', body: evaluation() });
    await push(consultant.api, [done]);

    const edited: ChecklistTemplate = structuredClone(seedBody);
    const first = edited.dimensions[0]?.criteria[0];
    if (!first) throw new Error('seed has no criterion');
    first.text.en = 'The working group includes women, youth and vulnerable groups.';
    edited.dimensions[0]?.criteria.push({
      code: 'youth-council-consulted',
      text: {
        en: 'Youth council consulted.',
        ru: 'Проведена консультация с молодежным советом.',
        ky: 'Жаштар кеңеши менен консультация өткөрүлдү.',
      },
    });
    const v2 = nextTemplateVersion(edited, [{ id: seedId, body: seedBody }], '2025-02-01');
    const byConsultant = await mutation({ type: 'checklist-template', body: v2 });
    const byAdmin = await mutation({ type: 'checklist-template', body: v2 });

    expect((await push(consultant.api, [byConsultant])).body.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'forbidden' },
    });
    expect((await push(admin.api, [byAdmin])).body.results[0]).toMatchObject({
      status: 'applied',
    });

    const pulled = (await admin.api.get(`/api/sync/pull?since=0&limit=500`)).body
      .changes as ServerRecord[];
    const versions = pulled
      .filter((r) => r.type === 'checklist-template')
      .map((r) => [r.id, r.body.version]);
    expect(versions).toEqual([
      [seedId, 1],
      [byAdmin.id, 2],
    ]);
    // Version 1 is untouched and the finished evaluation still names it.
    expect(pulled.find((r) => r.id === seedId)?.body).toEqual(seedBody);
    expect(pulled.find((r) => r.id === done.id)?.body).toMatchObject({ templateId: seedId });
  });

  it('never lets a published template version change or go, even for an admin', async () => {
    const server = await freshServer(onTestFinished);
    const admin = await signedInUser(server, 'admin');
    const edited: ChecklistTemplate = structuredClone(seedBody);
    edited.title.en = 'Rewritten in place';
    const head = (await admin.api.get('/api/sync/pull?since=0&limit=500')).body
      .changes as ServerRecord[];
    const baseRev = head.find((r) => r.id === seedId)?.rev ?? 0;
    const on = { type: 'checklist-template', id: seedId, baseRev };
    const inPlace = await mutation({ ...on, body: edited });
    const removal = await mutation({ ...on, body: seedBody, op: 'delete' });
    const results = (await push(admin.api, [inPlace, removal])).body.results;
    expect(results).toMatchObject([
      { status: 'rejected', error: { code: 'immutable' } },
      { status: 'rejected', error: { code: 'immutable' } },
    ]);
    const pulled = (await admin.api.get('/api/sync/pull?since=0&limit=500')).body
      .changes as ServerRecord[];
    expect(pulled.find((r) => r.id === seedId)?.body).toEqual(seedBody);
  });
});

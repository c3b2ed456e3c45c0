import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { codeSummary } from '../src/answering/code-batches.js';
import { seedDemoSurvey } from '../src/surveys/demo-data.js';
import { loadWave } from '../src/surveys/wave-view.js';
import { buildTestApp, createAdmin, login, resetDatabase, SAME_ORIGIN, type TTestApp } from './helpers.js';

let t: TTestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.app.close());
beforeEach(() => resetDatabase(t.db));

describe('the demo survey', () => {
  it('has the 2012 wave closed as it ran, and a 2026 draft with the same question ids, ready to publish', async () => {
    const started = performance.now();
    expect(await seedDemoSurvey(t.db, t.app.keys)).toBe(true);
    process.stdout.write(
      `seeding the demo (185 submissions with 640 codes) took ${Math.round(performance.now() - started)} ms\n`,
    );
    expect(await seedDemoSurvey(t.db, t.app.keys)).toBe(false);
    const waves = await t.db.wave.findMany({ orderBy: { createdAt: 'asc' }, select: { id: true } });
    expect(waves).toHaveLength(2);
    const [w2012, w2026] = await Promise.all(waves.map((w) => loadWave(t.db, w.id)));
    expect(w2012).toMatchObject({
      name: '2012',
      state: 'closed',
      publishedAt: '2012-03-21T23:00:00.000Z',
      closedAt: '2012-05-31T21:59:00.000Z',
      settings: { invitedCount: 640, minGroupSize: 5, accessMode: 'codes' },
    });
    expect(w2026).toMatchObject({ name: '2026', state: 'draft', wordingChanged: { since: '2012', questionIds: [] } });
    const ids = (w: typeof w2012) => w?.questionSet.sections.flatMap((s) => s.questions.map((q) => q.id));
    expect(ids(w2026)).toEqual(ids(w2012));

    const cookie = await login(t.app, (await createAdmin(t.db, 'editor')).email);
    const publish = await t.app.inject({
      method: 'POST',
      url: `/api/v1/waves/${w2026?.id}/publish`,
      headers: { ...SAME_ORIGIN, cookie },
      payload: { revision: w2026?.revision },
    });
    expect(publish.statusCode).toBe(200);
    expect(publish.json().contentHash).toBe(w2012?.contentHash);
  });

  it('answers the 2012 wave through the respondents’ path: 185 of 640 codes used, one response each', async () => {
    await seedDemoSurvey(t.db, t.app.keys);
    const wave = await t.db.wave.findFirstOrThrow({ where: { name: '2012' }, select: { id: true } });
    expect(await codeSummary(t.db, wave.id)).toMatchObject({ issued: 640, used: 185, revoked: 0 });
    expect(await t.db.response.count({ where: { waveId: wave.id } })).toBe(185);
    expect(await t.db.submissionReceipt.count({ where: { waveId: wave.id } })).toBe(185);
    expect(await t.db.responseText.count({ where: { waveId: wave.id } })).toBe(36);
    const q1 = await t.db.responseChoice.groupBy({
      by: ['optionId'],
      where: { waveId: wave.id, questionId: 'q1' },
      _count: true,
      orderBy: { optionId: 'asc' },
    });
    expect(q1.map((row) => [row.optionId, row._count])).toEqual([
      ['dont-know', 18],
      ['ja', 131],
      ['nej', 31],
    ]);
    // The rows carry no trace of when they were written (anonymity invariant 1).
    const columns = await t.db.$queryRaw<{ column_name: string }[]>`
      SELECT column_name FROM information_schema.columns WHERE table_name = 'response'`;
    expect(columns.map((c) => c.column_name).sort()).toEqual(['id', 'wave_id']);
  });
});

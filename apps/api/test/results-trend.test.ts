import { type TSeriesTrend, type TWave, ZGetSeriesTrendResponse, ZWave } from '@enkat/survey-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SERIES_NAME, seedDemoSurvey } from '../src/surveys/demo-data.js';
import { buildTestApp, createAdmin, login, resetDatabase, type TTestApp } from './helpers.js';
import { adminCaller, submit } from './survey-helpers.js';

/**
 * The trend of the demo series after a 2026 wave: 40 answers out of 600 invited, q3's agreement
 * collapsed (81,1 % → 20,0 %), q2's about the same (83,5 % → 82,5 %), q5 reworded, q6 answered
 * by only 3 and q4 by nobody; and a 2027 wave open without early results.
 */

let t: TTestApp;
let trend: TSeriesTrend;
let waves: Record<string, string>;

const ANSWERS_2026 = Array.from({ length: 40 }, (_, i) => ({
  q1: i < 20 ? 'ja' : 'nej',
  q2: i < 33 ? 's2' : 's3',
  q3: i < 8 ? 's1' : 's4',
  q5: 's2',
  ...(i < 3 ? { q6: 's1' } : {}),
}));

beforeAll(async () => {
  t = await buildTestApp();
  await resetDatabase(t.db);
  await seedDemoSurvey(t.db, t.app.keys);
  const editor = adminCaller(t.app, await login(t.app, (await createAdmin(t.db, 'editor')).email));
  const series = await t.db.surveySeries.findUniqueOrThrow({ where: { name: DEMO_SERIES_NAME } });
  const draft = await t.db.wave.findFirstOrThrow({ where: { seriesId: series.id, name: '2026' } });
  let wave = ZWave.parse((await editor('GET', `/api/v1/waves/${draft.id}`)).json());

  const reworded = structuredClone(wave.questionSet);
  const q5 = reworded.sections[0]?.questions.find((q) => q.id === 'q5');
  if (q5) q5.text = 'I dag uppfyller vi lagens intentioner fullt ut.';
  wave = ZWave.parse(
    (
      await editor('PUT', `/api/v1/waves/${wave.id}/question-set`, { revision: wave.revision, questionSet: reworded })
    ).json(),
  );
  const settings = await editor('PUT', `/api/v1/waves/${wave.id}/settings`, {
    revision: wave.revision,
    settings: {
      ...wave.settings,
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      accessMode: 'open_link',
      invitedCount: 600,
    },
  });
  const published: TWave = ZWave.parse(
    (await editor('POST', `/api/v1/waves/${wave.id}/publish`, { revision: settings.json().revision })).json(),
  );
  for (const answers of ANSWERS_2026) {
    expect((await submit(t.app, published.slug ?? '', { answers })).statusCode).toBe(201);
  }
  expect((await editor('POST', `/api/v1/waves/${wave.id}/close`)).statusCode).toBe(200);

  const next = ZWave.parse((await editor('POST', `/api/v1/series/${series.id}/waves`, { name: '2027' })).json());
  const nextSettings = await editor('PUT', `/api/v1/waves/${next.id}/settings`, {
    revision: next.revision,
    settings: { ...published.settings, resultsBeforeClose: false },
  });
  await editor('POST', `/api/v1/waves/${next.id}/publish`, { revision: nextSettings.json().revision });
  waves = Object.fromEntries(
    (await t.db.wave.findMany({ select: { id: true, name: true } })).map((w) => [w.name, w.id]),
  );

  const analyst = adminCaller(t.app, await login(t.app, (await createAdmin(t.db, 'analyst')).email));
  const response = await analyst('GET', `/api/v1/series/${series.id}/trend`);
  expect(response.statusCode).toBe(200);
  trend = ZGetSeriesTrendResponse.parse(response.json());
});
afterAll(() => t.app.close());

const question = (id: string) => {
  const found = trend.questions.find((q) => q.questionId === id);
  if (!found) throw new Error(`no ${id} in the trend`);
  return found;
};

describe('the trend of a series', () => {
  it('lists the published waves oldest first, the open one without figures', () => {
    expect(trend.waves.map((w) => [w.name, w.state, w.responses, w.withheld])).toEqual([
      ['2012', 'closed', 185, null],
      ['2026', 'closed', 40, null],
      ['2027', 'open', null, 'not_released'],
    ]);
    expect(trend.questions.map((q) => q.questionId)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q9', 'q10', 'q11']);
    expect(question('q3').points.map((p) => [p.waveId, p.available])).toEqual([
      [waves['2012'], true],
      [waves['2026'], true],
      [waves['2027'], false],
    ]);
  });

  it('says which changes exceed the combined margin of error', () => {
    const [q3] = question('q3').steps;
    expect(q3).toMatchObject({ fromWaveId: waves['2012'], toWaveId: waves['2026'], wordingChanged: false });
    expect(q3?.agreement?.allAnswers?.difference).toBeCloseTo(20 - (100 * 146) / 180, 6);
    expect(q3?.agreement?.allAnswers?.significant).toBe(true);
    const [q2] = question('q2').steps;
    expect(q2?.agreement?.allAnswers?.difference).toBeCloseTo(82.5 - (100 * 152) / 182, 6);
    expect(q2?.agreement?.allAnswers?.significant).toBe(false);
    // Ja: 72,8 % of 180 (of 640) → 50,0 % of 40 (of 600); margin 1.96·√(se₁² + se₂²), each corrected.
    const ja = question('q1').steps[0]?.options.find((o) => o.optionId === 'ja')?.change;
    expect(ja?.difference).toBeCloseTo(50 - (100 * 131) / 180, 6);
    expect(ja?.margin).toBeCloseTo(15.97, 1);
    expect(ja?.significant).toBe(true);
  });

  it('marks a question whose wording changed', () => {
    expect(question('q5').steps[0]?.wordingChanged).toBe(true);
    expect(question('q5').points[1]?.wordingChangedSince).toBe('2012');
    expect(question('q5').text).toBe('I dag uppfyller vi lagens intentioner fullt ut.');
    expect(question('q2').points[1]?.wordingChangedSince).toBeNull();
  });

  it('compares nothing where a wave withholds a question or nobody answered it', () => {
    // q6: 3 answers in 2026, under the minimum group of 5; q4: none.
    for (const id of ['q6', 'q4']) {
      expect(question(id).points[1]).toMatchObject({ available: false, n: null, options: [], agreement: null });
      expect(question(id).steps).toEqual([]);
    }
    expect(question('q6').points[0]).toMatchObject({ available: true, n: 183 });
  });
});

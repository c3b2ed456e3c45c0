import { type TWaveResults, ZGetWaveResultsResponse } from '@enkat/survey-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createAdmin, login, resetDatabase, type TTestApp } from '../helpers.js';
import { ANSWERS_2012, adminCaller, mixNow, publishedWave, submit } from '../survey-helpers.js';

/**
 * ATTACK: an analyst of a wave whose editor allowed results before closing looks at the
 * results, waits until one colleague has answered, and looks again. Whatever changed between
 * the two looks is that colleague's answers. Invariant 6: an open wave shows no breakdowns and
 * no comments, and its tables change only in steps of at least the minimum group.
 */

const MIN_GROUP = 5;
let t: TTestApp;
let editor: ReturnType<typeof adminCaller>;
let analyst: ReturnType<typeof adminCaller>;
let editorCookie: string;

beforeAll(async () => {
  t = await buildTestApp();
  await resetDatabase(t.db);
  editorCookie = await login(t.app, (await createAdmin(t.db, 'editor')).email);
  editor = adminCaller(t.app, editorCookie);
  analyst = adminCaller(t.app, await login(t.app, (await createAdmin(t.db, 'analyst')).email));
});
afterAll(() => t.app.close());

/** Every count a look shows: responses, and per question and option. */
function countsOf(results: TWaveResults): Map<string, number> {
  const counts = new Map([['responses', results.responses]]);
  for (const q of results.questions) {
    if (q.type === 'free_text') counts.set(`${q.questionId}/writers`, q.writers);
    else for (const row of q.table?.rows ?? []) counts.set(`${q.questionId}/${row.optionId}`, row.count ?? 0);
  }
  return counts;
}

/** The people whose answers moved between two looks, as the responses count says. */
const movedBetween = (a: Map<string, number>, b: Map<string, number>) =>
  (b.get('responses') ?? 0) - (a.get('responses') ?? 0);

describe('two looks at an open wave', () => {
  let waveId = '';
  let slug = '';
  const look = async () => {
    const response = await analyst('GET', `/api/v1/waves/${waveId}/results`);
    expect(response.statusCode, response.body).toBe(200);
    return countsOf(ZGetWaveResultsResponse.parse(response.json()));
  };
  /** Colleagues answer, and the API's mixer runs as it does every second. */
  const answer = async (count: number, extra: Record<string, string> = {}) => {
    for (let i = 0; i < count; i++) {
      expect((await submit(t.app, slug, { answers: { ...ANSWERS_2012, ...extra } })).statusCode).toBe(201);
    }
    await mixNow(t.app);
  };

  beforeAll(async () => {
    const wave = await publishedWave(t.app, editorCookie, {
      accessMode: 'open_link',
      settings: { resultsBeforeClose: true, minGroupSize: MIN_GROUP, freeTextMinGroup: MIN_GROUP },
    });
    waveId = wave.id;
    slug = wave.slug ?? '';
    await answer(2 * MIN_GROUP);
  });

  it('show no breakdown and no comments while the wave is open', async () => {
    const breakdown = await analyst('GET', `/api/v1/waves/${waveId}/results?breakdown=q9`);
    expect(breakdown.statusCode).toBe(409);
    expect(breakdown.json()).toMatchObject({ reason: 'results_breakdown_after_close' });
    const comments = await analyst('GET', `/api/v1/waves/${waveId}/comments/q7`);
    expect(comments.json()).toMatchObject({ withheld: 'wave_open', comments: [] });
    expect(JSON.stringify(comments.json())).not.toContain(ANSWERS_2012.q7);
    for (const file of ['results.csv', 'results.xlsx', 'report.pdf']) {
      const download = await analyst('GET', `/api/v1/waves/${waveId}/exports/${file}?breakdown=q9`);
      expect(download.statusCode, file).toBe(409);
    }
  });

  // Answers reach the tables only in mixed batches of at least the minimum group, with the
  // minimum group kept waiting: one more answer, or a few, change nothing a look can see.
  it('change only in steps of at least the minimum group: one more, then a few, then a full batch', async () => {
    const first = await look();
    await answer(1, { q1: 'nej', q9: 'annan' });
    const second = await look();
    await answer(MIN_GROUP - 2, { q1: 'dont-know' });
    const third = await look();
    await answer(MIN_GROUP, { q1: 'ja' });
    const fourth = await look();
    for (const [a, b] of [
      [first, second],
      [second, third],
      [third, fourth],
    ] as const) {
      const moved = movedBetween(a, b);
      expect(moved === 0 || moved >= MIN_GROUP, `${moved} answers appeared between two looks`).toBe(true);
    }
    // The full batch did arrive: the looks are not simply frozen.
    expect(movedBetween(first, fourth)).toBeGreaterThanOrEqual(MIN_GROUP);
  });

  it('show the breakdown and the comments once the wave has closed', async () => {
    expect((await editor('POST', `/api/v1/waves/${waveId}/close`)).statusCode).toBe(200);
    expect((await analyst('GET', `/api/v1/waves/${waveId}/results?breakdown=q9`)).statusCode).toBe(200);
    const comments = await analyst('GET', `/api/v1/waves/${waveId}/comments/q7`);
    expect(comments.json()).toMatchObject({ withheld: null });
  });
});

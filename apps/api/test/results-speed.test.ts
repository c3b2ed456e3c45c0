import { questionsOf, TEMPLATE_2012, ZGetWaveResultsResponse } from '@enkat/survey-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createAdmin, login, resetDatabase, type TTestApp } from './helpers.js';
import { adminCaller, publishedWave } from './survey-helpers.js';

/**
 * SPEED: the results API over 100,000 responses to the 12-question 2012 survey must answer in
 * well under a second, with and without a breakdown. The responses are bulk-inserted in SQL
 * (generate_series), not submitted one by one: this measures reading, not writing.
 */
const RESPONSES = 100_000;
const LIMIT_MS = 1000;

let t: TTestApp;
let call: ReturnType<typeof adminCaller>;
let waveId: string;

beforeAll(async () => {
  t = await buildTestApp();
  await resetDatabase(t.db);
  const editor = await login(t.app, (await createAdmin(t.db, 'editor')).email);
  const wave = await publishedWave(t.app, editor, { accessMode: 'open_link', name: 'Hundratusen' });
  waveId = wave.id;
  const started = performance.now();
  await bulkInsert(waveId);
  process.stdout.write(`bulk insert of ${RESPONSES} responses: ${Math.round(performance.now() - started)} ms\n`);
  expect((await adminCaller(t.app, editor)('POST', `/api/v1/waves/${waveId}/close`)).statusCode).toBe(200);
  call = adminCaller(t.app, await login(t.app, (await createAdmin(t.db, 'analyst')).email));
}, 300_000);
afterAll(async () => {
  await resetDatabase(t.db);
  await t.app.close();
});

/** Each choice question answered by ~97 %, at random; a third write a comment to q7. */
async function bulkInsert(id: string) {
  const options = Object.fromEntries(
    questionsOf(TEMPLATE_2012).flatMap((q) => (q.type === 'free_text' ? [] : [[q.id, q.options.map((o) => o.id)]])),
  );
  await t.db.$executeRaw`
    INSERT INTO response (id, wave_id) SELECT gen_random_uuid(), ${id}::uuid FROM generate_series(1, ${RESPONSES})`;
  await t.db.$executeRaw`
    WITH q AS (SELECT key AS id, ARRAY(SELECT jsonb_array_elements_text(value)) AS options
                 FROM jsonb_each(${JSON.stringify(options)}::jsonb))
    INSERT INTO response_choice (response_id, wave_id, question_id, option_id)
    SELECT r.id, r.wave_id, q.id, q.options[1 + floor(random() * cardinality(q.options))::int]
      FROM response r CROSS JOIN q
     WHERE r.wave_id = ${id}::uuid AND random() < 0.97`;
  await t.db.$executeRaw`
    INSERT INTO response_text (response_id, wave_id, question_id, text)
    SELECT id, wave_id, 'q7', 'En kommentar' FROM response WHERE wave_id = ${id}::uuid AND random() < 0.33`;
  // As autovacuum would have done by the time anyone reads results.
  await t.db.$executeRawUnsafe('VACUUM ANALYZE response, response_choice, response_text');
}

/** The first request's time, and the best of the three after it (the machine may be busy), in ms. */
async function timed(url: string): Promise<{ first: number; ms: number; body: unknown }> {
  let body: unknown;
  const times: number[] = [];
  for (let i = 0; i < 4; i++) {
    const started = performance.now();
    const response = await call('GET', url);
    times.push(Math.round(performance.now() - started));
    expect(response.statusCode).toBe(200);
    body = response.json();
  }
  return { first: times[0] ?? 0, ms: Math.min(...times.slice(1)), body };
}

describe('the results API with 100,000 responses', () => {
  it('answers in well under a second, with and without a breakdown', async () => {
    const plain = await timed(`/api/v1/waves/${waveId}/results`);
    const broken = await timed(`/api/v1/waves/${waveId}/results?breakdown=q9`);
    process.stdout.write(
      `results API, ${RESPONSES} responses: ${plain.ms} ms without a breakdown (first ${plain.first} ms), ` +
        `${broken.ms} ms broken down by role (first ${broken.first} ms)\n`,
    );
    const results = ZGetWaveResultsResponse.parse(broken.body);
    expect(results.responses).toBe(RESPONSES);
    const q2 = results.questions.find((q) => q.questionId === 'q2');
    expect(q2?.type === 'agreement' && q2.table?.total).toBeGreaterThan(RESPONSES * 0.95);
    expect(q2?.type === 'agreement' && q2.breakdown?.every((column) => !column.suppressed)).toBe(true);
    expect(plain.ms).toBeLessThan(LIMIT_MS);
    expect(broken.ms).toBeLessThan(LIMIT_MS);
  });
});

import { answersSchemaFor, TEMPLATE_2012, type TWave } from '@enkat/survey-schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, createAdmin, databaseSnapshot, login, resetDatabase, type TTestApp } from './helpers.js';
import { ANSWERS_2012, adminCaller, closeWaveNow, issueCodes, publishedWave, submit } from './survey-helpers.js';

let t: TTestApp;
let cookie: string;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.app.close());
beforeEach(async () => {
  await resetDatabase(t.db);
  cookie = await login(t.app, (await createAdmin(t.db, 'editor')).email);
});

const slugOf = (wave: TWave) => wave.slug ?? '';
/** Answers accepted: waiting to be mixed, or mixed. */
const responses = async () => (await t.db.pendingSubmission.count()) + (await t.db.response.count());

describe('invitation codes', () => {
  it('are shown once when issued and stored only as hashes', async () => {
    const wave = await publishedWave(t.app, cookie);
    const { codes, respondentPath } = await issueCodes(t.app, cookie, wave.id, 20);
    expect(codes).toHaveLength(20);
    expect(new Set(codes).size).toBe(20);
    expect(respondentPath).toBe(`/s/${wave.slug}`);
    const dump = JSON.stringify(await t.db.$queryRaw`SELECT * FROM invitation_code`);
    for (const code of codes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replaceAll('-', ''));
    }
    const summary = await adminCaller(t.app, cookie)('GET', `/api/v1/waves/${wave.id}/codes`);
    expect(summary.json()).toMatchObject({ issued: 20, used: 0, revoked: 0 });
    expect(JSON.stringify(summary.json())).not.toContain(codes[0]);
  });

  it('admit exactly one response each; the rate is used codes / issued codes', async () => {
    const wave = await publishedWave(t.app, cookie);
    const { codes } = await issueCodes(t.app, cookie, wave.id, 4);
    const first = await submit(t.app, slugOf(wave), { code: codes[0], answers: ANSWERS_2012 });
    expect(first.statusCode).toBe(201);
    const again = await submit(t.app, slugOf(wave), { code: codes[0], answers: ANSWERS_2012 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ reason: 'code_used', detail: 'This code has already been used.' });
    expect(await responses()).toBe(1);
    const summary = await adminCaller(t.app, cookie)('GET', `/api/v1/waves/${wave.id}/codes`);
    expect(summary.json()).toMatchObject({ issued: 4, used: 1 });
  });

  it('can be checked before answering without being used up', async () => {
    const wave = await publishedWave(t.app, cookie);
    const { codes } = await issueCodes(t.app, cookie, wave.id, 1);
    const check = (code: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/respond/${wave.slug}/code-check`,
        headers: { origin: 'http://localhost:3000' },
        payload: { code },
      });
    expect((await check(codes[0] ?? '')).statusCode).toBe(204);
    expect((await check((codes[0] ?? '').toLowerCase())).statusCode).toBe(204);
    expect((await submit(t.app, slugOf(wave), { code: codes[0], answers: {} })).statusCode).toBe(201);
    expect((await check(codes[0] ?? '')).json()).toMatchObject({ status: 409, reason: 'code_used' });
  });

  it('refuse a malformed code, a typo, an unknown, a revoked and another wave’s code: 4xx, nothing stored, nothing used', async () => {
    const wave = await publishedWave(t.app, cookie);
    const other = await publishedWave(t.app, cookie, { name: 'En annan enkät' });
    const { codes, batchId } = await issueCodes(t.app, cookie, wave.id, 3);
    const [good = '', toRevoke = '', ofBatch = ''] = codes;
    const { codes: otherCodes } = await issueCodes(t.app, cookie, other.id, 1);
    const revoke = await adminCaller(t.app, cookie)('POST', `/api/v1/waves/${wave.id}/codes/revoke`, {
      code: toRevoke,
    });
    expect(revoke.json()).toEqual({ revoked: 1 });
    const typo = good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A');
    const before = await databaseSnapshot(t.db);
    const cases: [string | undefined, number, string][] = [
      [undefined, 422, 'code_required'],
      ['ABC', 422, 'code_malformed'],
      [typo, 422, 'code_malformed'],
      ['2222-2222-2222', 404, 'code_unknown'],
      [toRevoke, 403, 'code_revoked'],
      [otherCodes[0], 403, 'code_other_survey'],
    ];
    for (const [code, status, reason] of cases) {
      const response = await submit(t.app, slugOf(wave), { ...(code ? { code } : {}), answers: ANSWERS_2012 });
      expect(response.statusCode, String(code)).toBe(status);
      expect(response.json().reason).toBe(reason);
    }
    expect(await databaseSnapshot(t.db)).toEqual(before);
    // Revoking a batch leaves the used and already revoked codes alone.
    expect((await submit(t.app, slugOf(wave), { code: good, answers: {} })).statusCode).toBe(201);
    const batch = await adminCaller(t.app, cookie)('POST', `/api/v1/waves/${wave.id}/codes/revoke`, { batchId });
    expect(batch.json()).toEqual({ revoked: 1 });
    expect((await submit(t.app, slugOf(wave), { code: ofBatch, answers: {} })).json().reason).toBe('code_revoked');
  });
});

describe('a submission', () => {
  it('with an answer the questions do not allow is refused field by field, and the code stays usable', async () => {
    const wave = await publishedWave(t.app, cookie);
    const { codes } = await issueCodes(t.app, cookie, wave.id, 1);
    const before = await databaseSnapshot(t.db);
    const bad: Record<string, unknown>[] = [
      { ...ANSWERS_2012, q99: 'ja' },
      { ...ANSWERS_2012, q1: 'kanske' },
      { ...ANSWERS_2012, q1: ['ja', 'nej'] },
      { ...ANSWERS_2012, q7: 'x'.repeat(2001) },
      { ...ANSWERS_2012, q2: { s1: true } },
      { ...ANSWERS_2012, q12: 'NUL \u0000 in the middle' },
      { ...ANSWERS_2012, q12: 'a bell \u0007' },
      { ...ANSWERS_2012, q12: 'half an emoji \uD83D' },
    ];
    for (const answers of bad) {
      const response = await submit(t.app, slugOf(wave), { code: codes[0], answers });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ reason: 'answers_invalid' });
      expect(response.json().errors[0].path).toMatch(/^body\.answers\.q\d+$/);
    }
    const junk = await t.app.inject({
      method: 'POST',
      url: `/api/v1/respond/${wave.slug}/responses`,
      headers: { origin: 'http://localhost:3000', 'content-type': 'application/json' },
      payload: '{"answers": ',
    });
    expect(junk.statusCode).toBe(400);
    const huge = await submit(t.app, slugOf(wave), { code: codes[0], answers: { q7: 'x'.repeat(300_000) } });
    expect(huge.statusCode).toBe(413);
    expect(await databaseSnapshot(t.db)).toEqual(before);
    expect((await submit(t.app, slugOf(wave), { code: codes[0], answers: ANSWERS_2012 })).statusCode).toBe(201);
  });

  it('retried with the same idempotency key gets the first outcome and is stored once (codes and open link)', async () => {
    for (const accessMode of ['codes', 'open_link'] as const) {
      const wave = await publishedWave(t.app, cookie, { accessMode, name: `Retry ${accessMode}` });
      const code = accessMode === 'codes' ? (await issueCodes(t.app, cookie, wave.id, 1)).codes[0] : undefined;
      const idempotencyKey = crypto.randomUUID();
      const body = { idempotencyKey, ...(code ? { code } : {}), answers: ANSWERS_2012 };
      const attempts = await Promise.all([1, 2, 3].map(() => submit(t.app, slugOf(wave), body)));
      const later = await submit(t.app, slugOf(wave), body);
      for (const attempt of [...attempts, later]) expect(attempt.statusCode).toBe(201);
      await closeWaveNow(t.app, cookie, wave.id);
      expect(await t.db.response.count({ where: { waveId: wave.id } })).toBe(1);
      // After closing, the same submission still gets its first outcome; other content under
      // the same key is refused.
      expect((await submit(t.app, slugOf(wave), body)).statusCode).toBe(201);
      const other = await submit(t.app, slugOf(wave), { ...body, answers: { ...ANSWERS_2012, q1: 'nej' } });
      expect(other.statusCode).toBe(422);
      expect(other.json()).toMatchObject({ reason: 'receipt_mismatch' });
      expect(await t.db.response.count({ where: { waveId: wave.id } })).toBe(1);
    }
  });

  it('under a key already used for other answers is a 422 while the wave is open, and stores nothing', async () => {
    const wave = await publishedWave(t.app, cookie, { accessMode: 'open_link' });
    const idempotencyKey = crypto.randomUUID();
    expect((await submit(t.app, slugOf(wave), { idempotencyKey, answers: ANSWERS_2012 })).statusCode).toBe(201);
    const before = await databaseSnapshot(t.db);
    const other = await submit(t.app, slugOf(wave), { idempotencyKey, answers: { ...ANSWERS_2012, q1: 'nej' } });
    expect(other.statusCode).toBe(422);
    expect(other.json().errors[0].path).toBe('body.idempotencyKey');
    expect(await databaseSnapshot(t.db)).toEqual(before);
  });

  it('under the same key in another wave is another submission', async () => {
    const first = await publishedWave(t.app, cookie, { accessMode: 'open_link', name: 'Första' });
    const second = await publishedWave(t.app, cookie, { accessMode: 'open_link', name: 'Andra' });
    const idempotencyKey = crypto.randomUUID();
    expect((await submit(t.app, slugOf(first), { idempotencyKey, answers: ANSWERS_2012 })).statusCode).toBe(201);
    expect((await submit(t.app, slugOf(second), { idempotencyKey, answers: ANSWERS_2012 })).statusCode).toBe(201);
    expect(await responses()).toBe(2);
  });

  it('from 50 people with the same code at once stores exactly one response', async () => {
    const wave = await publishedWave(t.app, cookie);
    const { codes } = await issueCodes(t.app, cookie, wave.id, 1);
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => submit(t.app, slugOf(wave), { code: codes[0], answers: ANSWERS_2012 })),
    );
    const ms = Math.round(performance.now() - started);
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const r of results.filter((r) => r.statusCode === 409)) expect(r.json().reason).toBe('code_used');
    expect(await responses()).toBe(1);
    expect(await t.db.codeUse.count()).toBe(1);
    process.stdout.write(`50 concurrent submissions of one code: 1 stored, 49 refused, in ${ms} ms\n`);
  });

  it('is refused before the wave opens, after it closes, and for an unknown or draft address', async () => {
    const early = await publishedWave(t.app, cookie, { accessMode: 'open_link', opensInHours: 2, name: 'Tidig' });
    expect((await submit(t.app, slugOf(early), { answers: ANSWERS_2012 })).json()).toMatchObject({
      status: 409,
      reason: 'survey_not_yet_open',
    });
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/respond/${early.slug}` });
    expect(page.json()).toMatchObject({ status: 'not_yet_open', questionSet: null });

    const wave = await publishedWave(t.app, cookie, { accessMode: 'open_link', name: 'Stängd' });
    expect((await adminCaller(t.app, cookie)('POST', `/api/v1/waves/${wave.id}/close`)).statusCode).toBe(200);
    expect((await submit(t.app, slugOf(wave), { answers: ANSWERS_2012 })).json()).toMatchObject({
      status: 409,
      reason: 'survey_closed',
    });
    expect((await submit(t.app, 'abcdefgh', { answers: ANSWERS_2012 })).json()).toMatchObject({
      status: 404,
      reason: 'survey_not_found',
    });
    expect((await submit(t.app, 'Not A Slug', { answers: ANSWERS_2012 })).statusCode).toBe(422);
    expect(await responses()).toBe(0);
  });

  it('stores free text exactly as typed, tabs and line breaks included', async () => {
    const wave = await publishedWave(t.app, cookie, { accessMode: 'open_link' });
    const text = '<script>alert("x")</script> & =SUMMA(A1) — "citat"\r\n\tindrag 😀';
    expect((await submit(t.app, slugOf(wave), { answers: { q12: text } })).statusCode).toBe(201);
    await closeWaveNow(t.app, cookie, wave.id);
    expect((await t.db.responseText.findFirst())?.text).toBe(text);
  });

  it('is refused from another origin (the respondent form is protected against CSRF without a cookie)', async () => {
    const wave = await publishedWave(t.app, cookie, { accessMode: 'open_link' });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/respond/${wave.slug}/responses`,
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      payload: { idempotencyKey: crypto.randomUUID(), answers: ANSWERS_2012 },
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(await responses()).toBe(0);
  });

  it('stores what the questions allow and nothing more', async () => {
    const wave = await publishedWave(t.app, cookie, { accessMode: 'open_link' });
    const answers = { ...ANSWERS_2012, q9: 'socialsekreterare', q12: '  Ett svar med mellanslag  ' };
    expect(answersSchemaFor(TEMPLATE_2012).safeParse(answers).success).toBe(true);
    expect((await submit(t.app, slugOf(wave), { answers })).statusCode).toBe(201);
    await closeWaveNow(t.app, cookie, wave.id);
    const choices = await t.db.responseChoice.findMany({ select: { questionId: true, optionId: true } });
    expect(choices.sort((a, b) => a.questionId.localeCompare(b.questionId))).toHaveLength(7);
    expect((await t.db.responseText.findMany({ select: { text: true } })).map((r) => r.text).sort()).toEqual([
      'Budget verkar gå före klientens behov',
      'Ett svar med mellanslag',
    ]);
  });
});

import { randomBytes } from 'node:crypto';
import type { TWave } from '@enkat/survey-schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WrongSecretError } from '../src/keys/key-check.js';
import { buildTestApp, createAdmin, login, resetDatabase, type TTestApp } from './helpers.js';
import { ANSWERS_2012, closeWaveNow, mixNow, publishedWave, submit } from './survey-helpers.js';

// The mixer: accepted answers reach the response tables only in batches of at least the
// minimum group, exactly once, however many processes mix at once.

let t: TTestApp;
let cookie: string;
let wave: TWave;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.app.close());
beforeEach(async () => {
  await resetDatabase(t.db);
  cookie = await login(t.app, (await createAdmin(t.db, 'editor')).email);
  wave = await publishedWave(t.app, cookie, { accessMode: 'open_link' });
});

async function answer(count: number) {
  for (let i = 0; i < count; i++) {
    const response = await submit(t.app, wave.slug ?? '', { answers: { ...ANSWERS_2012, q7: `Svar ${i}` } });
    expect(response.statusCode).toBe(201);
  }
}

const counts = async () => ({
  pending: await t.db.pendingSubmission.count(),
  mixed: await t.db.response.count(),
});

const batchesByXmin = async () =>
  (await t.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM response GROUP BY xmin::text ORDER BY 1`).map(
    (row) => row.n,
  );

describe('the mixer', () => {
  it('mixes a batch only when the minimum group can go and as many stay waiting', async () => {
    await answer(9);
    expect(await mixNow(t.app)).toBe(0);
    expect(await counts()).toEqual({ pending: 9, mixed: 0 });
    await answer(3);
    expect(await mixNow(t.app)).toBe(7);
    expect(await counts()).toEqual({ pending: 5, mixed: 7 });
    expect(await mixNow(t.app)).toBe(0);
  });

  it('keeps every waiting answer at one sealed size, so its length cannot be matched to the answers', async () => {
    await answer(3);
    const long = { ...ANSWERS_2012, q7: 'Långt svar. '.repeat(150), q8: 'Ännu mer. '.repeat(190) };
    expect((await submit(t.app, wave.slug ?? '', { answers: long })).statusCode).toBe(201);
    expect((await submit(t.app, wave.slug ?? '', { answers: { q1: 'ja' } })).statusCode).toBe(201);
    const sizes = await t.db.$queryRaw<{ size: number }[]>`
      SELECT DISTINCT octet_length(sealed) AS size FROM pending_submission`;
    expect(sizes).toHaveLength(1);
  });

  it('writes a batch in one transaction, with its texts in no relation to the order they came in', async () => {
    await answer(30);
    await mixNow(t.app);
    expect(await batchesByXmin()).toEqual([25]);
    const texts = await t.db.$queryRaw<{ text: string }[]>`SELECT text FROM response_text ORDER BY ctid`;
    const order = texts.map((row) => Number(row.text.replace('Svar ', '')));
    expect(order).not.toEqual([...order].sort((a, b) => a - b));
  });

  it('moves each answer exactly once when several processes mix at the same time', async () => {
    const others = await Promise.all([buildTestApp(), buildTestApp()]);
    try {
      await answer(40);
      const mixed = await Promise.all([mixNow(t.app), ...others.map((other) => mixNow(other.app))]);
      expect(mixed.reduce((a, b) => a + b, 0)).toBe(35);
      expect(await counts()).toEqual({ pending: 5, mixed: 35 });
    } finally {
      await Promise.all(others.map((other) => other.app.close()));
    }
  });

  it('mixes everything left when the wave closes, never leaving a last batch below the minimum group', async () => {
    await answer(11);
    expect(await mixNow(t.app)).toBe(6);
    await answer(1);
    await closeWaveNow(t.app, cookie, wave.id);
    expect(await counts()).toEqual({ pending: 0, mixed: 12 });
    for (const batch of await batchesByXmin()) expect(batch).toBeGreaterThanOrEqual(5);
    const results = await t.app.inject({
      method: 'GET',
      url: `/api/v1/waves/${wave.id}/results`,
      headers: { cookie },
    });
    expect(results.json()).toMatchObject({ responses: 12 });
  });

  it('closes a wave whose closing time has passed, mixing what is left', async () => {
    await answer(7);
    await t.db.wave.update({ where: { id: wave.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    await mixNow(t.app);
    expect(await t.db.wave.findUniqueOrThrow({ where: { id: wave.id }, select: { state: true } })).toEqual({
      state: 'closed',
    });
    expect(await counts()).toEqual({ pending: 0, mixed: 7 });
    expect(await t.db.auditEvent.count({ where: { action: 'wave_closed', actorId: null } })).toBe(1);
  });
});

describe('the deployment secret', () => {
  it('must be the one the database was started with', async () => {
    const error = await buildTestApp({ ENKAT_SECRET: randomBytes(32) }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(WrongSecretError);
    expect(String((error as Error).message)).toMatch(/^the secret .* is not the one this database was started with/);
  });
});

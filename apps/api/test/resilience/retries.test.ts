import { createDb, type TDb } from '@enkat/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAdmin, PASSWORD, resetDatabase } from '../helpers.js';
import { ANSWERS_2012 } from '../survey-helpers.js';
import {
  adminOverHttp,
  closeWaveOverHttp,
  issueCodesOverHttp,
  loginOverHttp,
  makeSubmission,
  publishedWaveOverHttp,
  startTestApiProcess,
  submitOverHttp,
  type TAdminCall,
  type TApiProcess,
} from './api-process.js';

/**
 * Retries, as a browser on a bad connection sends them: a receipt belongs to one wave and one
 * submission. The same idempotency key with the same content gets the first outcome, also
 * after the wave closed; the same key with other content is refused (422) and stores nothing.
 */
describe('retried submissions', () => {
  const databaseUrl = inject('databaseUrl');
  let db: TDb;
  let api: TApiProcess;
  let call: TAdminCall;

  beforeAll(async () => {
    db = createDb(databaseUrl, { maxConnections: 2 });
    await resetDatabase(db);
    api = await startTestApiProcess({ mixerIntervalMs: 200 });
    const admin = await createAdmin(db, 'owner');
    call = adminOverHttp(() => api.url, await loginOverHttp(api.url, admin.email, PASSWORD));
  });

  afterAll(async () => {
    await api?.stop();
    await db?.$disconnect();
  });

  const storedIn = async (waveId: string) => {
    const [{ n } = { n: -1 }] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM response WHERE wave_id = ${waveId}::uuid`;
    return n;
  };

  describe.each(['codes', 'open_link'] as const)('in a wave answered with %s', (accessMode) => {
    it('the same key and content after the wave closed gets the first outcome, 201', async () => {
      const wave = await publishedWaveOverHttp(call, accessMode);
      const [code] = accessMode === 'codes' ? await issueCodesOverHttp(call, wave.id, 1) : [];
      const submission = makeSubmission(1, code);
      const first = await submitOverHttp(api.url, wave.slug, submission);
      expect(first.status).toBe(201);
      expect(first.body).toEqual({ status: 'accepted' });
      expect((await submitOverHttp(api.url, wave.slug, submission)).status).toBe(201);

      await closeWaveOverHttp(call, wave.id);
      const retried = await submitOverHttp(api.url, wave.slug, submission);
      expect(retried.status).toBe(201);
      expect(retried.body).toEqual({ status: 'accepted' });
      expect(await storedIn(wave.id)).toBe(1);
    });

    it('the same key with other content is a 422, while open and after closing, and stores nothing', async () => {
      const wave = await publishedWaveOverHttp(call, accessMode);
      const codes = accessMode === 'codes' ? await issueCodesOverHttp(call, wave.id, 2) : [];
      const submission = makeSubmission(2, codes[0]);
      expect((await submitOverHttp(api.url, wave.slug, submission)).status).toBe(201);

      const otherAnswers = { ...submission, answers: { ...ANSWERS_2012, q1: 'nej', q12: 'Något helt annat' } };
      const otherCode = { ...otherAnswers, code: codes[1] };
      const variants = accessMode === 'codes' ? [otherAnswers, otherCode] : [otherAnswers];
      for (const variant of variants) {
        expect((await submitOverHttp(api.url, wave.slug, variant)).status).toBe(422);
      }
      await closeWaveOverHttp(call, wave.id);
      for (const variant of variants) {
        expect((await submitOverHttp(api.url, wave.slug, variant)).status).toBe(422);
      }
      expect(await storedIn(wave.id)).toBe(1);
      if (accessMode === 'codes') {
        const summary = (await call('GET', `/api/v1/waves/${wave.id}/codes`)) as { used: number };
        // The other code was never used: the refused retry did not spend it.
        expect(summary.used).toBe(1);
      }
    });
  });
});

import { MAX_CODES_PER_BATCH, ZCodeSummary } from '@enkat/survey-schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ISSUE_STEP } from '../src/answering/code-batches.js';
import { buildTestApp, createAdmin, login, resetDatabase, type TTestApp } from './helpers.js';
import { adminCaller, issueCodes, publishedWave } from './survey-helpers.js';

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

const summaryOf = async (waveId: string) =>
  ZCodeSummary.parse((await adminCaller(t.app, cookie)('GET', `/api/v1/waves/${waveId}/codes`)).json());

describe('issuing codes', () => {
  it(`issues the largest batch (${MAX_CODES_PER_BATCH.toLocaleString('en')} codes) in one request`, async () => {
    const wave = await publishedWave(t.app, cookie);
    const started = performance.now();
    const { codes, batchId } = await issueCodes(t.app, cookie, wave.id, MAX_CODES_PER_BATCH);
    const seconds = (performance.now() - started) / 1000;
    console.warn(`issued ${codes.length} codes in ${seconds.toFixed(1)} s`);
    expect(codes).toHaveLength(MAX_CODES_PER_BATCH);
    expect(new Set(codes).size).toBe(MAX_CODES_PER_BATCH);
    expect(await t.db.invitationCode.count({ where: { batchId } })).toBe(MAX_CODES_PER_BATCH);
    const summary = await summaryOf(wave.id);
    expect(summary.issued).toBe(MAX_CODES_PER_BATCH);
    expect(summary.batches).toEqual([
      expect.objectContaining({ count: MAX_CODES_PER_BATCH, written: MAX_CODES_PER_BATCH }),
    ]);
    // Well inside the web app's 30 s for a forwarded request, on a small machine.
    expect(seconds).toBeLessThan(25);
  }, 90_000);

  it('shows its progress while it runs: the batch counts the codes stored so far', async () => {
    const wave = await publishedWave(t.app, cookie);
    const count = ISSUE_STEP * 8;
    let finished = false;
    const issuing = issueCodes(t.app, cookie, wave.id, count).finally(() => {
      finished = true;
    });
    const seen = new Set<number>();
    while (!finished) {
      const batch = (await summaryOf(wave.id)).batches[0];
      if (batch) {
        expect(batch.count).toBe(count);
        seen.add(batch.written);
      }
    }
    await issuing;
    const steps = [...seen].filter((written) => written > 0 && written < count);
    expect(steps.length).toBeGreaterThan(0);
    for (const written of steps) expect(written % ISSUE_STEP).toBe(0);
    expect((await summaryOf(wave.id)).batches[0]).toMatchObject({ count, written: count });
  }, 60_000);

  it('refuses to revoke a batch that is still being issued', async () => {
    const wave = await publishedWave(t.app, cookie);
    const { batchId } = await issueCodes(t.app, cookie, wave.id, 10);
    await t.db.codeBatch.update({ where: { id: batchId }, data: { written: 5 } });
    const revoke = await adminCaller(t.app, cookie)('POST', `/api/v1/waves/${wave.id}/codes/revoke`, { batchId });
    expect(revoke.statusCode).toBe(409);
    expect(revoke.json().detail).toMatch(/still being issued/);
    expect(await t.db.invitationCode.count({ where: { batchId, revoked: true } })).toBe(0);
  });
});

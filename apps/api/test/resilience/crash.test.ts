import { createDb, type TDb } from '@enkat/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAdmin, PASSWORD, resetDatabase } from '../helpers.js';
import {
  acknowledged,
  adminOverHttp,
  closeWaveOverHttp,
  issueCodesOverHttp,
  loginOverHttp,
  makeSubmission,
  publishedWaveOverHttp,
  startLoad,
  startTestApiProcess,
  submitOverHttp,
  type TApiProcess,
  type TSent,
  waitUntil,
} from './api-process.js';

/**
 * Exactly once through crashes: the real API process is killed with SIGKILL (no shutdown hook
 * runs) twice while a steady stream of coded submissions flows and its mixer runs, and started
 * again with the same secret. Whatever was acknowledged must be counted exactly once after the
 * wave closes; whatever was not may be sent again with the same key and content, and is then
 * counted once too.
 */
describe('exactly once through crashes of the API process', () => {
  const databaseUrl = inject('databaseUrl');
  let db: TDb;
  let api: TApiProcess;

  beforeAll(async () => {
    db = createDb(databaseUrl, { maxConnections: 2 });
    await resetDatabase(db);
    api = await startTestApiProcess({ mixerIntervalMs: 200 });
  });

  afterAll(async () => {
    await api?.stop();
    await db?.$disconnect();
  });

  it('counts every acknowledged submission exactly once, and a retried unacknowledged one once too', async () => {
    const admin = await createAdmin(db, 'owner');
    const call = adminOverHttp(() => api.url, await loginOverHttp(api.url, admin.email, PASSWORD));
    const wave = await publishedWaveOverHttp(call, 'codes');
    const codes = await issueCodesOverHttp(call, wave.id, 200);
    const queue = codes.map((code, n) => makeSubmission(n, code));
    const load = (concurrency = 8) => startLoad({ url: () => api.url, slug: wave.slug, queue, concurrency });

    const sent: TSent[] = [];
    for (const crash of [1, 2]) {
      const stream = load();
      // Mid-stream: enough acknowledged for the mixer to have work, submissions in flight.
      await waitUntil(() => stream.acknowledgedCount() >= 40, 30_000, `acknowledgements before crash ${crash}`);
      await api.kill('SIGKILL');
      sent.push(...(await stream.stop()));
      api = await api.restart();
    }
    sent.push(...(await load().finished));
    expect(queue).toHaveLength(0);
    expect(sent).toHaveLength(codes.length);

    // Nothing but an acknowledgement, a lost connection (the kill), or a 503 while restarting.
    const counts: Record<string, number> = {};
    for (const s of sent) counts[s.outcome.status] = (counts[s.outcome.status] ?? 0) + 1;
    const outcomes = `outcomes by status (0: no answer): ${JSON.stringify(counts)}`;
    expect
      .soft(
        Object.keys(counts).filter((status) => !['0', '201', '503'].includes(status)),
        outcomes,
      )
      .toEqual([]);

    // Retry every unacknowledged submission with the same key and content: each is now accepted.
    const unacknowledged = sent.filter((s) => !acknowledged(s));
    // The kills did land mid-request.
    expect(unacknowledged.filter((s) => s.outcome.status === 0).length, outcomes).toBeGreaterThan(0);
    const retries = await Promise.all(unacknowledged.map((s) => submitOverHttp(api.url, wave.slug, s.submission)));
    expect(retries.map((r) => r.status)).toEqual(unacknowledged.map(() => 201));
    const acknowledgedMarkers = [...sent.filter(acknowledged), ...unacknowledged].map((s) => s.submission.marker);
    expect(new Set(acknowledgedMarkers).size).toBe(codes.length);

    // A used code stays used: another key with the same code is refused.
    const again = await submitOverHttp(api.url, wave.slug, makeSubmission(-1, codes[0]));
    expect(again.status).toBe(409);

    await closeWaveOverHttp(call, wave.id);

    // Every acknowledged submission is stored exactly once, and nothing else is.
    const [{ responses } = { responses: -1 }] = await db.$queryRaw<{ responses: number }[]>`
      SELECT count(*)::int AS responses FROM response WHERE wave_id = ${wave.id}::uuid`;
    expect(responses).toBe(codes.length);
    const stored = await db.$queryRaw<{ text: string; times: number }[]>`
      SELECT text, count(*)::int AS times FROM response_text
       WHERE wave_id = ${wave.id}::uuid AND question_id = 'q12' GROUP BY text`;
    expect(stored.filter((row) => row.times !== 1)).toEqual([]);
    expect(stored.map((row) => row.text).sort()).toEqual([...acknowledgedMarkers].sort());

    // The editor's count of used codes agrees.
    const codeSummary = (await call('GET', `/api/v1/waves/${wave.id}/codes`)) as { used: number };
    expect(codeSummary.used).toBe(codes.length);
  });
});

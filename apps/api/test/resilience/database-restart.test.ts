import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  createDb,
  ensureDatabase,
  findFreePort,
  migrateDatabase,
  startEmbeddedPostgres,
  type TDb,
  type TEmbeddedPostgres,
} from '@enkat/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, PASSWORD } from '../helpers.js';
import {
  acknowledged,
  adminOverHttp,
  closeWaveOverHttp,
  issueCodesOverHttp,
  loginOverHttp,
  makeSubmission,
  newSecret,
  publishedWaveOverHttp,
  ROOT,
  startApiProcess,
  startLoad,
  type TApiProcess,
  type TSent,
  waitForHealth,
  waitUntil,
} from './api-process.js';

const DOWN_FOR_MS = 3_000;

/**
 * PostgreSQL stops and starts again while coded submissions flow. This test has a PostgreSQL
 * server of its own (the shared test database must not go away under other tests), on a fixed
 * port so that the API's DATABASE_URL stays right across the restart.
 */
describe('a PostgreSQL restart while submissions flow', () => {
  let folder: string;
  let pgPort: number;
  let server: TEmbeddedPostgres | undefined;
  let databaseUrl: string;
  let db: TDb;
  let api: TApiProcess;

  const startPostgres = async () => {
    server = await startEmbeddedPostgres({ dataDir: join(folder, 'data'), port: pgPort });
    return server;
  };

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'enkat-restart-'));
    // PostgreSQL may run as another user (see embedded-postgres.ts): let it into the folder.
    await chmod(folder, 0o755);
    pgPort = await findFreePort();
    const started = await startPostgres();
    await ensureDatabase(started.adminUrl, 'enkat_restart');
    databaseUrl = started.urlFor('enkat_restart');
    await migrateDatabase({ databaseUrl, rootDir: ROOT });
    db = createDb(databaseUrl, { maxConnections: 2 });
    api = await startApiProcess({ databaseUrl, port: await findFreePort(), secret: newSecret(), mixerIntervalMs: 200 });
  });

  afterAll(async () => {
    await api?.stop();
    await db?.$disconnect();
    await server?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After while the database is away, never 500, and stores exactly what it acknowledged', async () => {
    const admin = await createAdmin(db, 'owner');
    const call = adminOverHttp(() => api.url, await loginOverHttp(api.url, admin.email, PASSWORD));
    const wave = await publishedWaveOverHttp(call, 'codes');
    const codes = await issueCodesOverHttp(call, wave.id, 4_000);
    const queue = codes.map((code, n) => makeSubmission(n, code));
    // The test's own client is not what is under test: it leaves before the database does.
    await db.$disconnect();
    const stream = startLoad({ url: () => api.url, slug: wave.slug, queue, concurrency: 8, pauseMs: 50 });

    await waitUntil(() => stream.acknowledgedCount() >= 40, 30_000, 'acknowledgements before the restart');
    const stoppedAt = Date.now();
    await server?.stop();
    await sleep(DOWN_FOR_MS);
    await startPostgres();
    const restartedAt = Date.now();
    const before = stream.acknowledgedCount();
    await waitUntil(
      () => stream.acknowledgedCount() >= before + 40 || queue.length === 0,
      30_000,
      'acknowledgements after the restart',
    );
    const sent: TSent[] = await stream.stop();
    expect(api.isAlive()).toBe(true);
    expect(await waitForHealth(api.url, { timeoutMs: 10_000 })).toBe(true);

    const counts: Record<string, number> = {};
    for (const s of sent) counts[s.outcome.status] = (counts[s.outcome.status] ?? 0) + 1;
    const outcomes = `outcomes by status: ${JSON.stringify(counts)}`;
    const unavailable = sent.filter((s) => s.outcome.status === 503);
    // Each property is checked on its own (soft), so that one run tells everything that is wrong.
    // While the database was away the API said so, at once, with a hint when to try again.
    expect.soft(counts['500'] ?? 0, `no 500s; ${outcomes}`).toBe(0);
    expect
      .soft(
        Object.keys(counts).filter((status) => !['201', '503'].includes(status)),
        `only 201 and 503; ${outcomes}`,
      )
      .toEqual([]);
    expect.soft(unavailable.length, `some 503s while the database was away; ${outcomes}`).toBeGreaterThan(0);
    const retryHint = (value: string | null) => !!value && (/^\d+$/.test(value) || !Number.isNaN(Date.parse(value)));
    expect
      .soft(unavailable.filter((s) => !retryHint(s.outcome.retryAfter)).length, 'every 503 has Retry-After')
      .toBe(0);
    expect.soft(Math.max(0, ...unavailable.map((s) => s.outcome.ms)), 'a 503 comes at once (ms)').toBeLessThan(5_000);
    // ...and recovered when it came back.
    expect(sent.some((s) => acknowledged(s) && s.at > restartedAt)).toBe(true);
    expect(stoppedAt).toBeLessThan(restartedAt);

    await closeWaveOverHttp(call, wave.id);
    db = createDb(databaseUrl, { maxConnections: 2 });
    const acknowledgedMarkers = new Set(sent.filter(acknowledged).map((s) => s.submission.marker));
    const stored = (
      await db.$queryRaw<{ text: string }[]>`
        SELECT t.text FROM response r LEFT JOIN response_text t ON t.response_id = r.id AND t.question_id = 'q12'
         WHERE r.wave_id = ${wave.id}::uuid`
    ).map((row) => row.text);
    const storedSet = new Set(stored);
    // Acknowledged = stored, exactly: nothing acknowledged is missing, nothing unacknowledged is
    // stored (a stored answer reported as an error), nothing is stored twice.
    expect({
      acknowledged: acknowledgedMarkers.size,
      stored: stored.length,
      acknowledgedNotStored: [...acknowledgedMarkers].filter((m) => !storedSet.has(m)).length,
      storedNotAcknowledged: stored.filter((m) => !acknowledgedMarkers.has(m)).length,
      storedTwice: stored.length - storedSet.size,
    }).toEqual({
      acknowledged: acknowledgedMarkers.size,
      stored: acknowledgedMarkers.size,
      acknowledgedNotStored: 0,
      storedNotAcknowledged: 0,
      storedTwice: 0,
    });
  });
});

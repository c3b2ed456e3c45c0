// `npm run bench`: submissions per second and latency of the real API process against a minimal
// Fastify + raw `pg` baseline doing the same durable writes on the same throwaway database, in
// one run; then a held open-loop load with acknowledged = stored. Writes its section of
// docs/BENCHMARKS.md. See scripts/bench/README.md for the knobs.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@enkat/db';
import { startThrowawayDatabase } from '@enkat/db/testing';
import pg from 'pg';
import {
  adminCaller,
  apiProcessEnv,
  BENCH_ANSWERS,
  benchSecret,
  envNumber,
  issueCodes,
  login,
  machineLines,
  median,
  publishedWave,
  ROOT,
  SAME_ORIGIN,
  startNode,
  waitForOk,
  writeBenchSection,
} from './lib.mjs';

const config = {
  durationS: envNumber('BENCH_DURATION_S', 10),
  concurrency: envNumber('BENCH_CONCURRENCY', 32),
  rounds: envNumber('BENCH_ROUNDS', 3),
  used: envNumber('BENCH_USED', 50_000),
  heldRate: envNumber('BENCH_HELD_RATE', 200),
  heldS: envNumber('BENCH_HELD_S', 120),
  /** Codes issued for one throughput run of the API: enough for this many submissions per second. */
  maxRate: envNumber('BENCH_MAX_RATE', 1_500),
  seedProbeS: envNumber('BENCH_SEED_PROBE_S', 15),
  /** How long to wait after a run for the API to finish what its senders gave up on. */
  quietTimeoutS: envNumber('BENCH_QUIET_TIMEOUT_S', 300),
};
const log = (/** @type {string} */ message) => process.stderr.write(`bench: ${message}\n`);
const ADMIN = { email: 'bench@example.org', password: 'a long enough bench password' };
const MARK_START = '<!-- bench:submissions:start -->';
const MARK_END = '<!-- bench:submissions:end -->';

const work = await mkdtemp(join(tmpdir(), 'enkat-bench-'));
/** @type {Array<() => Promise<void>>} */
const cleanups = [];
const cleanup = async () => {
  // Stopping PostgreSQL ends every session, idle pooled ones too (the migration runner's):
  // their "terminating connection" (57P01) is expected then, and nothing else is swallowed.
  process.on('uncaughtException', (error) => {
    if (/** @type {{ code?: string }} */ (error).code === '57P01') return;
    process.stderr.write(`bench: ${error.stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
  for (const step of cleanups.reverse()) await step().catch(() => {});
  await rm(work, { recursive: true, force: true });
};
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));

async function main() {
  log('starting a throwaway PostgreSQL and migrating it');
  const database = await startThrowawayDatabase({ rootDir: ROOT });
  cleanups.push(() => database.stop());
  const sql = new pg.Pool({ connectionString: database.url, max: 3 });
  cleanups.push(() => sql.end());
  await sql.query(`
    CREATE TABLE bench_receipt (key_hash bytea PRIMARY KEY, wave_id uuid NOT NULL, content_hash bytea NOT NULL);
    CREATE TABLE bench_code_use (pseudonym bytea PRIMARY KEY, wave_id uuid NOT NULL);
    CREATE TABLE bench_pending (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), wave_id uuid NOT NULL, sealed bytea NOT NULL);`);
  const settings = Object.fromEntries(
    (
      await sql.query(
        `SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'synchronous_commit', 'fsync', 'shared_buffers', 'max_connections')`,
      )
    ).rows.map((row) => [row.name, row.setting]),
  );
  if (settings.synchronous_commit !== 'on') throw new Error(`synchronous_commit is ${settings.synchronous_commit}`);

  log('creating the administrator');
  execFileSync(
    process.execPath,
    [
      'apps/api/dist/cli/admin-create.js',
      '--email',
      ADMIN.email,
      '--name',
      'Bench',
      '--role',
      'owner',
      '--password-stdin',
    ],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, DATABASE_URL: database.url },
      input: ADMIN.password,
      stdio: ['pipe', 'ignore', 'inherit'],
    },
  );

  const secret = benchSecret();
  const apiPort = await findFreePort();
  const api = startNode(
    'api',
    ['apps/api/dist/server.js'],
    apiProcessEnv({ databaseUrl: database.url, port: apiPort, secret }),
  );
  cleanups.push(() => api.stop());
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const basePort = await findFreePort();
  const baseline = startNode('baseline', ['scripts/bench/baseline-server.mjs'], {
    PATH: process.env.PATH ?? '',
    DATABASE_URL: database.url,
    PORT: String(basePort),
    ENKAT_SECRET: secret,
  });
  cleanups.push(() => baseline.stop());
  const baseUrl = `http://127.0.0.1:${basePort}`;
  for (const [server, url] of [
    [api, `${apiUrl}/api/health`],
    [baseline, `${baseUrl}/health`],
  ]) {
    if (!(await waitForOk(/** @type {string} */ (url), { isAlive: /** @type {any} */ (server).isAlive }))) {
      throw new Error(`${/** @type {any} */ (server).name} did not come up:\n${/** @type {any} */ (server).output()}`);
    }
  }
  const call = adminCaller(apiUrl, await login(apiUrl, ADMIN.email, ADMIN.password));
  let waves = 0;
  const newWave = (/** @type {'codes' | 'open_link'} */ mode) => publishedWave(call, mode, `Bench ${++waves} ${mode}`);

  /**
   * Waits until no other session of the bench database is working (the API may still be busy
   * with requests whose senders have gone), so one run does not eat into the next.
   */
  const waitForQuiet = async (/** @type {string} */ after) => {
    const started = performance.now();
    const deadline = started + config.quietTimeoutS * 1000;
    while (performance.now() < deadline) {
      const { rows } = await sql.query(
        `SELECT count(*)::int AS busy FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            AND state IN ('active', 'idle in transaction')`,
      );
      if (rows[0].busy === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const waited = (performance.now() - started) / 1000;
    if (waited > 1) log(`  the database was busy for ${waited.toFixed(0)} s after ${after}`);
  };

  /** Runs the load generator in its own process with this job. */
  const runLoad = async (/** @type {Record<string, unknown>} */ job) => {
    const file = join(work, `job-${Date.now()}-${Math.random()}.json`);
    await writeFile(file, JSON.stringify({ answers: BENCH_ANSWERS, ...job }));
    const child = spawn(process.execPath, ['scripts/bench/load.mjs', file], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    await rm(file, { force: true });
    if (code !== 0) throw new Error(`the load generator failed (exit ${code})`);
    return JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
  };
  const apiJob = (/** @type {string} */ slug) => ({
    origin: apiUrl,
    path: `/api/v1/respond/${slug}/responses`,
    headers: SAME_ORIGIN,
  });

  // ---- the waves at N codes used / N responses stored -----------------------------------------
  /** @type {Record<string, string>} */
  const seedNotes = {};
  const full = { codes: await newWave('codes'), open_link: await newWave('open_link') };
  if (config.used > 0) {
    for (const mode of /** @type {const} */ (['codes', 'open_link'])) {
      seedNotes[mode] = await seedWave(mode, full[mode], config.used);
    }
  }

  /** Fills a wave with n answers through the API, as respondents would (its pace is reported). */
  async function seedWave(
    /** @type {'codes' | 'open_link'} */ mode,
    /** @type {{ id: string, slug: string }} */ wave,
    /** @type {number} */ n,
  ) {
    log(`seeding ${n} ${mode === 'codes' ? 'used codes' : 'open-link answers'}`);
    const codes = mode === 'codes' ? await issueCodes(call, wave.id, n) : null;
    log(`seeding through the API for up to ${config.seedProbeS} s to measure its pace`);
    const probe = await runLoad({
      ...apiJob(wave.slug),
      mode: 'closed',
      concurrency: config.concurrency,
      durationMs: config.seedProbeS * 1000,
      maxRequests: n,
      ...(codes ? { codes } : {}),
    });
    await waitForQuiet('the seeding probe');
    let viaApi = probe.acknowledged;
    const pace = probe.acknowledged / Math.max(probe.windowSeconds, 0.001);
    const remaining = n - viaApi;
    if (remaining <= 0) return `${n} through the API at ${pace.toFixed(0)}/s`;
    const projectedS = remaining / Math.max(pace, 0.001);
    log(`continuing through the API (${remaining} more at ${pace.toFixed(0)}/s)`);
    const rest = await runLoad({
      ...apiJob(wave.slug),
      mode: 'closed',
      concurrency: config.concurrency,
      durationMs: Math.max(projectedS * 3, 60) * 1000,
      maxRequests: remaining,
      ...(codes ? { codes: codes.slice(probe.sent) } : {}),
    });
    viaApi += rest.acknowledged;
    await waitForQuiet('seeding');
    return `${viaApi} through the API at ${pace.toFixed(0)}/s`;
  }

  // ---- baseline tables at 0 or n rows ---------------------------------------------------------
  const baselineAt = async (/** @type {'codes' | 'open_link'} */ mode, /** @type {number} */ used) => {
    await sql.query('TRUNCATE bench_receipt, bench_code_use, bench_pending');
    if (used === 0) return;
    await sql.query(
      `INSERT INTO bench_receipt (key_hash, wave_id, content_hash)
       SELECT sha256(('r' || g)::bytea), gen_random_uuid(), sha256(g::text::bytea) FROM generate_series(1, $1::int) g`,
      [used],
    );
    if (mode === 'codes') {
      await sql.query(
        `INSERT INTO bench_code_use (pseudonym, wave_id) SELECT sha256(('c' || g)::bytea), gen_random_uuid() FROM generate_series(1, $1::int) g`,
        [used],
      );
    }
    await sql.query('VACUUM ANALYZE bench_receipt, bench_code_use, bench_pending');
  };

  // ---- throughput: baseline and API interleaved, rounds × cells -------------------------------
  const cells = /** @type {const} */ ([
    ['codes', 0],
    ['open_link', 0],
    ['codes', 1],
    ['open_link', 1],
  ]).filter(([, full]) => full === 0 || config.used > 0);
  /** @type {Record<string, { baseline: any[], api: any[] }>} */
  const results = {};
  const durationMs = config.durationS * 1000;
  for (let round = 1; round <= config.rounds; round++) {
    for (const [mode, isFull] of cells) {
      const used = isFull ? config.used : 0;
      const key = `${mode}@${used}`;
      results[key] ??= { baseline: [], api: [] };
      await baselineAt(mode, used);
      log(`round ${round}: ${key}: baseline`);
      const base = await runLoad({
        origin: baseUrl,
        path: `/respond/${crypto.randomUUID()}/responses`,
        mode: 'closed',
        concurrency: config.concurrency,
        durationMs,
        generateCodes: mode === 'codes',
      });
      results[key].baseline.push(base);
      const wave = isFull ? full[mode] : await newWave(mode);
      const codes =
        mode === 'codes' ? await issueCodes(call, wave.id, Math.ceil(config.maxRate * config.durationS)) : null;
      log(`round ${round}: ${key}: API`);
      const real = await runLoad({
        ...apiJob(wave.slug),
        mode: 'closed',
        concurrency: config.concurrency,
        durationMs,
        ...(codes ? { codes } : {}),
      });
      results[key].api.push(real);
      await waitForQuiet(`the API run ${key}`);
      log(
        `  baseline ${base.perSecond.toFixed(0)}/s p50 ${base.p50?.toFixed(0)} ms; API ${real.perSecond.toFixed(1)}/s p50 ${real.p50?.toFixed(0)} ms ${JSON.stringify(real.statuses)}`,
      );
    }
  }

  // ---- held open-loop load, then close and count -----------------------------------------------
  log(`held load: ${config.heldRate}/s for ${config.heldS} s with codes`);
  const heldWave = await newWave('codes');
  const heldCodes = await issueCodes(call, heldWave.id, Math.ceil(config.heldRate * config.heldS * 1.02) + 10);
  // How many accepted answers wait to be mixed, sampled twice a second while the load runs.
  /** @type {number[]} */
  const waiting = [];
  const sampler = setInterval(() => {
    sql
      .query('SELECT count(*)::int AS n FROM pending_submission WHERE wave_id = $1', [heldWave.id])
      .then((result) => waiting.push(result.rows[0].n))
      .catch(() => {});
  }, 500);
  const held = await runLoad({
    ...apiJob(heldWave.slug),
    mode: 'open',
    rate: config.heldRate,
    durationMs: config.heldS * 1000,
    drainMs: 120_000,
    codes: heldCodes,
  });
  clearInterval(sampler);
  // Let the API finish whatever is still in flight for senders that gave up, then close.
  await waitForQuiet('the held load');
  const batchSizes = async () =>
    (
      await sql.query('SELECT count(*)::int AS n FROM response WHERE wave_id = $1 GROUP BY xmin::text', [heldWave.id])
    ).rows.map((row) => row.n);
  const batchesWhileOpen = await batchSizes();
  const closeStarted = performance.now();
  let closeOutcome = 'closed';
  await call('POST', `/api/v1/waves/${heldWave.id}/close`, undefined).catch((error) => {
    closeOutcome = `close failed: ${error.message}`;
  });
  const closeMs = performance.now() - closeStarted;
  const stored = Number(
    (await sql.query('SELECT count(*)::int AS n FROM response WHERE wave_id = $1', [heldWave.id])).rows[0].n,
  );

  const lastBatch = (await batchSizes()).length - batchesWhileOpen.length === 1 ? stored - sum(batchesWhileOpen) : null;
  const mixing = { batchesWhileOpen, lastBatch, waiting };
  const report = renderReport({ config, settings, results, held, stored, closeMs, closeOutcome, seedNotes, mixing });
  process.stdout.write(`${report}\n`);
  await writeBenchSection({ start: MARK_START, end: MARK_END }, report, log);
  log('wrote docs/BENCHMARKS.md');
}

const sum = (/** @type {number[]} */ values) => values.reduce((a, b) => a + b, 0);

// ---- reporting --------------------------------------------------------------------------------

const ms = (/** @type {number} */ v) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '–');
const rate = (/** @type {number} */ v) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '–');
const errorsOf = (/** @type {any[]} */ runs) => {
  /** @type {Record<string, number>} */
  const total = {};
  for (const run of runs) {
    for (const [status, n] of Object.entries(run.statuses))
      if (!status.startsWith('2')) total[status] = (total[status] ?? 0) + n;
  }
  const unfinished = runs.reduce((sum, run) => sum + run.unfinished, 0);
  if (unfinished) total.unfinished = unfinished;
  const text = Object.entries(total)
    .map(([status, n]) => `${n}× ${status}`)
    .join(', ');
  return text || 'none';
};

function renderReport(
  /** @type {any} */ { config, settings, results, held, stored, closeMs, closeOutcome, seedNotes, mixing },
) {
  const lines = [
    '## Submissions (`npm run bench`)',
    '',
    machineLines(settings),
    '',
    `Throughput: ${config.concurrency} submissions in flight for ${config.durationS} s per run, baseline and API runs interleaved, ` +
      `${config.rounds} round(s); medians of the rounds. The load generator is a separate Node process (undici). ` +
      'Baseline: a minimal Fastify + raw `pg` server doing only the durable writes of one submission in one transaction ' +
      '(receipt, code use, a sealed pending row padded, like the API’s, to 18 KB for the 2012 question set) on the same database. A submission is ~2.3 KB of JSON ' +
      '(the 2012 template with three long comments). "At N" means the wave already had N codes used (codes) or N answers (open link) before the run.',
    '',
    '| Scenario | Server | Submissions/s | p50 ms | p95 ms | p99 ms | Non-2xx (all rounds) | API / baseline |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- | ---: |',
  ];
  for (const [key, { baseline, api }] of Object.entries(results)) {
    const [mode, used] = key.split('@');
    const label = `${mode === 'codes' ? 'Codes' : 'Open link'}, at ${Number(used).toLocaleString('en')}`;
    const b = median(baseline.map((/** @type {any} */ r) => r.perSecond));
    const a = median(api.map((/** @type {any} */ r) => r.perSecond));
    const row = (
      /** @type {string} */ server,
      /** @type {any[]} */ runs,
      /** @type {number} */ perSecond,
      /** @type {string} */ ratio,
    ) =>
      `| ${label} | ${server} | ${rate(perSecond)}${runs.some((r) => r.exhausted) ? ' (ran out of codes)' : ''} | ${ms(median(runs.map((r) => r.p50)))} | ${ms(median(runs.map((r) => r.p95)))} | ${ms(median(runs.map((r) => r.p99)))} | ${errorsOf(runs)} | ${ratio} |`;
    lines.push(row('baseline', baseline, b, ''));
    lines.push(row('API', api, a, `${a / b >= 0.1 ? (a / b).toFixed(2) : (a / b).toPrecision(2)}×`));
  }
  if (Object.keys(seedNotes).length) {
    lines.push(
      '',
      `Seeding the "at ${config.used.toLocaleString('en')}" waves: codes: ${seedNotes.codes}; open link: ${seedNotes.open_link}.`,
    );
  }
  const heldErrors = errorsOf([held]);
  lines.push(
    '',
    `Held load: ${config.heldRate} coded submissions/s, open loop (each one sent on schedule whatever the server does; latency from its scheduled time), for ${config.heldS} s.`,
    '',
    '| Sent | Acknowledged (2xx) | Stored after close | Acknowledged = stored | p50 ms | p95 ms | p99 ms | max ms | Non-2xx | Close |',
    '| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | --- |',
    `| ${held.sent} | ${held.acknowledged} | ${stored} | ${held.acknowledged === stored ? 'yes' : `**no** (${stored - held.acknowledged > 0 ? '+' : ''}${stored - held.acknowledged})`} | ${ms(held.p50)} | ${ms(held.p95)} | ${ms(held.p99)} | ${ms(held.max)} | ${heldErrors} | ${closeOutcome} in ${ms(closeMs)} ms |`,
  );
  const batches = [...mixing.batchesWhileOpen].sort((a, b) => a - b);
  const waitingSorted = [...mixing.waiting].sort((a, b) => a - b);
  const medianWaiting = waitingSorted[Math.floor(waitingSorted.length / 2)] ?? 0;
  lines.push(
    '',
    `Mixing during the held load (the API's mixer runs every ${process.env.MIXER_INTERVAL_MS ?? 1000} ms): ${batches.length} batches while the wave was open, sizes min ${batches[0] ?? '–'}, median ${batches[Math.floor(batches.length / 2)] ?? '–'}, max ${batches.at(-1) ?? '–'}; the batch mixed at closing: ${mixing.lastBatch ?? '–'}. Answers waiting to be mixed (sampled every 0.5 s): median ${medianWaiting}, max ${waitingSorted.at(-1) ?? '–'}, so an answer waited about ${((medianWaiting / config.heldRate) * 1000).toFixed(0)} ms on average before it was counted (Little's law: waiting ÷ arrival rate).`,
  );
  return lines.join('\n');
}

// Last, so that every helper above is initialised before it runs.
try {
  await main();
} catch (error) {
  process.stderr.write(`bench: failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await cleanup();
}

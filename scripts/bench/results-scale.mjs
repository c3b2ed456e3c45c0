// Results at scale: a closed wave of the 2012 template with N answers, its results and every
// breakdown through the real API against the same aggregation sent straight to PostgreSQL with
// `pg` (the "psql" baseline), and the raw-responses export's time and the API's peak memory.
// Writes its section of docs/BENCHMARKS.md. See scripts/bench/README.md for the knobs.
//
//   node scripts/bench/results-scale.mjs        (BENCH_SCALE_SIZES=100000,1000000)
import { execFileSync } from 'node:child_process';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { findFreePort } from '@enkat/db';
import { startThrowawayDatabase } from '@enkat/db/testing';
import pg from 'pg';
import { Agent, fetch as undiciFetch } from 'undici';
import {
  adminCaller,
  apiProcessEnv,
  benchSecret,
  envNumber,
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
  /** Answers (responses) per measured wave, one wave per size, smallest first. */
  sizes: (process.env.BENCH_SCALE_SIZES ?? '100000,1000000')
    .split(',')
    .map((size) => Number(size.trim()))
    .filter((size) => Number.isInteger(size) && size > 0)
    .sort((a, b) => a - b),
  rounds: envNumber('BENCH_SCALE_ROUNDS', 3),
  /** Rounds that also download the raw export (each one reads the whole wave twice). */
  exportRounds: envNumber('BENCH_SCALE_EXPORT_ROUNDS', 3),
  breakdowns: (process.env.BENCH_SCALE_BREAKDOWNS ?? 'q9,q10')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean),
  /** Longest wait for one request, headers and body. */
  timeoutS: envNumber('BENCH_SCALE_TIMEOUT_S', 900),
};
const log = (/** @type {string} */ message) => process.stderr.write(`bench:scale: ${message}\n`);
const OWNER = { email: 'bench-owner@example.org', password: 'a long enough bench password' };
const ANALYST = { email: 'bench-analyst@example.org', password: 'another long bench password' };
const MARKERS = { start: '<!-- bench:results-scale:start -->', end: '<!-- bench:results-scale:end -->' };
const RAW_FILES = /** @type {const} */ (['responses.csv', 'responses.xlsx']);
/** No client-side time limits but ours (undici's default is 300 s before the first header). */
const dispatcher = new Agent({ headersTimeout: 0, bodyTimeout: 0 });

// ---- the aggregation the API runs, sent as plain SQL ------------------------------------------
// The same statements as apps/api/src/results/result-counts.ts and disclosure.ts (a results
// request: responses, answers per option, writers; with a breakdown also answers per option per
// group; the first request after start also the wave's disclosure decision: pairs of background
// answers and who answered each question per background group). The 2012 template has no
// multiple-choice question, so the API's count(DISTINCT ...) queries for those are not sent.
// One connection, one statement after another, the database's own settings: what psql would do.

/** @typedef {{ name: string, text: string, values: unknown[] }} TStatement */

const BACKGROUND = ['q9', 'q10', 'q11'];

/** @param {string} waveId @returns {TStatement[]} */
const resultsSql = (waveId) => [
  { name: 'responses', text: 'SELECT count(*)::int AS n FROM response WHERE wave_id = $1::uuid', values: [waveId] },
  {
    name: 'options',
    text: `SELECT question_id AS "questionId", option_id AS "optionId", count(*)::int AS count
             FROM response_choice
            WHERE wave_id = $1::uuid
            GROUP BY question_id, option_id`,
    values: [waveId],
  },
  {
    name: 'writers',
    text: `SELECT question_id AS "questionId", count(*)::int AS answered
             FROM response_text
            WHERE wave_id = $1::uuid
            GROUP BY question_id`,
    values: [waveId],
  },
];

/** @param {string} waveId @param {string} backgroundId @returns {TStatement[]} */
const breakdownSql = (waveId, backgroundId) => [
  ...resultsSql(waveId),
  {
    name: 'options by group',
    text: `SELECT c.question_id AS "questionId", g.option_id AS "groupKey", c.option_id AS "optionId",
                  count(*)::int AS count
             FROM response_choice c
             JOIN response_choice g
               ON g.response_id = c.response_id AND g.wave_id = $1::uuid AND g.question_id = $2
            WHERE c.wave_id = $1::uuid AND c.question_id <> $2
            GROUP BY c.question_id, g.option_id, c.option_id`,
    values: [waveId, backgroundId],
  },
];

/** @param {string} waveId @returns {TStatement[]} */
const decisionSql = (waveId) => [
  {
    name: 'background pairs',
    text: `SELECT p.question_id AS a, p.option_id AS x, q.question_id AS b, q.option_id AS y, count(*)::int AS count
             FROM response_choice p
             JOIN response_choice q
               ON q.response_id = p.response_id AND q.wave_id = $1::uuid
              AND q.question_id = ANY($2::text[]) AND q.question_id > p.question_id
            WHERE p.wave_id = $1::uuid AND p.question_id = ANY($2::text[])
            GROUP BY 1, 2, 3, 4`,
    values: [waveId, BACKGROUND],
  },
  {
    name: 'answered by every group',
    text: `WITH answered AS (
             SELECT DISTINCT response_id, question_id FROM response_choice
              WHERE wave_id = $1::uuid AND NOT (question_id = ANY($2::text[]))
           )
           SELECT a.question_id AS "questionId", g.question_id AS b, g.option_id AS y, count(*)::int AS answered
             FROM answered a
             JOIN response_choice g
               ON g.response_id = a.response_id AND g.wave_id = $1::uuid
              AND g.question_id = ANY($2::text[])
            GROUP BY 1, 2, 3`,
    values: [waveId, BACKGROUND],
  },
];

// ---- seeding ----------------------------------------------------------------------------------

/**
 * Who answered what, drawn per respondent with one random number per question: a share skips
 * each question, the options get realistic, uneven shares, and the background questions hold a
 * few small groups (3 in "annat" area; 4 "annan" role with under 2 years), so the disclosure
 * control has cells to hide. Comments: q7 from 30 %, q8 from 25 %, q12 from 10 %.
 * Each entry: question, [option, cumulative share]...; what is left is skipped.
 */
const SPREAD = /** @type {const} */ ([
  ['q1', ['ja', 0.58], ['nej', 0.84], ['dont-know', 0.95]],
  ['q2', ['s1', 0.31], ['s2', 0.62], ['s3', 0.8], ['s4', 0.88], ['dont-know', 0.96]],
  ['q3', ['s1', 0.42], ['s2', 0.7], ['s3', 0.84], ['s4', 0.9], ['dont-know', 0.97]],
  ['q4', ['s1', 0.12], ['s2', 0.41], ['s3', 0.7], ['s4', 0.84], ['dont-know', 0.95]],
  ['q5', ['s1', 0.06], ['s2', 0.3], ['s3', 0.62], ['s4', 0.86], ['dont-know', 0.96]],
  ['q6', ['s1', 0.08], ['s2', 0.33], ['s3', 0.66], ['s4', 0.92], ['dont-know', 0.97]],
  ['q9', ['socialsekreterare', 0.58], ['bistandsbedomare', 0.9], ['annan', 0.97]],
  ['q10', ['ekonomiskt-bistand', 0.41], ['barn-och-unga', 0.74], ['vuxna-missbruk', 0.95]],
  ['q11', ['under-2', 0.14], ['2-5', 0.44], ['6-10', 0.69], ['over-10', 0.93]],
]);
const COMMENTS = /** @type {const} */ ([
  ['q7', 0.3, 'Budgeten styr besluten mer än klientens behov, och det märks i ärendena. '],
  ['q8', 0.25, 'Vi hinner inte dokumentera ordentligt och rättssäkerheten blir lidande. '],
  ['q12', 0.1, 'Tack för att ni frågar, det behövs en ärlig bild av läget. '],
]);

/**
 * Fills a closed wave with n responses straight into response, response_choice and
 * response_text (this benchmark measures reading, not submitting), then VACUUM ANALYZE.
 *
 * @param {pg.Pool} sql
 * @param {string} waveId
 * @param {number} n
 */
async function seed(sql, waveId, n) {
  const client = await sql.connect();
  try {
    await client.query('DROP TABLE IF EXISTS bench_seed');
    // One row per respondent, ids in order, so the answer rows go into their indexes in order.
    await client.query(
      `CREATE UNLOGGED TABLE bench_seed AS
         SELECT g, gen_random_uuid() AS id, ${SPREAD.map((_, i) => `random() AS r${i}`).join(', ')},
                ${COMMENTS.map((_, i) => `random() AS t${i}`).join(', ')}
           FROM generate_series(1, ${Math.trunc(n)}) g`,
    );
    await client.query('CREATE INDEX ON bench_seed (id)');
    // A few small groups on purpose (the first respondents), for the disclosure control to find.
    const r = (/** @type {string} */ q) => `r${SPREAD.findIndex(([id]) => id === q)}`;
    await client.query(`UPDATE bench_seed SET ${r('q10')} = 0.99 WHERE ${r('q10')} >= 0.95`);
    await client.query(`UPDATE bench_seed SET ${r('q10')} = 0.951 WHERE g <= 3`);
    await client.query(`UPDATE bench_seed SET ${r('q11')} = 0.5 WHERE ${r('q9')} >= 0.9 AND ${r('q11')} < 0.14`);
    await client.query(`UPDATE bench_seed SET ${r('q9')} = 0.95, ${r('q11')} = 0.05 WHERE g BETWEEN 4 AND 7`);
    await client.query('ANALYZE bench_seed');
    // The bench's own rows are consistent by construction: skip the per-row foreign-key checks.
    await client.query('SET session_replication_role = replica').catch(() => {});
    await client.query('INSERT INTO response (id, wave_id) SELECT id, $1::uuid FROM bench_seed ORDER BY id', [waveId]);
    const picks = SPREAD.map(([question, ...options], i) => {
      const cases = options.map(([option, upTo]) => `WHEN r${i} < ${upTo} THEN '${option}'`).join(' ');
      // q10's "annat" only for the few placed there above.
      const small = question === 'q10' ? ` WHEN r${i} BETWEEN 0.95 AND 0.96 THEN 'annat'` : '';
      return `('${question}', CASE ${cases}${small} END)`;
    });
    await client.query(
      `INSERT INTO response_choice (response_id, wave_id, question_id, option_id)
       SELECT s.id, $1::uuid, a.question_id, a.option_id
         FROM bench_seed s
        CROSS JOIN LATERAL (VALUES ${picks.join(', ')}) AS a(question_id, option_id)
        WHERE a.option_id IS NOT NULL
        ORDER BY s.id, a.question_id`,
      [waveId],
    );
    for (const [i, [question, share, sentence]] of COMMENTS.entries()) {
      await client.query(
        `INSERT INTO response_text (response_id, wave_id, question_id, text)
         SELECT id, $1::uuid, $2, rtrim(repeat($3, 1 + (g % 6)))
           FROM bench_seed WHERE t${i} < $4 ORDER BY id`,
        [waveId, question, sentence, share],
      );
    }
    await client.query('SET session_replication_role = DEFAULT').catch(() => {});
    await client.query('DROP TABLE bench_seed');
    await client.query('VACUUM ANALYZE response, response_choice, response_text');
  } finally {
    client.release();
  }
}

// ---- measuring ----------------------------------------------------------------------------------

/**
 * One timed GET of the API as the analyst, the body read to the end (and thrown away).
 *
 * @param {string} url
 * @param {string} cookie
 * @returns {Promise<{ ms: number, status: number, bytes: number, tail: string }>}
 */
async function timedGet(url, cookie) {
  const started = performance.now();
  try {
    const response = await undiciFetch(url, {
      headers: { ...SAME_ORIGIN, cookie },
      dispatcher,
      signal: AbortSignal.timeout(config.timeoutS * 1000),
    });
    let bytes = 0;
    let tail = '';
    if (response.body) {
      // Streamed to /dev/null; the last bytes are kept to check a CSV's closing line.
      const counter = new Transform({
        transform(chunk, _encoding, done) {
          bytes += chunk.length;
          tail = (tail + chunk.subarray(-200).toString('latin1')).slice(-200);
          done(null, chunk);
        },
      });
      await pipeline(
        Readable.fromWeb(/** @type {import('node:stream/web').ReadableStream} */ (response.body)),
        counter,
        createWriteStream('/dev/null'),
      );
    }
    return { ms: performance.now() - started, status: response.status, bytes, tail };
  } catch (error) {
    log(`  ${url}: ${error instanceof Error ? error.message : String(error)}`);
    return { ms: performance.now() - started, status: 0, bytes: 0, tail: '' };
  }
}

/**
 * The statements one after another on one connection; the total time.
 *
 * @param {pg.Pool} sql
 * @param {TStatement[]} statements
 */
async function timedSql(sql, statements) {
  const client = await sql.connect();
  try {
    const started = performance.now();
    for (const { text, values } of statements) await client.query(text, values);
    return performance.now() - started;
  } finally {
    client.release();
  }
}

/** @param {number} pid @param {string} field VmRSS or VmHWM, in kB */
const procStatus = (pid, field) => {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : Number.NaN;
};

/**
 * A download with the API process's memory: its peak RSS (VmHWM) is reset first (writing 5 to
 * /proc/<pid>/clear_refs), then read after the download; RSS is also sampled every 100 ms as a
 * check. Growth = peak − RSS just before the request.
 *
 * @param {number} pid
 * @param {() => Promise<{ ms: number, status: number, bytes: number, tail: string }>} download
 */
async function withMemory(pid, download) {
  let reset = true;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    reset = false;
  }
  const before = procStatus(pid, 'VmRSS');
  let sampled = before;
  const sampler = setInterval(() => {
    try {
      sampled = Math.max(sampled, procStatus(pid, 'VmRSS'));
    } catch {}
  }, 100);
  const result = await download();
  clearInterval(sampler);
  const hwm = reset ? procStatus(pid, 'VmHWM') : Number.NaN;
  const peak = Number.isFinite(hwm) ? Math.max(hwm, sampled) : sampled;
  return { ...result, rssBefore: before, peak, growth: peak - before, sampledPeak: sampled, hwmReset: reset };
}

// ---- the run ------------------------------------------------------------------------------------

async function main() {
  if (config.sizes.length === 0) throw new Error('BENCH_SCALE_SIZES names no size');
  log('starting a throwaway PostgreSQL and migrating it');
  const database = await startThrowawayDatabase({ rootDir: ROOT });
  cleanups.push(() => database.stop());
  const sql = new pg.Pool({ connectionString: database.url, max: 3 });
  cleanups.push(() => sql.end());
  const settings = Object.fromEntries(
    (
      await sql.query(
        `SELECT name, setting FROM pg_settings
          WHERE name IN ('server_version', 'synchronous_commit', 'fsync', 'shared_buffers', 'work_mem', 'max_parallel_workers_per_gather')`,
      )
    ).rows.map((row) => [row.name, row.setting]),
  );
  for (const [who, role] of /** @type {const} */ ([
    [OWNER, 'owner'],
    [ANALYST, 'analyst'],
  ])) {
    execFileSync(
      process.execPath,
      ['apps/api/dist/cli/admin-create.js', '--email', who.email, '--name', role, '--role', role, '--password-stdin'],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, DATABASE_URL: database.url },
        input: who.password,
        stdio: ['pipe', 'ignore', 'inherit'],
      },
    );
  }

  const secret = benchSecret();
  const apiPort = await findFreePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  /** @type {ReturnType<typeof startNode> | null} */
  let api = null;
  cleanups.push(() => api?.stop() ?? Promise.resolve());
  /** A fresh API process: nothing remembered (the disclosure decision is kept per process). */
  const restartApi = async () => {
    await api?.stop();
    const next = startNode(
      'api',
      ['apps/api/dist/server.js'],
      apiProcessEnv({ databaseUrl: database.url, port: apiPort, secret }),
    );
    api = next;
    if (!(await waitForOk(`${apiUrl}/api/health`, { isAlive: next.isAlive }))) {
      throw new Error(`the API did not come up:\n${next.output()}`);
    }
    return /** @type {number} */ (next.child.pid);
  };
  await restartApi();
  const owner = adminCaller(apiUrl, await login(apiUrl, OWNER.email, OWNER.password));
  const analyst = await login(apiUrl, ANALYST.email, ANALYST.password);

  /** @type {any[]} */
  const sizes = [];
  for (const n of config.sizes) {
    log(`${n.toLocaleString('en')} answers: a wave of the 2012 template, published and closed through the API`);
    const wave = await publishedWave(owner, 'open_link', `Results at ${n}`);
    await owner('POST', `/api/v1/waves/${wave.id}/close`, undefined);
    log(`  seeding ${n.toLocaleString('en')} responses with SQL`);
    const seedStarted = performance.now();
    await seed(sql, wave.id, n);
    const seedS = (performance.now() - seedStarted) / 1000;
    const [counts] = (
      await sql.query(
        `SELECT (SELECT count(*) FROM response WHERE wave_id = $1::uuid)::int AS responses,
                (SELECT count(*) FROM response_choice WHERE wave_id = $1::uuid)::int AS choices,
                (SELECT count(*) FROM response_text WHERE wave_id = $1::uuid)::int AS texts`,
        [wave.id],
      )
    ).rows;
    log(`  seeded in ${seedS.toFixed(0)} s: ${JSON.stringify(counts)}`);
    // Warm-up, so the first timed run does not pay for reading the tables from disk.
    await timedSql(sql, [...decisionSql(wave.id), ...breakdownSql(wave.id, config.breakdowns[0] ?? 'q9')]);

    const get = (/** @type {string} */ path) => () => timedGet(`${apiUrl}/api/v1/waves/${wave.id}${path}`, analyst);
    /** @type {{ name: string, api: () => Promise<any>, sql: TStatement[] }[]} */
    const cases = [
      // The first request also makes the decision: its statements, then the results' ones.
      {
        name: 'Results, first request (disclosure decision made)',
        api: get('/results'),
        sql: [...decisionSql(wave.id), ...resultsSql(wave.id)],
      },
      { name: 'Results', api: get('/results'), sql: resultsSql(wave.id) },
      ...config.breakdowns.map((b) => ({
        name: `Results by ${b}`,
        api: get(`/results?breakdown=${b}`),
        sql: breakdownSql(wave.id, b),
      })),
      ...config.breakdowns.map((b) => ({
        name: `Results export (results.csv) by ${b}`,
        api: get(`/exports/results.csv?breakdown=${b}`),
        sql: breakdownSql(wave.id, b),
      })),
    ];
    /** @type {Record<string, { api: any[], sql: number[] }>} */
    const timings = Object.fromEntries(cases.map((c) => [c.name, { api: [], sql: [] }]));
    /** @type {Record<string, any[]>} */
    const exports = Object.fromEntries(RAW_FILES.map((file) => [file, []]));
    for (let round = 1; round <= config.rounds; round++) {
      const pid = await restartApi();
      for (const c of cases) {
        const entry = /** @type {{ api: any[], sql: number[] }} */ (timings[c.name]);
        // API and baseline take turns going first, so neither always meets a warmer cache.
        const apiFirst = round % 2 === 1;
        if (!apiFirst) entry.sql.push(await timedSql(sql, c.sql));
        entry.api.push(await c.api());
        if (apiFirst) entry.sql.push(await timedSql(sql, c.sql));
        const last = entry.api.at(-1);
        log(
          `  round ${round}: ${c.name}: API ${last.ms.toFixed(0)} ms (${last.status}), SQL ${entry.sql.at(-1)?.toFixed(0)} ms`,
        );
      }
      if (round > config.exportRounds) continue;
      for (const file of RAW_FILES) {
        const result = await withMemory(pid, get(`/exports/${file}`));
        const complete = file.endsWith('.csv') ? completeCsv(result.tail, n) : result.status === 200;
        /** @type {any[]} */ (exports[file]).push({ ...result, complete });
        log(
          `  round ${round}: ${file}: ${(result.ms / 1000).toFixed(1)} s (${result.status}), ${(result.bytes / 2 ** 20).toFixed(0)} MiB, peak RSS ${(result.peak / 2 ** 20).toFixed(0)} MiB (+${(result.growth / 2 ** 20).toFixed(0)})${complete ? '' : ', INCOMPLETE'}`,
        );
      }
    }
    sizes.push({ n, counts, seedS, timings, exports });
  }
  const report = renderReport({ settings, sizes });
  process.stdout.write(`${report}\n`);
  await writeBenchSection(MARKERS, report, log);
  log('wrote docs/BENCHMARKS.md');
}

/** Whether a raw CSV ends with its closing line and says it holds n rows. */
function completeCsv(/** @type {string} */ tail, /** @type {number} */ n) {
  const match = /: (\d+) (?:rader|rows)\.\s*$/.exec(tail);
  return match !== null && Number(match[1]) === n;
}

// ---- reporting --------------------------------------------------------------------------------

const ms = (/** @type {number} */ v) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '–');
const mib = (/** @type {number} */ bytes) => (Number.isFinite(bytes) ? (bytes / 2 ** 20).toFixed(0) : '–');
const failures = (/** @type {{ status: number }[]} */ runs) => {
  const bad = runs.filter((run) => run.status !== 200).map((run) => (run.status === 0 ? 'no answer' : run.status));
  return bad.length ? ` (${bad.join(', ')})` : '';
};

function renderReport(/** @type {any} */ { settings, sizes }) {
  const lines = [
    '## Results at scale (`node scripts/bench/results-scale.mjs`, part of `npm run bench`)',
    '',
    machineLines(settings),
    `- work_mem=${settings.work_mem} kB, max_parallel_workers_per_gather=${settings.max_parallel_workers_per_gather} (the database's defaults, as the psql baseline runs; the API's counting transactions set max_parallel_workers_per_gather=0 and work_mem=64MB, see apps/api/src/results/result-counts.ts)`,
    '',
    'One closed wave of the 2012 template per size, made, published and closed through the API, then filled with ' +
      'SQL (`generate_series`): every question skipped by some, uneven shares over the options, background questions ' +
      'q9–q11 with a few small groups, comments on q7, q8, q12 from 30 %, 25 % and 10 %; then `VACUUM ANALYZE`. ' +
      'API: `GET /api/v1/waves/:id/results` (and `?breakdown=`, and the results CSV export by the same breakdown) as an analyst, ' +
      'the body read to the end, from a fresh API process each round (the first request makes and remembers the wave’s ' +
      'disclosure decision). psql: the same SQL statements as the API’s results module (`result-counts.ts`, and for the ' +
      'first request also `disclosure.ts`), sent with `pg` one after another on one connection. ' +
      `${config.rounds} round(s), API and psql taking turns going first; medians.`,
    '',
    '| Answers | Request | API ms | psql ms | API / psql | Failures |',
    '| ---: | --- | ---: | ---: | ---: | --- |',
  ];
  for (const { n, timings } of sizes) {
    for (const [name, { api, sql }] of Object.entries(timings)) {
      const a = median(api.map((/** @type {any} */ r) => (r.status === 200 ? r.ms : Number.NaN)));
      const b = median(sql);
      lines.push(
        `| ${n.toLocaleString('en')} | ${name} | ${ms(a)} | ${ms(b)} | ${Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '–'} | ${failures(api) || 'none'} |`,
      );
    }
  }
  lines.push(
    '',
    'Raw responses export, streamed to /dev/null. Peak memory: the API process’s peak RSS during the download ' +
      '(VmHWM of /proc/<pid>/status, reset by writing 5 to /proc/<pid>/clear_refs just before; RSS also sampled every ' +
      '100 ms, the larger is quoted); growth = peak − RSS just before the request. Complete: the CSV ends with its closing ' +
      'line naming every row; the XLSX answered 200 to the end.',
    '',
    '| Answers | File | Time s | Size MiB | Peak RSS MiB | Growth MiB | Complete | Rounds |',
    '| ---: | --- | ---: | ---: | ---: | ---: | --- | ---: |',
  );
  for (const { n, exports } of sizes) {
    for (const [file, runs] of Object.entries(exports)) {
      if (!runs.length) continue;
      const ok = runs.filter((/** @type {any} */ r) => r.status === 200);
      lines.push(
        `| ${n.toLocaleString('en')} | ${file} | ${(median(ok.map((/** @type {any} */ r) => r.ms)) / 1000).toFixed(1)} | ${mib(median(ok.map((/** @type {any} */ r) => r.bytes)))} | ${mib(median(runs.map((/** @type {any} */ r) => r.peak)))} | ${mib(median(runs.map((/** @type {any} */ r) => r.growth)))} | ${runs.every((/** @type {any} */ r) => r.complete) ? 'yes' : `**no**${failures(runs)}`} | ${runs.length} |`,
      );
    }
  }
  lines.push('', 'Seeding (SQL, not measured against anything):');
  for (const { n, counts, seedS } of sizes) {
    lines.push(
      `- ${n.toLocaleString('en')} responses: ${counts.choices.toLocaleString('en')} chosen options, ${counts.texts.toLocaleString('en')} comments, in ${seedS.toFixed(0)} s.`,
    );
  }
  return lines.join('\n');
}

/** @type {Array<() => Promise<void>>} */
const cleanups = [];
const cleanup = async () => {
  // Stopping PostgreSQL ends every idle pooled session: their 57P01 is expected then.
  process.on('uncaughtException', (error) => {
    if (/** @type {{ code?: string }} */ (error).code === '57P01') return;
    process.stderr.write(`bench:scale: ${error.stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
  for (const step of cleanups.reverse()) await step().catch(() => {});
  await dispatcher.close().catch(() => {});
};
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));

try {
  await main();
} catch (error) {
  process.stderr.write(`bench:scale: failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await cleanup();
}

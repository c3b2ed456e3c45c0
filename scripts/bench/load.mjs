// The load generator of `npm run bench`, in its own process so that it never shares an event
// loop with a server. Reads its job (JSON) from the file named in argv[2], prints one JSON
// result line on stdout.
//
// Job: { origin, path, mode: 'closed' | 'open', concurrency?, rate?, durationMs, drainMs?,
//        codes?: string[] (one per submission, in order), generateCodes?: boolean,
//        maxRequests?: number, answers, headers? }
// - closed: `concurrency` submissions in flight at all times for durationMs (a throughput test);
// - open: `rate` submissions per second on a fixed schedule for durationMs, whatever the server
//   does (latency counted from each submission's scheduled time, so queueing shows).
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';

const job = JSON.parse(await readFile(process.argv[2] ?? '', 'utf8'));
const durationMs = Number(job.durationMs);
const drainMs = Number(job.drainMs ?? 60_000);
const codes = /** @type {string[] | null} */ (job.codes ?? null);
const maxRequests = Math.min(
  Number(job.maxRequests ?? Number.POSITIVE_INFINITY),
  codes ? codes.length : Number.POSITIVE_INFINITY,
);

const pool = new Pool(job.origin, {
  connections: job.mode === 'closed' ? Number(job.concurrency) : 1024,
  pipelining: 1,
  headersTimeout: 120_000,
  bodyTimeout: 120_000,
  keepAliveTimeout: 30_000,
});

/** @type {Record<string, number>} */
const statuses = {};
/** @type {number[]} */
const latencies = [];
let sent = 0;
let okInWindow = 0;
let acknowledged = 0;
let exhausted = false;
const start = performance.now();
const windowEnd = start + durationMs;

/** One submission; scheduledAt is when it should have left (open loop) or when it left (closed). */
async function submitOne(/** @type {number} */ index, /** @type {number} */ scheduledAt) {
  const code = codes ? codes[index] : job.generateCodes ? randomBytes(9).toString('base64url') : undefined;
  const body = JSON.stringify({ idempotencyKey: randomUUID(), ...(code ? { code } : {}), answers: job.answers });
  let status = 'network_error';
  try {
    const response = await pool.request({
      method: 'POST',
      path: job.path,
      headers: { 'content-type': 'application/json', ...(job.headers ?? {}) },
      body,
    });
    await response.body.dump();
    status = String(response.statusCode);
  } catch (error) {
    status = `network_error:${/** @type {NodeJS.ErrnoException} */ (error).code ?? 'unknown'}`;
  }
  const now = performance.now();
  latencies.push(now - scheduledAt);
  statuses[status] = (statuses[status] ?? 0) + 1;
  if (status.startsWith('2')) {
    acknowledged++;
    if (now <= windowEnd) okInWindow++;
  }
}

/** @type {Set<Promise<void>>} */
const inFlight = new Set();
const track = (/** @type {Promise<void>} */ promise) => {
  inFlight.add(promise);
  promise.finally(() => inFlight.delete(promise));
  return promise;
};

if (job.mode === 'closed') {
  const worker = async () => {
    while (performance.now() < windowEnd) {
      if (sent >= maxRequests) {
        exhausted = codes !== null && sent >= codes.length;
        return;
      }
      const index = sent++;
      await track(submitOne(index, performance.now()));
    }
  };
  await Promise.all(Array.from({ length: Number(job.concurrency) }, worker));
} else {
  const rate = Number(job.rate);
  while (performance.now() < windowEnd && sent < maxRequests) {
    const due = Math.min(Math.floor(((performance.now() - start) / 1000) * rate), maxRequests);
    while (sent < due) {
      const index = sent++;
      track(submitOne(index, start + (index / rate) * 1000));
    }
    await sleep(1);
  }
  exhausted = codes !== null && sent >= codes.length && performance.now() < windowEnd;
}
const windowSeconds = (Math.min(performance.now(), windowEnd) - start) / 1000;
// Whatever is still in flight is waited for (up to drainMs) and counted in the latencies.
await Promise.race([Promise.allSettled([...inFlight]), sleep(drainMs)]);
const unfinished = inFlight.size;
await pool.destroy();

latencies.sort((a, b) => a - b);
const pct = (/** @type {number} */ p) =>
  latencies.length
    ? (latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0)
    : null;
process.stdout.write(
  `${JSON.stringify({
    sent,
    completed: latencies.length,
    unfinished,
    acknowledged,
    okInWindow,
    perSecond: okInWindow / windowSeconds,
    windowSeconds,
    exhausted,
    statuses,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    max: latencies.at(-1) ?? null,
  })}\n`,
);
process.exit(0);

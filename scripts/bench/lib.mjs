// Shared pieces of `npm run bench`: the API process's environment, child processes, the
// administrator's HTTP calls, the submission payload, and the report's machine lines and section.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from '../lib/util.mjs';

export { ROOT };
export const PUBLIC_ORIGIN = 'http://localhost:3000';
/** The headers a same-origin browser sends with a form submission (the API's CSRF check). */
export const SAME_ORIGIN = { origin: PUBLIC_ORIGIN, 'sec-fetch-site': 'same-origin' };

/**
 * The API process's whole environment, in one place. ENKAT_SECRET (base64 of 32 bytes) is taken
 * from this shell or made once per bench run; MIXER_INTERVAL_MS is passed on when set. Any
 * `BENCH_API_<NAME>=value` in this shell becomes `<NAME>=value` for the API.
 *
 * @param {{ databaseUrl: string, port: number, secret: string }} options
 * @returns {Record<string, string>}
 */
export function apiProcessEnv({ databaseUrl, port, secret }) {
  /** @type {Record<string, string>} */
  const env = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
    LOG_LEVEL: 'warn',
    PUBLIC_ORIGIN,
    ENKAT_SECRET: secret,
  };
  if (process.env.MIXER_INTERVAL_MS) env.MIXER_INTERVAL_MS = process.env.MIXER_INTERVAL_MS;
  for (const [name, value] of Object.entries(process.env)) {
    if (name.startsWith('BENCH_API_') && value !== undefined) env[name.slice('BENCH_API_'.length)] = value;
  }
  return env;
}

/** The deployment secret for this run: ENKAT_SECRET from the shell, else 32 fresh random bytes. */
export const benchSecret = () => process.env.ENKAT_SECRET || randomBytes(32).toString('base64');

/**
 * A child process whose output is kept (the last 200 lines) for when it fails.
 *
 * @param {string} name
 * @param {string[]} args node arguments
 * @param {Record<string, string>} env
 */
export function startNode(name, args, env) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  /** @type {string[]} */
  const lines = [];
  const keep = (/** @type {Buffer} */ chunk) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  const exit = new Promise((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve(undefined);
    }),
  );
  return {
    name,
    child,
    output: () => lines.join('\n'),
    isAlive: () => !exited,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/**
 * Polls url until it answers 200.
 *
 * @param {string} url
 * @param {{ timeoutMs?: number, isAlive?: () => boolean }} [options]
 */
export async function waitForOk(url, { timeoutMs = 60_000, isAlive = () => true } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) return false;
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return true;
    await sleep(200);
  }
  return false;
}

/**
 * An administrator's JSON calls to the API, with a same-origin browser's headers.
 *
 * @param {string} apiUrl
 * @param {string} cookie
 */
export function adminCaller(apiUrl, cookie) {
  return async (/** @type {string} */ method, /** @type {string} */ path, /** @type {unknown} */ body) => {
    // A busy API may answer 5xx for a while (its pool taken by the load): try again, for a minute.
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(`${apiUrl}${path}`, {
        method,
        headers: { ...SAME_ORIGIN, cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (response.status >= 500 && attempt < 12) {
        await sleep(5_000);
        continue;
      }
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
      return text ? JSON.parse(text) : null;
    }
  };
}

/**
 * Logs in and answers the Cookie header.
 *
 * @param {string} apiUrl
 * @param {string} email
 * @param {string} password
 */
export async function login(apiUrl, email, password) {
  const response = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { ...SAME_ORIGIN, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('enkat_session='));
  if (!cookie) throw new Error('login: no session cookie');
  return cookie.split(';')[0] ?? '';
}

/**
 * A published wave of the 2012 template, open now, through the API.
 *
 * @param {ReturnType<typeof adminCaller>} call
 * @param {'codes' | 'open_link'} accessMode
 * @param {string} name
 * @returns {Promise<{ id: string, slug: string }>}
 */
export async function publishedWave(call, accessMode, name) {
  const wave = await call('POST', '/api/v1/series', {
    name,
    waveName: 'bench',
    source: { kind: 'template', templateId: 'socialtjanst-2012' },
  });
  const hour = 3_600_000;
  await call('PUT', `/api/v1/waves/${wave.id}/settings`, {
    revision: wave.revision,
    settings: {
      ...wave.settings,
      opensAt: new Date(Date.now() - hour).toISOString(),
      closesAt: new Date(Date.now() + 48 * hour).toISOString(),
      accessMode,
      invitedCount: null,
      // These waves open first and get their codes after: allow codes once open.
      codesLockedWhenOpen: false,
    },
  });
  const published = await call('POST', `/api/v1/waves/${wave.id}/publish`, { revision: wave.revision + 1 });
  return { id: published.id, slug: published.slug };
}

/**
 * Issues count codes in batches of at most 5,000 (the API's limit).
 *
 * @param {ReturnType<typeof adminCaller>} call
 * @param {string} waveId
 * @param {number} count
 * @returns {Promise<string[]>}
 */
export async function issueCodes(call, waveId, count) {
  /** @type {string[]} */
  const codes = [];
  while (codes.length < count) {
    const batch = await call('POST', `/api/v1/waves/${waveId}/codes`, { count: Math.min(5_000, count - codes.length) });
    codes.push(...batch.codes);
  }
  return codes;
}

/**
 * A complete answer set to the 2012 template, about 2.3 KB as JSON: the closed questions and
 * three long comments, as a respondent with something to say would send it.
 */
export const BENCH_ANSWERS = {
  q1: 'ja',
  q2: 's1',
  q3: 's2',
  q4: 'dont-know',
  q5: 's2',
  q6: 's4',
  q7: 'Budgeten styr besluten mer än klientens behov, och det märks i varje ärende. '.repeat(14).trim(),
  q8: 'Vi hinner inte dokumentera ordentligt och rättssäkerheten blir lidande. '.repeat(10).trim(),
  q12: 'Tack för att ni frågar, det behövs en ärlig bild av läget på golvet. '.repeat(5).trim(),
};

/**
 * A benchmark setting from the environment: a number of at least 0, else `fallback`.
 *
 * @param {string} name
 * @param {number} fallback
 */
export function envNumber(name, fallback) {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number`);
  return value;
}

/**
 * The median of the finite values, NaN when there are none.
 *
 * @param {number[]} values
 */
export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The machine a report was measured on, as markdown list items: date, CPU and load, memory,
 * Node.js and the database's settings (from pg_settings: server_version, synchronous_commit,
 * fsync, shared_buffers).
 *
 * @param {Record<string, string>} settings
 */
export function machineLines(settings) {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  return [
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- CPU: ${model}, ${cpus().length} cores (shared with other work; load average at the end ${load})`,
    `- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node.js ${process.version}; PostgreSQL ${settings.server_version} (embedded, throwaway), synchronous_commit=${settings.synchronous_commit}, fsync=${settings.fsync}, shared_buffers=${settings.shared_buffers}×8kB`,
  ].join('\n');
}

/**
 * Writes report between the start and end markers of docs/BENCHMARKS.md (appended with its
 * markers when they are not there yet; the file is made when missing), leaves the rest of the
 * file alone, and lays it out with Biome the way `npm run lint` wants it.
 *
 * @param {{ start: string, end: string }} markers
 * @param {string} report
 * @param {(message: string) => void} log
 */
export async function writeBenchSection({ start: mark, end: endMark }, report, log) {
  const file = join(ROOT, 'docs', 'BENCHMARKS.md');
  const existing = await readFile(file, 'utf8').catch(
    () =>
      '# Benchmarks\n\nEach benchmark writes its own section between its markers; the rest of this file is left alone.\n',
  );
  const section = `${mark}\n${report}\n${endMark}`;
  const start = existing.indexOf(mark);
  const end = existing.indexOf(endMark);
  const next =
    start >= 0 && end > start
      ? `${existing.slice(0, start)}${section}${existing.slice(end + endMark.length)}`
      : `${existing.trimEnd()}\n\n${section}\n`;
  await mkdir(join(ROOT, 'docs'), { recursive: true });
  await writeFile(file, next);
  // Laid out the way `npm run lint` wants it (aligned table columns).
  try {
    execFileSync(join(ROOT, 'node_modules', '.bin', 'biome'), ['format', '--write', file], {
      cwd: ROOT,
      stdio: 'ignore',
    });
  } catch {
    log('could not format docs/BENCHMARKS.md with Biome; run `npm run format`');
  }
}

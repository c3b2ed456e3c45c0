import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '@enkat/db';
import { ZIssuedCodes, ZWave } from '@enkat/survey-schema';
import { inject } from 'vitest';
import { PUBLIC_ORIGIN, SAME_ORIGIN, testSecret } from '../helpers.js';
import { ANSWERS_2012 } from '../survey-helpers.js';

/** The repository root, where `node apps/api/dist/server.js` runs from. */
export const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));

/** A deployment secret as the API takes it: base64 of 32 random bytes. */
export const newSecret = () => randomBytes(32).toString('base64');

export type TApiProcessOptions = {
  databaseUrl: string;
  port: number;
  /** ENKAT_SECRET; keep the same one across restarts of one deployment. */
  secret: string;
  /** MIXER_INTERVAL_MS: how often the mixer looks for pending answers. */
  mixerIntervalMs?: number;
  /** Anything else the API process should see. */
  extra?: Record<string, string>;
};

/** The API process's whole environment, in one place: nothing leaks in from the test runner's. */
export function apiProcessEnv(options: TApiProcessOptions): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    DATABASE_URL: options.databaseUrl,
    API_HOST: '127.0.0.1',
    API_PORT: String(options.port),
    LOG_LEVEL: 'warn',
    PUBLIC_ORIGIN,
    ENKAT_SECRET: options.secret,
    ...(options.mixerIntervalMs === undefined ? {} : { MIXER_INTERVAL_MS: String(options.mixerIntervalMs) }),
    ...options.extra,
  };
}

export type TApiProcess = {
  url: string;
  pid: number;
  /** Its stdout and stderr so far, for failure messages. */
  output(): string;
  isAlive(): boolean;
  /** Sends the signal and resolves when the process has gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
  /** Starts a fresh process with the same options (same port, same secret). */
  restart(): Promise<TApiProcess>;
};

/** Polls /api/health until it answers 200 (the database reachable too). */
export async function waitForHealth(
  url: string,
  { timeoutMs = 30_000, isAlive = () => true }: { timeoutMs?: number; isAlive?: () => boolean } = {},
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) return false;
    const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return true;
    await sleep(100);
  }
  return false;
}

/** Spawns `node apps/api/dist/server.js` with apiProcessEnv(options) and waits until it is healthy. */
export async function startApiProcess(options: TApiProcessOptions): Promise<TApiProcess> {
  const child = spawn(process.execPath, ['apps/api/dist/server.js'], {
    cwd: ROOT,
    env: apiProcessEnv(options),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    if (lines.length > 300) lines.splice(0, lines.length - 300);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let alive = true;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      alive = false;
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${options.port}`;
  const api: TApiProcess = {
    url,
    pid: child.pid ?? -1,
    output: () => lines.join('\n'),
    isAlive: () => alive,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (!alive) return;
      child.kill(signal);
      await exited;
    },
    async stop() {
      if (!alive) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
    restart: () => startApiProcess(options),
  };
  if (!(await waitForHealth(url, { isAlive: api.isAlive }))) {
    await api.kill();
    throw new Error(`the API process did not become healthy:\n${api.output()}`);
  }
  return api;
}

/**
 * The API process on this test run's database with the run's secret (testSecret in helpers.ts),
 * on a free port unless told otherwise.
 */
export async function startTestApiProcess(options: Partial<TApiProcessOptions> = {}): Promise<TApiProcess> {
  return startApiProcess({
    databaseUrl: inject('databaseUrl'),
    port: options.port ?? (await findFreePort()),
    secret: testSecret().toString('base64'),
    ...options,
  });
}

export type TOutcome = {
  /** The HTTP status, or 0 when no answer came (refused, reset, timed out). */
  status: number;
  retryAfter: string | null;
  body: unknown;
  ms: number;
};

/** One JSON request; never throws: a missing answer is status 0. */
export async function request(
  url: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<TOutcome> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { ...SAME_ORIGIN, ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(45_000),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: parsed,
      ms: performance.now() - started,
    };
  } catch {
    return { status: 0, retryAfter: null, body: null, ms: performance.now() - started };
  }
}

/** Logs in over HTTP and answers the Cookie header. */
export async function loginOverHttp(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { ...SAME_ORIGIN, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('enkat_session='));
  if (!response.ok || !cookie) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return cookie.split(';')[0] ?? '';
}

/** An administrator's calls over HTTP; throws on anything but 2xx. The URL may change (restarts). */
export function adminOverHttp(url: () => string, cookie: string) {
  return async (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<unknown> => {
    const outcome = await request(url(), method, path, body, { cookie });
    if (outcome.status < 200 || outcome.status >= 300) {
      throw new Error(`${method} ${path}: ${outcome.status} ${JSON.stringify(outcome.body)}`);
    }
    return outcome.body;
  };
}
export type TAdminCall = ReturnType<typeof adminOverHttp>;

/** A series from the 2012 template with one wave, published and open now, made over HTTP. */
export async function publishedWaveOverHttp(call: TAdminCall, accessMode: 'codes' | 'open_link') {
  const wave = ZWave.parse(
    await call('POST', '/api/v1/series', {
      name: `Resilience ${randomUUID()}`,
      waveName: '2026',
      source: { kind: 'template', templateId: 'socialtjanst-2012' },
    }),
  );
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
  const published = ZWave.parse(
    await call('POST', `/api/v1/waves/${wave.id}/publish`, { revision: wave.revision + 1 }),
  );
  if (!published.slug) throw new Error('a published wave without a respondent address');
  return { id: published.id, slug: published.slug };
}

export async function issueCodesOverHttp(call: TAdminCall, waveId: string, count: number): Promise<string[]> {
  const codes: string[] = [];
  while (codes.length < count) {
    const batch = ZIssuedCodes.parse(
      await call('POST', `/api/v1/waves/${waveId}/codes`, { count: Math.min(5_000, count - codes.length) }),
    );
    codes.push(...batch.codes);
  }
  return codes;
}

/** Closes a wave through the API (which, from the mixer on, also flushes its pending answers). */
export async function closeWaveOverHttp(call: TAdminCall, waveId: string): Promise<void> {
  await call('POST', `/api/v1/waves/${waveId}/close`);
}

/**
 * One respondent's submission. Its last comment (q12) carries a marker unique to it, so a test
 * can find in the stored answers whether it was stored, and how many times.
 */
export type TSubmission = {
  idempotencyKey: string;
  code?: string;
  answers: Record<string, unknown>;
  marker: string;
};

export function makeSubmission(n: number, code?: string): TSubmission {
  const marker = `Provsvar ${n} ${randomUUID()}`;
  return { idempotencyKey: randomUUID(), ...(code ? { code } : {}), answers: { ...ANSWERS_2012, q12: marker }, marker };
}

export const submitOverHttp = (url: string, slug: string, submission: TSubmission) =>
  request(url, 'POST', `/api/v1/respond/${slug}/responses`, {
    idempotencyKey: submission.idempotencyKey,
    ...(submission.code ? { code: submission.code } : {}),
    answers: submission.answers,
  });

export type TSent = { submission: TSubmission; outcome: TOutcome; at: number };
export const acknowledged = (sent: TSent) => sent.outcome.status >= 200 && sent.outcome.status < 300;

export type TLoad = {
  /** Every submission answered so far, in the order of their answers. */
  sent: TSent[];
  acknowledgedCount(): number;
  /** Stops taking new submissions and resolves when the ones in flight have their outcome. */
  stop(): Promise<TSent[]>;
  /** Resolves when the queue is empty and everything has its outcome. */
  finished: Promise<TSent[]>;
};

/**
 * A steady stream of submissions: `concurrency` at a time, taken from the front of `queue`
 * (shared: a second load continues where a stopped one left off). After an answer that is not
 * 2xx a worker waits `pauseMs`, like a respondent pressing "Skicka" again a moment later.
 */
export function startLoad(options: {
  url: () => string;
  slug: string;
  queue: TSubmission[];
  concurrency: number;
  pauseMs?: number;
}): TLoad {
  const sent: TSent[] = [];
  let stopping = false;
  const worker = async () => {
    while (!stopping) {
      const submission = options.queue.shift();
      if (!submission) return;
      const outcome = await submitOverHttp(options.url(), options.slug, submission);
      sent.push({ submission, outcome, at: Date.now() });
      if (!(outcome.status >= 200 && outcome.status < 300)) await sleep(options.pauseMs ?? 20);
    }
  };
  const finished = Promise.all(Array.from({ length: options.concurrency }, worker)).then(() => sent);
  return {
    sent,
    acknowledgedCount: () => sent.filter(acknowledged).length,
    async stop() {
      stopping = true;
      return finished;
    },
    finished,
  };
}

/** Waits until the condition holds, or throws after timeoutMs. */
export async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

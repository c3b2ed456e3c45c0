import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { createDb, type TDb } from '@enkat/db';
import type { TAdminRole } from '@enkat/survey-schema';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp, type TAppEnv } from '../src/app.js';
import { hashPassword } from '../src/auth/passwords.js';

export const PUBLIC_ORIGIN = 'http://localhost:3000';
/** Headers a same-origin browser sends with a state-changing request. */
export const SAME_ORIGIN = { origin: PUBLIC_ORIGIN, 'sec-fetch-site': 'same-origin' } as const;
export const PASSWORD = 'a long enough password';
/** What the web app and the API share in tests (see src/auth/client-address.ts). */
export const PROXY_SECRET = 'the web app and the API share this';

export type TTestApp = { app: FastifyInstance; db: TDb; logLines: () => string[] };

/**
 * This test run's deployment secret: the same for every app built against the run's database
 * (the API refuses another), different from any other run's.
 */
export function testSecret(): TAppEnv['ENKAT_SECRET'] {
  const hex = createHash('sha256')
    .update(`enkat test secret:${inject('databaseUrl')}`)
    .digest('hex');
  return Buffer.from(hex, 'hex');
}

/**
 * The API's configuration for tests. The mixer does not run on its own here: tests mix when
 * they choose (mixNow in survey-helpers.ts), or close the wave, which mixes everything.
 */
export function testEnv(overrides: Partial<TAppEnv> = {}): TAppEnv {
  return {
    DATABASE_URL: inject('databaseUrl'),
    ENKAT_SECRET: testSecret(),
    MIXER_INTERVAL_MS: 0,
    DATABASE_POOL_SIZE: 10,
    LOG_LEVEL: 'info',
    PUBLIC_ORIGIN,
    NODE_ENV: 'test',
    SESSION_IDLE_MINUTES: 30,
    SESSION_MAX_HOURS: 12,
    LOGIN_CLIENT_LIMIT: 50,
    LOGIN_ACCOUNT_LIMIT: 100,
    PROXY_SECRET,
    OIDC_ORGANISATION_NAME: 'organisationens konto',
    OIDC_ALLOWED_DOMAINS: [],
    OIDC_REQUIRE_VERIFIED_EMAIL: true,
    SMTP_PORT: 587,
    SMTP_SECURE: false,
    MAIL_FROM: 'Enkät <enkat@example.org>',
    MAIL_RATE_PER_SECOND: 5,
    MAIL_RETRY_SECONDS: 30,
    ...overrides,
  };
}

/**
 * Builds the API against this test run's throwaway database (see packages/db/test/global-setup.ts)
 * and captures its log lines, so tests can assert what is and is not logged.
 */
export async function buildTestApp(overrides: Partial<TAppEnv> = {}): Promise<TTestApp> {
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const app = await buildApp({ env: testEnv(overrides), logStream });
  await app.ready();
  return { app, db: app.db, logLines: () => lines };
}

/**
 * The one documented way to reset data between tests: empties every table but the migrations
 * and the check value of the deployment's secret (configuration, not data).
 */
export async function resetDatabase(db: TDb = sharedDb()): Promise<void> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables
     WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'deployment_key_check')`;
  if (tables.length === 0) return;
  await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`);
}

let shared: TDb | undefined;
function sharedDb(): TDb {
  shared ??= createDb(inject('databaseUrl'), { maxConnections: 2 });
  return shared;
}

let counter = 0;
/** An active administrator with the test password. */
export async function createAdmin(db: TDb, role: TAdminRole, email = `${role}-${++counter}@example.org`) {
  return db.administrator.create({
    data: { email, name: `Test ${role}`, role, passwordHash: await hashPassword(PASSWORD) },
    select: { id: true, email: true, role: true },
  });
}

export function sessionCookieOf(response: LightMyRequestResponse, name = 'enkat_session'): string {
  const cookie = response.cookies.find((c) => c.name === name);
  if (!cookie) throw new Error(`no ${name} cookie in the response (status ${response.statusCode})`);
  return `${name}=${cookie.value}`;
}

/** Logs in through the API and answers the Cookie header for later requests. */
export async function login(app: FastifyInstance, email: string, password = PASSWORD): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: SAME_ORIGIN,
    payload: { email, password },
  });
  return sessionCookieOf(response);
}

/** A fingerprint of every row of every table, to prove a request changed nothing. */
export async function databaseSnapshot(db: TDb): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`;
  const snapshot: Record<string, string> = {};
  for (const { tablename } of tables) {
    const [row] = await db.$queryRawUnsafe<{ digest: string | null; n: bigint }[]>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest, count(*) AS n FROM "${tablename}" t`,
    );
    snapshot[tablename] = `${row?.n}:${row?.digest ?? ''}`;
  }
  return snapshot;
}

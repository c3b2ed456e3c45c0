import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../src/app.js';

export type TTestApp = { app: FastifyInstance; logLines: () => string[] };

/**
 * Builds the API against this test run's throwaway database (see packages/db/test/global-setup.ts)
 * and captures its log lines, so tests can assert what is and is not logged.
 */
export async function buildTestApp(overrides: { databaseUrl?: string } = {}): Promise<TTestApp> {
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const app = await buildApp({
    env: {
      DATABASE_URL: overrides.databaseUrl ?? inject('databaseUrl'),
      LOG_LEVEL: 'info',
      PUBLIC_ORIGIN: 'http://localhost:3000',
      NODE_ENV: 'test',
    },
    logStream,
  });
  await app.ready();
  return { app, logLines: () => lines };
}

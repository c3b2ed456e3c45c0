import { type TMailing, ZMailing } from '@enkat/survey-schema';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { TAppEnv } from '../../src/app.js';
import { buildTestApp, createAdmin, login, resetDatabase } from '../helpers.js';
import { adminCaller } from '../survey-helpers.js';
import { startSmtpTestServer, type TSmtpTestServer } from './smtp-test-server.js';

export type TMailingTest = { app: FastifyInstance; smtp: TSmtpTestServer; editorEmail: string; cookie: string };

/**
 * On an emptied database: an SMTP test server, the API mailing through it (with `env` on top)
 * and a logged-in editor. The test closes the app and the server after.
 */
export async function startMailingTest({
  env = {},
  smtp: smtpOptions,
}: {
  env?: Partial<TAppEnv>;
  smtp?: Parameters<typeof startSmtpTestServer>[0];
} = {}): Promise<TMailingTest> {
  await resetDatabase();
  const smtp = await startSmtpTestServer(smtpOptions);
  let app: FastifyInstance | undefined;
  try {
    ({ app } = await buildTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: smtp.port, ...env }));
    const editor = await createAdmin(app.db, 'editor');
    return { app, smtp, editorEmail: editor.email, cookie: await login(app, editor.email) };
  } catch (error) {
    await app?.close();
    await smtp.close();
    throw error;
  }
}

/** A wave's mailing as the editor's page reads it. */
export async function mailingOf(app: FastifyInstance, cookie: string, waveId: string): Promise<TMailing> {
  const response = await adminCaller(app, cookie)('GET', `/api/v1/waves/${waveId}/mailing`);
  expect(response.statusCode).toBe(200);
  return ZMailing.parse(response.json());
}

/** Waits until every send of the wave is done. */
export async function waitForSends(app: FastifyInstance, cookie: string, waveId: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const mailing = await mailingOf(app, cookie, waveId);
    if (mailing.sends.every((send) => send.state === 'done' || send.state === 'cancelled')) return mailing;
    if (Date.now() > until) throw new Error(`sends not done: ${JSON.stringify(mailing.sends)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Addresses on a domain of their own, so a scan can look for all of them at once. */
export function addressesOn(domain: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `person.${i + 1}@${domain}`);
}

/** Sets the mode and uploads the list through the API. */
export async function prepareMailing(
  app: FastifyInstance,
  cookie: string,
  waveId: string,
  mode: 'tracked' | 'blind',
  addresses: string[],
) {
  const call = adminCaller(app, cookie);
  expect((await call('PUT', `/api/v1/waves/${waveId}/mailing/mode`, { mode })).statusCode).toBe(200);
  const upload = await call('POST', `/api/v1/waves/${waveId}/mailing/recipients`, { text: addresses.join('\n') });
  expect(upload.statusCode).toBe(200);
  expect(upload.json()).toMatchObject({ accepted: addresses.length });
}

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createAdmin, login, PASSWORD, resetDatabase, SAME_ORIGIN } from '../helpers.js';
import { loginOverHttp, startTestApiProcess, type TApiProcess } from '../resilience/api-process.js';
import { publishedWave } from '../survey-helpers.js';
import { addressesOn, prepareMailing } from './mailing-helpers.js';
import { startSmtpTestServer, type TSmtpTestServer } from './smtp-test-server.js';

let app: FastifyInstance;
let smtp: TSmtpTestServer;
let api: TApiProcess | undefined;

/** The built API as `npm start` runs it, mailing through the test's SMTP server. */
const startApi = () =>
  startTestApiProcess({
    mixerIntervalMs: 0,
    extra: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), MAIL_RATE_PER_SECOND: '200' },
  });

beforeAll(async () => {
  await resetDatabase();
  smtp = await startSmtpTestServer();
  ({ app } = await buildTestApp());
});

afterAll(async () => {
  await api?.kill();
  await app?.close();
  await smtp?.close();
});

describe('a restart in the middle of a send', () => {
  it('mails each of 1,000 recipients exactly once although the API is killed half-way', async () => {
    const editor = await createAdmin(app.db, 'editor');
    const cookie = await login(app, editor.email);
    const wave = await publishedWave(app, cookie);
    const addresses = addressesOn('restart.example.org', 1000);
    await prepareMailing(app, cookie, wave.id, 'blind', addresses);

    api = await startApi();
    const session = await loginOverHttp(api.url, editor.email, PASSWORD);
    const scheduled = await fetch(`${api.url}/api/v1/waves/${wave.id}/mailing/sends`, {
      method: 'POST',
      headers: { ...SAME_ORIGIN, 'content-type': 'application/json', cookie: session },
      body: JSON.stringify({ kind: 'invitation' }),
    });
    expect(scheduled.status).toBe(201);

    await smtp.waitFor(300);
    await api.kill('SIGKILL');
    const beforeRestart = smtp.mails.length;
    expect(beforeRestart).toBeLessThan(1000);

    // The same port and secret again.
    api = await api.restart();
    await smtp.waitFor(1000, 90_000);
    // Finished, and nothing more comes.
    const until = Date.now() + 30_000;
    while ((await app.db.mailSend.findFirstOrThrow({ where: { waveId: wave.id } })).state !== 'done') {
      if (Date.now() > until) throw new Error('the send did not finish');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const recipients = smtp.mails.map((mail) => mail.to);
    expect(recipients).toHaveLength(1000);
    expect(new Set(recipients).size).toBe(1000);
    expect(new Set(smtp.mails.map((mail) => mail.code)).size).toBe(1000);
    process.stdout.write(`restart: ${beforeRestart} mails before the kill, ${smtp.cutOff()} cut off half-way\n`);
  }, 180_000);
});

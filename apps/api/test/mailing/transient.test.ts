import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCaller, publishedWave } from '../survey-helpers.js';
import { addressesOn, prepareMailing, startMailingTest, waitForSends } from './mailing-helpers.js';
import type { TSmtpTestServer } from './smtp-test-server.js';

let app: FastifyInstance;
let smtp: TSmtpTestServer;
let cookie: string;
/** The server is "busy" (451) for the first attempts, as a server under load or restarting. */
let busyAnswers = 12;

beforeAll(async () => {
  ({ app, smtp, cookie } = await startMailingTest({
    smtp: { busy: () => busyAnswers-- > 0 },
    env: { MAIL_RATE_PER_SECOND: 200, MAIL_RETRY_SECONDS: 0.2 },
  }));
});

afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

describe('temporary SMTP failures', () => {
  it('are tried again with a pause until the server takes the mail, each recipient mailed once', async () => {
    const wave = await publishedWave(app, cookie);
    const addresses = addressesOn('busy.example.org', 30);
    await prepareMailing(app, cookie, wave.id, 'tracked', addresses);
    const call = adminCaller(app, cookie);
    expect((await call('POST', `/api/v1/waves/${wave.id}/mailing/sends`, { kind: 'invitation' })).statusCode).toBe(201);
    await smtp.waitFor(30);
    const mailing = await waitForSends(app, cookie, wave.id);
    expect(busyAnswers).toBeLessThan(0);
    expect(smtp.mails.map((m) => m.to).sort()).toEqual([...addresses].sort());
    expect(mailing.sends[0]).toMatchObject({ total: 30, sent: 30, failed: 0 });
    const retried = await app.db.mailDelivery.count({ where: { sendId: mailing.sends[0]?.id, attempts: { gt: 1 } } });
    expect(retried).toBeGreaterThan(0);
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCaller, publishedWave } from '../survey-helpers.js';
import { addressesOn, prepareMailing, startMailingTest, waitForSends } from './mailing-helpers.js';
import type { TSmtpTestServer } from './smtp-test-server.js';

/**
 * SPEED (not part of `npm test`: `npm run test:mail-speed`): the time to queue and send 10,000
 * invitations to an SMTP server on loopback, at the highest rate setting (1,000 a second), so
 * the platform's own cost is what is measured. At the default rate of 5 a second the same list
 * takes 2,000 s by design.
 */
const RECIPIENTS = 10_000;

let app: FastifyInstance;
let smtp: TSmtpTestServer;
let cookie: string;

beforeAll(async () => {
  ({ app, smtp, cookie } = await startMailingTest({ env: { MAIL_RATE_PER_SECOND: 1000 } }));
});

afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

describe.runIf(process.env.MAIL_SPEED_TEST === '1')('sending speed', () => {
  it(`queues and sends ${RECIPIENTS} invitations`, async () => {
    const wave = await publishedWave(app, cookie);
    const addresses = addressesOn('speed.example.org', RECIPIENTS);
    const uploadStarted = performance.now();
    await prepareMailing(app, cookie, wave.id, 'tracked', addresses);
    const uploaded = performance.now();
    const response = await adminCaller(app, cookie)('POST', `/api/v1/waves/${wave.id}/mailing/sends`, {
      kind: 'invitation',
    });
    expect(response.statusCode).toBe(201);
    await smtp.waitFor(RECIPIENTS, 600_000);
    await waitForSends(app, cookie, wave.id, 60_000);
    const done = performance.now();
    expect(new Set(smtp.mails.map((mail) => mail.to)).size).toBe(RECIPIENTS);
    process.stdout.write(
      `mail speed: upload of ${RECIPIENTS} addresses ${Math.round(uploaded - uploadStarted)} ms; ` +
        `queued and sent in ${((done - uploaded) / 1000).toFixed(1)} s ` +
        `(${Math.round(RECIPIENTS / ((done - uploaded) / 1000))} a second)\n`,
    );
  }, 700_000);
});

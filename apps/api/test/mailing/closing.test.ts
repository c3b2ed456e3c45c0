import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCaller, publishedWave } from '../survey-helpers.js';
import { addressesOn, mailingOf, prepareMailing, startMailingTest } from './mailing-helpers.js';
import type { TSmtpTestServer } from './smtp-test-server.js';

let app: FastifyInstance;
let smtp: TSmtpTestServer;
let cookie: string;

beforeAll(async () => {
  ({ app, smtp, cookie } = await startMailingTest({ env: { MAIL_RATE_PER_SECOND: 20 } }));
});

afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

describe('closing a wave in the middle of a blind send', () => {
  it('stops the send, deletes the sealed list, and keeps the counts', async () => {
    const wave = await publishedWave(app, cookie);
    await prepareMailing(app, cookie, wave.id, 'blind', addressesOn('closing.example.org', 200));
    const call = adminCaller(app, cookie);
    expect((await call('POST', `/api/v1/waves/${wave.id}/mailing/sends`, { kind: 'invitation' })).statusCode).toBe(201);
    await smtp.waitFor(10);
    expect((await call('POST', `/api/v1/waves/${wave.id}/close`)).statusCode).toBe(200);
    const atClose = smtp.mails.length;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    // At most the mails in flight on the four connections went out after the close.
    expect(smtp.mails.length).toBeLessThanOrEqual(atClose + 4);
    const mailing = await mailingOf(app, cookie, wave.id);
    expect(mailing).toMatchObject({ listDeleted: true, recipients: 200 });
    expect(mailing.sends[0]).toMatchObject({ state: 'cancelled', total: 200 });
    expect(mailing.sends[0]?.sent).toBeLessThan(200);
  });
});

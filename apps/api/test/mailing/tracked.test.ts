import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWERS_2012, adminCaller, publishedWave, submit } from '../survey-helpers.js';
import { addressesOn, mailingOf, prepareMailing, startMailingTest, waitForSends } from './mailing-helpers.js';
import type { TSmtpTestServer } from './smtp-test-server.js';

let app: FastifyInstance;
let smtp: TSmtpTestServer;
let cookie: string;

beforeAll(async () => {
  ({ app, smtp, cookie } = await startMailingTest({ env: { MAIL_RATE_PER_SECOND: 500 } }));
});

afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

describe('tracked mailing', () => {
  it('mails 200 invitations with a code each, and reminds exactly the 150 who have not answered', async () => {
    const wave = await publishedWave(app, cookie);
    const addresses = addressesOn('tracked.example.org', 200);
    await prepareMailing(app, cookie, wave.id, 'tracked', addresses);
    const call = adminCaller(app, cookie);

    expect((await call('POST', `/api/v1/waves/${wave.id}/mailing/sends`, { kind: 'invitation' })).statusCode).toBe(201);
    await smtp.waitFor(200, 20_000);
    await waitForSends(app, cookie, wave.id);
    const invitations = smtp.mails.splice(0);
    expect(invitations).toHaveLength(200);
    expect(new Set(invitations.map((m) => m.to))).toEqual(new Set(addresses.map((a) => a.toLowerCase())));
    const codes = invitations.map((m) => m.code);
    expect(codes.every((code) => code && /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(200);
    // The code is in the body and only in the link's fragment.
    for (const mail of invitations.slice(0, 5)) {
      expect(mail.body).toContain(`Din kod: ${mail.code}`);
      expect(mail.body).toContain(`/s/${wave.slug}#kod=${mail.code}`);
      expect(mail.body).not.toContain('?');
    }

    const answering = invitations.slice(0, 50);
    for (const mail of answering) {
      const response = await submit(app, wave.slug ?? '', { code: mail.code ?? '', answers: ANSWERS_2012 });
      expect(response.statusCode).toBe(201);
    }
    expect((await mailingOf(app, cookie, wave.id)).answered).toBe(50);

    expect((await call('POST', `/api/v1/waves/${wave.id}/mailing/sends`, { kind: 'reminder' })).statusCode).toBe(201);
    await smtp.waitFor(150);
    const mailing = await waitForSends(app, cookie, wave.id);
    const reminders = smtp.mails.splice(0);
    expect(reminders).toHaveLength(150);
    const answered = new Set(answering.map((m) => m.to));
    expect(new Set(reminders.map((m) => m.to))).toEqual(
      new Set(invitations.map((m) => m.to).filter((to) => !answered.has(to))),
    );
    expect(reminders.every((m) => m.code === null && m.subject.startsWith('Påminnelse'))).toBe(true);
    expect(mailing.sends.map((s) => [s.kind, s.total, s.sent, s.failed])).toEqual([
      ['invitation', 200, 200, 0],
      ['reminder', 150, 150, 0],
    ]);
  });

  it('keeps the ledger in its own schema, with a day and no finer time', async () => {
    const columns = await app.db.$queryRaw<{ column_name: string; data_type: string }[]>`
      SELECT column_name, data_type FROM information_schema.columns
       WHERE table_schema = 'participation' AND table_name = 'recipient' ORDER BY ordinal_position`;
    expect(columns.map((c) => `${c.column_name}:${c.data_type}`)).toEqual([
      'wave_id:uuid',
      'recipient_no:integer',
      'address:text',
      'code_pseudonym:bytea',
      'answered_on:date',
    ]);
  });
});

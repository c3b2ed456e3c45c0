import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminCaller, publishedWave } from '../survey-helpers.js';
import { scanDatabaseFiles } from './file-scan.js';
import { addressesOn, mailingOf, prepareMailing, startMailingTest, waitForSends } from './mailing-helpers.js';
import type { TSmtpTestServer } from './smtp-test-server.js';

let app: FastifyInstance;
let smtp: TSmtpTestServer;
let cookie: string;
let editorEmail: string;

beforeAll(async () => {
  ({ app, smtp, cookie, editorEmail } = await startMailingTest({
    smtp: { refuse: (address) => address.startsWith('refused.') },
    env: { MAIL_RATE_PER_SECOND: 500 },
  }));
});

afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

describe('blind mailing', () => {
  // A domain of this run's own: one search finds every address of the list.
  const domain = `blind-${Date.now().toString(36)}.example.org`;

  it('leaves no address or code readable in any table, dead row or WAL record, and reminds everyone', async () => {
    const wave = await publishedWave(app, cookie);
    const addresses = [...addressesOn(domain, 200), `refused.one@${domain}`];
    await prepareMailing(app, cookie, wave.id, 'blind', addresses);
    const call = adminCaller(app, cookie);

    expect((await call('POST', `/api/v1/waves/${wave.id}/mailing/sends`, { kind: 'invitation' })).statusCode).toBe(201);
    await smtp.waitFor(200);
    let mailing = await waitForSends(app, cookie, wave.id);
    const invitations = smtp.mails.splice(0);
    expect(invitations).toHaveLength(200);
    const codes = invitations.map((m) => m.code ?? '');
    expect(new Set(codes).size).toBe(200);
    // The refused address is counted with the server's reply code, never by address.
    expect(mailing.sends[0]).toMatchObject({ total: 201, sent: 200, failed: 1, failedRecipients: [] });
    expect(mailing.sends[0]?.failures).toEqual([{ reason: '550 5.1.1', count: 1 }]);

    expect((await call('POST', `/api/v1/waves/${wave.id}/mailing/sends`, { kind: 'reminder' })).statusCode).toBe(201);
    await smtp.waitFor(200);
    mailing = await waitForSends(app, cookie, wave.id);
    const reminders = smtp.mails.splice(0);
    expect(reminders).toHaveLength(200);
    expect(new Set(reminders.map((m) => m.to))).toEqual(new Set(invitations.map((m) => m.to)));
    expect(
      reminders.every((m) => m.body.includes('Om du redan har svarat: tack, du behöver inte göra något mer.')),
    ).toBe(true);
    expect(reminders.every((m) => m.code === null)).toBe(true);

    const hits = await scanDatabaseFiles(inject('databaseUrl'), { texts: [domain], codes });
    if (hits === null) return; // DATABASE_URL of a non-superuser: the files cannot be read.
    expect(hits).toEqual([]);
    // The scan does find what is stored in readable form: an administrator's address, and a
    // code-shaped text written into the audit log for this purpose.
    await app.db.auditEvent.create({ data: { action: 'scan_control', details: { text: 'ZZZZ-ZZZZ-ZZZZ' } } });
    const control = await scanDatabaseFiles(inject('databaseUrl'), {
      texts: [editorEmail],
      codes: ['ZZZZ-ZZZZ-ZZZZ'],
    });
    expect(new Set(control?.map((hit) => hit.found))).toEqual(new Set([editorEmail, 'ZZZZ-ZZZZ-ZZZZ']));
  });

  it('deletes the sealed list when the wave closes and keeps only the counts', async () => {
    const wave = await publishedWave(app, cookie);
    await prepareMailing(app, cookie, wave.id, 'blind', addressesOn(domain, 10));
    const call = adminCaller(app, cookie);
    expect((await call('POST', `/api/v1/waves/${wave.id}/mailing/sends`, { kind: 'invitation' })).statusCode).toBe(201);
    await smtp.waitFor(10);
    await waitForSends(app, cookie, wave.id);
    smtp.mails.splice(0);
    expect((await call('POST', `/api/v1/waves/${wave.id}/close`)).statusCode).toBe(200);
    const mailing = await mailingOf(app, cookie, wave.id);
    expect(mailing).toMatchObject({ recipients: 10, listDeleted: true });
    expect(mailing.sends[0]).toMatchObject({ total: 10, sent: 10 });
    const stored = await app.db.mailing.findUniqueOrThrow({ where: { waveId: wave.id } });
    expect(stored.sealedList).toBeNull();
    expect(await app.db.mailDelivery.count({ where: { send: { waveId: wave.id } } })).toBe(0);
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createAdmin, databaseSnapshot, login, resetDatabase } from '../helpers.js';
import { adminCaller, publishedWave } from '../survey-helpers.js';
import { mailingOf } from './mailing-helpers.js';
import { startSmtpTestServer, type TSmtpTestServer } from './smtp-test-server.js';

let app: FastifyInstance;
let offline: FastifyInstance;
let smtp: TSmtpTestServer;
let cookie: string;
let editorEmail: string;

beforeAll(async () => {
  await resetDatabase();
  smtp = await startSmtpTestServer();
  ({ app } = await buildTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: smtp.port }));
  ({ app: offline } = await buildTestApp());
  const editor = await createAdmin(app.db, 'editor');
  editorEmail = editor.email;
  cookie = await login(app, editor.email);
});

afterAll(async () => {
  await app?.close();
  await offline?.close();
  await smtp?.close();
});

describe('mailing administration', () => {
  it('refuses a list before the mode, a file that is not text and a list over the limit, storing nothing', async () => {
    const wave = await publishedWave(app, cookie);
    const call = adminCaller(app, cookie);
    const url = `/api/v1/waves/${wave.id}/mailing/recipients`;
    const early = await call('POST', url, { text: 'a@example.org' });
    expect(early.statusCode).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');

    expect((await call('PUT', `/api/v1/waves/${wave.id}/mailing/mode`, { mode: 'tracked' })).statusCode).toBe(200);
    const before = await databaseSnapshot(app.db);
    const binary = await call('POST', url, { text: 'PK\u0003\u0004\u0000\u0000\uFFFD' });
    expect(binary.statusCode).toBe(422);
    // A binary file holds control characters, which no text field takes.
    expect(binary.json().errors[0].path).toBe('body.text');
    const many = Array.from({ length: 100_001 }, (_, i) => `p${i}@example.org`).join('\n');
    const tooMany = await call('POST', url, { text: many });
    expect(tooMany.statusCode).toBe(422);
    expect((await call('POST', url, { text: 'no addresses here' })).statusCode).toBe(422);
    expect(await databaseSnapshot(app.db)).toEqual(before);

    const ok = await call('POST', url, { text: 'e-post\nann@example.org\nANN@example.org\nfel@\n' });
    expect(ok.json()).toEqual({
      accepted: 1,
      duplicates: 1,
      rejected: [{ line: 4, text: 'fel@', reason: 'ogiltig e-postadress' }],
    });
    // With a list, the mode changes only after the list is deleted.
    expect((await call('PUT', `/api/v1/waves/${wave.id}/mailing/mode`, { mode: 'blind' })).statusCode).toBe(409);
  });

  it('previews and test-sends to the editor’s own address, with an example code that is not a code', async () => {
    const wave = await publishedWave(app, cookie);
    const call = adminCaller(app, cookie);
    await call('PUT', `/api/v1/waves/${wave.id}/mailing/mode`, { mode: 'blind' });
    const preview = await call('POST', `/api/v1/waves/${wave.id}/mailing/preview`, { kind: 'invitation' });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().body).toContain(`/s/${wave.slug}#kod=XXXX-XXXX-XXXX`);
    const reminder = await call('POST', `/api/v1/waves/${wave.id}/mailing/preview`, { kind: 'reminder' });
    expect(reminder.json().body).toContain('Om du redan har svarat: tack, du behöver inte göra något mer.');

    const sent = await call('POST', `/api/v1/waves/${wave.id}/mailing/test`, { kind: 'invitation' });
    expect(sent.statusCode).toBe(200);
    await smtp.waitFor(1);
    expect(smtp.mails.splice(0)).toMatchObject([{ to: editorEmail, code: 'XXXX-XXXX-XXXX' }]);

    const bad = await call('PUT', `/api/v1/waves/${wave.id}/mailing/templates`, {
      language: 'sv',
      templates: {
        invitation: { subject: 'Hej {namn}', body: '{länk} {kod}' },
        reminder: { subject: 'P', body: '{länk}' },
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().detail).toContain('okänd platshållare {namn}');
  });

  it('schedules the invitation at the wave’s opening, locks the mode, and cancels it before it starts', async () => {
    const wave = await publishedWave(app, cookie, { opensInHours: 2 });
    const call = adminCaller(app, cookie);
    await call('PUT', `/api/v1/waves/${wave.id}/mailing/mode`, { mode: 'blind' });
    await call('POST', `/api/v1/waves/${wave.id}/mailing/recipients`, { text: 'a@example.org\nb@example.org' });
    const scheduled = await call('POST', `/api/v1/waves/${wave.id}/mailing/sends`, { kind: 'invitation' });
    expect(scheduled.statusCode).toBe(201);
    const [send] = scheduled.json().sends;
    expect(send).toMatchObject({ kind: 'invitation', state: 'scheduled' });
    expect(Date.parse(send.scheduledAt)).toBe(Date.parse(wave.settings.opensAt ?? ''));
    expect((await call('PUT', `/api/v1/waves/${wave.id}/mailing/mode`, { mode: 'tracked' })).statusCode).toBe(409);
    expect((await call('POST', `/api/v1/waves/${wave.id}/mailing/sends`, { kind: 'invitation' })).statusCode).toBe(409);
    const cancelled = await call('POST', `/api/v1/waves/${wave.id}/mailing/sends/${send.id}/cancel`);
    expect(cancelled.json().sends[0].state).toBe('cancelled');
  });

  it('says sending is off without SMTP_HOST, while lists and previews still work', async () => {
    const wave = await publishedWave(offline, cookie);
    const call = adminCaller(offline, cookie);
    await call('PUT', `/api/v1/waves/${wave.id}/mailing/mode`, { mode: 'tracked' });
    expect(
      (await call('POST', `/api/v1/waves/${wave.id}/mailing/recipients`, { text: 'a@example.org' })).statusCode,
    ).toBe(200);
    const mailing = await mailingOf(offline, cookie, wave.id);
    expect(mailing.sending).toMatchObject({ enabled: false });
    expect(mailing.sending.message).toContain('SMTP_HOST');
    const refused = await call('POST', `/api/v1/waves/${wave.id}/mailing/sends`, { kind: 'invitation' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('SMTP_HOST');
    expect(await offline.db.mailSend.count({ where: { waveId: wave.id } })).toBe(0);
  });
});

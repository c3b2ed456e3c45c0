import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '@enkat/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildTestApp, createAdmin, login, PASSWORD, PUBLIC_ORIGIN, resetDatabase, testSecret } from '../helpers.js';
import { publishedWave } from '../survey-helpers.js';
import { addressesOn, prepareMailing } from './mailing-helpers.js';
import { startSmtpTestServer, type TSmtpTestServer } from './smtp-test-server.js';

const serverJs = fileURLToPath(new URL('../../dist/server.js', import.meta.url));

let app: FastifyInstance;
let smtp: TSmtpTestServer;
let child: ChildProcess | undefined;

/** The built API as `npm start` runs it, mailing through the test's SMTP server. */
async function startApi(port: number): Promise<ChildProcess> {
  const started = spawn(process.execPath, [serverJs], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: inject('databaseUrl'),
      ENKAT_SECRET: testSecret().toString('base64'),
      API_PORT: String(port),
      PUBLIC_ORIGIN,
      MIXER_INTERVAL_MS: '0',
      LOG_LEVEL: 'warn',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      MAIL_RATE_PER_SECOND: '200',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const until = Date.now() + 30_000;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return started;
    if (Date.now() > until || started.exitCode !== null) throw new Error('the API did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  await resetDatabase();
  smtp = await startSmtpTestServer();
  ({ app } = await buildTestApp());
});

afterAll(async () => {
  child?.kill('SIGKILL');
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

    const port = await findFreePort();
    child = await startApi(port);
    const headers = { origin: PUBLIC_ORIGIN, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' };
    const loggedIn = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email: editor.email, password: PASSWORD }),
    });
    const session = (loggedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const scheduled = await fetch(`http://127.0.0.1:${port}/api/v1/waves/${wave.id}/mailing/sends`, {
      method: 'POST',
      headers: { ...headers, cookie: session },
      body: JSON.stringify({ kind: 'invitation' }),
    });
    expect(scheduled.status).toBe(201);

    await smtp.waitFor(300);
    const killed = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGKILL');
    await killed;
    const beforeRestart = smtp.mails.length;
    expect(beforeRestart).toBeLessThan(1000);

    child = await startApi(port);
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

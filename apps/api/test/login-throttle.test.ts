import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, PROXY_SECRET_HEADER } from '../src/auth/client-address.js';
import {
  buildTestApp,
  createAdmin,
  PASSWORD,
  PROXY_SECRET,
  resetDatabase,
  SAME_ORIGIN,
  type TTestApp,
} from './helpers.js';
import { startTestApiProcess } from './resilience/api-process.js';

let t: TTestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.app.close());
beforeEach(() => resetDatabase(t.db));

const WRONG = 'wrong password!';

/** A login as the web app forwards it: the browser's address in the header, with the shared secret. */
const viaWeb = (app: TTestApp['app'], client: string, email: string, password: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { ...SAME_ORIGIN, [CLIENT_ADDRESS_HEADER]: client, [PROXY_SECRET_HEADER]: PROXY_SECRET },
    payload: { email, password },
  });

describe('login throttling', () => {
  it('stops a client after 10 wrong passwords for one account, but not the administrator on another client', async () => {
    const admin = await createAdmin(t.db, 'owner');
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await viaWeb(t.app, '203.0.113.66', admin.email, WRONG)).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(new Set(statuses.slice(10))).toEqual(new Set([429]));

    const blocked = await viaWeb(t.app, '203.0.113.66', admin.email, PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['content-type']).toContain('application/problem+json');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(900);

    expect((await viaWeb(t.app, '198.51.100.10', admin.email, PASSWORD)).statusCode).toBe(200);
    // The window passes: the failing client may try again.
    await t.db.loginFailure.updateMany({ data: { at: new Date(Date.now() - 16 * 60_000) } });
    expect((await viaWeb(t.app, '203.0.113.66', admin.email, PASSWORD)).statusCode).toBe(200);
  });

  it('stops a client trying many accounts after LOGIN_CLIENT_LIMIT failures, and nobody else', async () => {
    const limited = await buildTestApp({ LOGIN_CLIENT_LIMIT: 3 });
    try {
      const admin = await createAdmin(limited.db, 'editor');
      for (let i = 0; i < 3; i++) {
        expect((await viaWeb(limited.app, '203.0.113.5', `user${i}@example.org`, WRONG)).statusCode).toBe(401);
      }
      expect((await viaWeb(limited.app, '203.0.113.5', 'someone-else@example.org', WRONG)).statusCode).toBe(429);
      expect((await viaWeb(limited.app, '203.0.113.5', admin.email, PASSWORD)).statusCode).toBe(429);
      expect((await viaWeb(limited.app, '198.51.100.10', admin.email, PASSWORD)).statusCode).toBe(200);
    } finally {
      await limited.app.close();
    }
  });

  it('ignores forwarding headers a browser sends itself: without the secret it counts as its connection', async () => {
    const admin = await createAdmin(t.db, 'owner');
    for (let i = 0; i < 10; i++) {
      const spoofed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '192.0.2.44',
        headers: {
          ...SAME_ORIGIN,
          'x-forwarded-for': `10.0.${i}.1`,
          'x-real-ip': `10.1.${i}.1`,
          [CLIENT_ADDRESS_HEADER]: `10.2.${i}.1`,
          [PROXY_SECRET_HEADER]: `a guess at the secret, number ${i}, long enough`,
        },
        payload: { email: admin.email, password: WRONG },
      });
      expect(spoofed.statusCode).toBe(401);
    }
    const eleventh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '192.0.2.44',
      headers: { ...SAME_ORIGIN, 'x-forwarded-for': '10.9.9.9', [CLIENT_ADDRESS_HEADER]: '10.9.9.9' },
      payload: { email: admin.email, password: PASSWORD },
    });
    expect(eleventh.statusCode).toBe(429);
    // Ten rows, all under one client.
    const clients = await t.db.loginFailure.groupBy({ by: ['client'], _count: true });
    expect(clients).toEqual([expect.objectContaining({ _count: 10 })]);
  });

  it('keeps its counts in PostgreSQL, shared by two API instances', async () => {
    const admin = await createAdmin(t.db, 'analyst');
    const other = await buildTestApp();
    try {
      for (let i = 0; i < 10; i++) {
        const app = i % 2 === 0 ? t.app : other.app;
        expect((await viaWeb(app, '203.0.113.7', admin.email, WRONG)).statusCode).toBe(401);
      }
      expect((await viaWeb(t.app, '203.0.113.7', admin.email, PASSWORD)).statusCode).toBe(429);
      expect((await viaWeb(other.app, '203.0.113.7', admin.email, PASSWORD)).statusCode).toBe(429);
      expect((await viaWeb(other.app, '198.51.100.3', admin.email, PASSWORD)).statusCode).toBe(200);
    } finally {
      await other.app.close();
    }
  });

  it('keeps its counts shared with another API running as its own process', async () => {
    const admin = await createAdmin(t.db, 'editor');
    const other = await startTestApiProcess({ extra: { PROXY_SECRET } });
    try {
      const overHttp = (password: string) =>
        fetch(`${other.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: {
            ...SAME_ORIGIN,
            'content-type': 'application/json',
            [CLIENT_ADDRESS_HEADER]: '203.0.113.8',
            [PROXY_SECRET_HEADER]: PROXY_SECRET,
          },
          body: JSON.stringify({ email: admin.email, password }),
        });
      for (let i = 0; i < 5; i++) expect((await overHttp(WRONG)).status).toBe(401);
      for (let i = 0; i < 5; i++) expect((await viaWeb(t.app, '203.0.113.8', admin.email, WRONG)).statusCode).toBe(401);
      expect((await overHttp(PASSWORD)).status).toBe(429);
      expect((await viaWeb(t.app, '203.0.113.8', admin.email, PASSWORD)).statusCode).toBe(429);
    } finally {
      await other.stop();
    }
  });

  it('slows guessing spread over many addresses to one try per client, and still lets the right password in', async () => {
    const guarded = await buildTestApp({ LOGIN_ACCOUNT_LIMIT: 12 });
    try {
      const admin = await createAdmin(guarded.db, 'owner');
      // Three guesses each from four addresses: under the per-client limit, over the backstop.
      for (let client = 1; client <= 4; client++) {
        for (let i = 0; i < 3; i++) {
          expect((await viaWeb(guarded.app, `203.0.113.${client}`, admin.email, WRONG)).statusCode).toBe(401);
        }
      }
      // Each failing client is now stopped for this account; a fresh one gets one guess.
      expect((await viaWeb(guarded.app, '203.0.113.1', admin.email, WRONG)).statusCode).toBe(429);
      expect((await viaWeb(guarded.app, '203.0.113.99', admin.email, WRONG)).statusCode).toBe(401);
      expect((await viaWeb(guarded.app, '203.0.113.99', admin.email, WRONG)).statusCode).toBe(429);
      // The administrator, on a client that has not been failing, gets in.
      expect((await viaWeb(guarded.app, '198.51.100.20', admin.email, PASSWORD)).statusCode).toBe(200);
      // Other accounts are not affected from a failing client.
      const editor = await createAdmin(guarded.db, 'editor');
      expect((await viaWeb(guarded.app, '203.0.113.1', editor.email, PASSWORD)).statusCode).toBe(200);
    } finally {
      await guarded.app.close();
    }
  });
});

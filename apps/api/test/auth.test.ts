import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ARGON2_PARAMS } from '../src/auth/passwords.js';
import {
  buildTestApp,
  createAdmin,
  login,
  PASSWORD,
  resetDatabase,
  SAME_ORIGIN,
  sessionCookieOf,
  type TTestApp,
} from './helpers.js';

let t: TTestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.app.close());
beforeEach(() => resetDatabase(t.db));

const me = (cookie?: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: cookie ? { cookie } : {} });
const loginAttempt = (email: string, password: string, headers: Record<string, string> = SAME_ORIGIN) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { email, password } });

describe('login', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie holding a 256-bit token, stored only as a hash', async () => {
    const admin = await createAdmin(t.db, 'editor');
    const response = await loginAttempt(admin.email.toUpperCase(), PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'enkat_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(Buffer.from(cookie?.value ?? '', 'base64url')).toHaveLength(32);
    const sessions = await t.db.adminSession.findMany({ select: { tokenHash: true } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.tokenHash).not.toContain(cookie?.value);
    expect((await me(sessionCookieOf(response))).json()).toMatchObject({
      administrator: { email: admin.email, role: 'editor' },
    });
  });

  it('gives a new token at every login', async () => {
    const admin = await createAdmin(t.db, 'analyst');
    expect(await login(t.app, admin.email)).not.toBe(await login(t.app, admin.email));
  });

  it('refuses a wrong password, an unknown e-mail and a disabled account alike, and audits them', async () => {
    const admin = await createAdmin(t.db, 'owner');
    const disabled = await createAdmin(t.db, 'editor');
    await t.db.administrator.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    for (const [email, password] of [
      [admin.email, 'wrong password!'],
      ['nobody@example.org', PASSWORD],
      [disabled.email, PASSWORD],
    ] as const) {
      const response = await loginAttempt(email, password);
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('unauthenticated');
    }
    expect(await t.db.auditEvent.count({ where: { action: 'login_failed' } })).toBe(3);
    expect(await t.db.adminSession.count()).toBe(0);
  });

  it('rehashes a password stored with weaker parameters', async () => {
    const admin = await createAdmin(t.db, 'editor');
    const { hash } = await import('@node-rs/argon2');
    const weak = await hash(PASSWORD, { ...ARGON2_PARAMS, memoryCost: 4096 });
    await t.db.administrator.update({ where: { id: admin.id }, data: { passwordHash: weak } });
    await login(t.app, admin.email);
    const { passwordHash } = await t.db.administrator.findUniqueOrThrow({ where: { id: admin.id } });
    expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=1\$/);
  });
});

describe('sessions', () => {
  it('end at logout', async () => {
    const admin = await createAdmin(t.db, 'analyst');
    const cookie = await login(t.app, admin.email);
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { ...SAME_ORIGIN, cookie },
    });
    expect(logout.statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
    expect(await t.db.auditEvent.count({ where: { action: 'logout' } })).toBe(1);
  });

  it('end after the idle timeout and after the absolute lifetime', async () => {
    const admin = await createAdmin(t.db, 'analyst');
    const idle = await login(t.app, admin.email);
    await t.db.adminSession.updateMany({ data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect((await me(idle)).statusCode).toBe(401);

    const old = await login(t.app, admin.email);
    await t.db.adminSession.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await me(old)).statusCode).toBe(401);
    expect(await t.db.adminSession.count()).toBe(0);
  });

  it('other than the current one end when the password changes', async () => {
    const admin = await createAdmin(t.db, 'editor');
    const here = await login(t.app, admin.email);
    const elsewhere = await login(t.app, admin.email);
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { ...SAME_ORIGIN, cookie: here },
      payload: { currentPassword: PASSWORD, newPassword: 'another long password' },
    });
    expect(change.statusCode).toBe(204);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await loginAttempt(admin.email, 'another long password')).statusCode).toBe(200);
  });

  it('refuse a new password whose confirmation differs, naming the confirmation, and keep the old one', async () => {
    const admin = await createAdmin(t.db, 'editor');
    const cookie = await login(t.app, admin.email);
    const change = (newPasswordConfirmation: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { ...SAME_ORIGIN, cookie },
        payload: { currentPassword: PASSWORD, newPassword: 'another long password', newPasswordConfirmation },
      });
    const refused = await change('another long passw0rd');
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().errors).toEqual([
      { path: 'body.newPasswordConfirmation', message: 'Does not match the new password' },
    ]);
    expect((await loginAttempt(admin.email, PASSWORD)).statusCode).toBe(200);
    expect((await change('another long password')).statusCode).toBe(204);
  });

  it('refuse a password under 12 characters', async () => {
    const admin = await createAdmin(t.db, 'editor');
    const cookie = await login(t.app, admin.email);
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { ...SAME_ORIGIN, cookie },
      payload: { currentPassword: PASSWORD, newPassword: 'short' },
    });
    expect(change.statusCode).toBe(422);
    expect(change.json().errors).toEqual([expect.objectContaining({ path: 'body.newPassword' })]);
  });
});

describe('CSRF', () => {
  it('refuses state-changing requests that do not come from the platform’s own origin', async () => {
    const admin = await createAdmin(t.db, 'owner');
    const cookie = await login(t.app, admin.email);
    for (const headers of [
      {},
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site', origin: 'http://localhost:3000' },
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { ...headers, cookie },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({
        code: 'forbidden',
        reason: 'cross_origin',
        title: 'Not allowed',
        detail: expect.stringContaining('cross-site request forgery'),
      });
      expect(response.json().detail).not.toContain('role');
    }
    const loginFromElsewhere = await loginAttempt(admin.email, PASSWORD, { origin: 'https://evil.example' });
    expect(loginFromElsewhere.statusCode).toBe(403);
    expect((await me(cookie)).statusCode).toBe(200);
  });
});

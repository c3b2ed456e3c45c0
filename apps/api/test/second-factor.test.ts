import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { ...SAME_ORIGIN, cookie }, ...(payload ? { payload } : {}) });
const signIn = (payload: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: SAME_ORIGIN, payload });
/** The code an authenticator app shows `steps` 30-second steps from now. */
const codeFor = (secret: string, steps = 0) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + steps * 30_000 });

/** Sets up a second factor through the API; answers the secret and the recovery codes. */
async function setUp(cookie: string) {
  const setup = await call('POST', '/api/v1/auth/second-factor/setup', cookie, { password: PASSWORD });
  expect(setup.statusCode).toBe(200);
  const { secret, uri } = setup.json() as { secret: string; uri: string };
  expect(uri).toMatch(/^otpauth:\/\/totp\/Enk%C3%A4t:.+\?.*secret=[A-Z2-7]+/);
  const confirmed = await call('POST', '/api/v1/auth/second-factor/confirm', cookie, { code: codeFor(secret) });
  expect(confirmed.statusCode).toBe(200);
  return { secret, recoveryCodes: (confirmed.json() as { recoveryCodes: string[] }).recoveryCodes };
}

describe('the second factor', () => {
  it('is set up with a first code from the app, gives ten recovery codes stored only hashed, and is audited', async () => {
    const admin = await createAdmin(t.db, 'editor');
    const cookie = await login(t.app, admin.email);
    const withoutPassword = await call('POST', '/api/v1/auth/second-factor/setup', cookie, { password: 'wrong one' });
    expect(withoutPassword.statusCode).toBe(422);
    expect(withoutPassword.json().errors).toEqual([expect.objectContaining({ path: 'body.password' })]);
    const setup = (await call('POST', '/api/v1/auth/second-factor/setup', cookie, { password: PASSWORD })).json() as {
      secret: string;
    };
    const wrong = await call('POST', '/api/v1/auth/second-factor/confirm', cookie, { code: '000000' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([expect.objectContaining({ path: 'body.code' })]);
    expect((await t.db.administrator.findUniqueOrThrow({ where: { id: admin.id } })).totpSecret).toBeNull();

    const confirmed = await call('POST', '/api/v1/auth/second-factor/confirm', cookie, {
      code: codeFor(setup.secret).replace(/^(\d{3})/, '$1 '),
    });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json() as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const stored = await t.db.recoveryCode.findMany({ select: { codeHash: true } });
    expect(stored).toHaveLength(10);
    for (const { codeHash } of stored) expect(recoveryCodes.some((code) => codeHash.includes(code))).toBe(false);
    expect((await call('GET', '/api/v1/auth/me', cookie)).json().administrator.secondFactor).toBe(true);
    expect(await t.db.auditEvent.count({ where: { action: 'second_factor_enabled', actorId: admin.id } })).toBe(1);
    // Set up twice: refused until turned off.
    const again = await call('POST', '/api/v1/auth/second-factor/setup', cookie, { password: PASSWORD });
    expect(again.statusCode).toBe(409);
  });

  it('is asked for after the right password, lets in with a code, and refuses the same code again', async () => {
    const admin = await createAdmin(t.db, 'owner');
    const { secret } = await setUp(await login(t.app, admin.email));

    const asked = await signIn({ email: admin.email, password: PASSWORD });
    expect(asked.statusCode).toBe(401);
    expect(asked.json()).toMatchObject({ reason: 'second_factor_required' });
    expect(asked.cookies.find((c) => c.name === 'enkat_session')).toBeUndefined();
    // A wrong password says nothing about a second factor.
    expect((await signIn({ email: admin.email, password: 'wrong password!', code: '123456' })).json().reason).toBe(
      undefined,
    );

    const code = codeFor(secret, 1);
    const inside = await signIn({ email: admin.email, password: PASSWORD, code });
    expect(inside.statusCode).toBe(200);
    expect((await call('GET', '/api/v1/auth/me', sessionCookieOf(inside))).statusCode).toBe(200);

    const replayed = await signIn({ email: admin.email, password: PASSWORD, code });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json()).toMatchObject({ reason: 'second_factor_invalid' });
    // An older code (the one used to set up) is refused too.
    expect((await signIn({ email: admin.email, password: PASSWORD, code: codeFor(secret) })).statusCode).toBe(401);
    // Both count as failed logins (the wrong password before was forgiven by the sign-in).
    expect(await t.db.loginFailure.count()).toBe(2);
  });

  it('takes each recovery code once, in any case and with or without dashes', async () => {
    const admin = await createAdmin(t.db, 'analyst');
    const { recoveryCodes } = await setUp(await login(t.app, admin.email));
    const [first = '', second = ''] = recoveryCodes;
    expect((await signIn({ email: admin.email, password: PASSWORD, recoveryCode: first })).statusCode).toBe(200);
    const again = await signIn({ email: admin.email, password: PASSWORD, recoveryCode: first });
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ reason: 'second_factor_invalid' });
    const typed = second.toLowerCase().replaceAll('-', '');
    expect((await signIn({ email: admin.email, password: PASSWORD, recoveryCode: typed })).statusCode).toBe(200);
    const used = await t.db.auditEvent.findMany({ where: { action: 'recovery_code_used' }, select: { details: true } });
    expect(used.map((event) => event.details)).toEqual([{ left: 9 }, { left: 8 }]);
  });

  it('counts wrong codes as failed logins, so the throttle stops guessing', async () => {
    const admin = await createAdmin(t.db, 'editor');
    await setUp(await login(t.app, admin.email));
    for (let i = 0; i < 10; i++) {
      expect((await signIn({ email: admin.email, password: PASSWORD, code: '000000' })).statusCode).toBe(401);
    }
    expect((await signIn({ email: admin.email, password: PASSWORD, code: '000000' })).statusCode).toBe(429);
  });
});

describe('owners', () => {
  it('can require a second factor: a password sign-in without one may only set it up, and cannot turn it off', async () => {
    const owner = await createAdmin(t.db, 'owner');
    const ownerCookie = await login(t.app, owner.email);
    const required = await call('PUT', '/api/v1/admin/sign-in-settings', ownerCookie, { requireSecondFactor: true });
    expect(required.statusCode).toBe(200);
    expect((await call('GET', '/api/v1/admin/sign-in-settings', ownerCookie)).json()).toEqual({
      requireSecondFactor: true,
      passwordSignIn: true,
      breakGlassOwnerId: null,
      ssoEnabled: false,
    });
    expect(await t.db.auditEvent.count({ where: { action: 'sign_in_settings_saved' } })).toBe(1);

    const editor = await createAdmin(t.db, 'editor');
    const response = await signIn({ email: editor.email, password: PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json().mustSetUpSecondFactor).toBe(true);
    const cookie = sessionCookieOf(response);
    const refused = await call('GET', '/api/v1/series', cookie);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ reason: 'second_factor_setup_required' });
    expect((await call('GET', '/api/v1/auth/me', cookie)).json().mustSetUpSecondFactor).toBe(true);

    await setUp(cookie);
    expect((await call('GET', '/api/v1/series', cookie)).statusCode).toBe(200);
    expect((await call('GET', '/api/v1/auth/me', cookie)).json().mustSetUpSecondFactor).toBe(false);
    const turnOff = await call('POST', '/api/v1/auth/second-factor/turn-off', cookie, { password: PASSWORD });
    expect(turnOff.statusCode).toBe(409);
  });

  it('can reset an administrator’s second factor (a lost phone), which ends their sessions, audited', async () => {
    const owner = await createAdmin(t.db, 'owner');
    const ownerCookie = await login(t.app, owner.email);
    const editor = await createAdmin(t.db, 'editor');
    const editorCookie = await login(t.app, editor.email);
    await setUp(editorCookie);
    const reset = await call('POST', `/api/v1/admin/administrators/${editor.id}/second-factor/reset`, ownerCookie);
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ id: editor.id, secondFactor: false });
    expect((await call('GET', '/api/v1/auth/me', editorCookie)).statusCode).toBe(401);
    expect(await t.db.recoveryCode.count()).toBe(0);
    expect(await t.db.auditEvent.count({ where: { action: 'second_factor_reset', objectId: editor.id } })).toBe(1);
    expect((await signIn({ email: editor.email, password: PASSWORD })).statusCode).toBe(200);
  });

  it('an administrator may turn their own off with their password, audited', async () => {
    const admin = await createAdmin(t.db, 'analyst');
    const cookie = await login(t.app, admin.email);
    await setUp(cookie);
    const wrong = await call('POST', '/api/v1/auth/second-factor/turn-off', cookie, { password: 'not my password' });
    expect(wrong.statusCode).toBe(422);
    expect((await call('POST', '/api/v1/auth/second-factor/turn-off', cookie, { password: PASSWORD })).statusCode).toBe(
      204,
    );
    expect((await signIn({ email: admin.email, password: PASSWORD })).statusCode).toBe(200);
    expect(await t.db.auditEvent.count({ where: { action: 'second_factor_disabled' } })).toBe(1);
  });
});

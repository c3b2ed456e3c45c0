import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  createAdmin,
  login,
  PASSWORD,
  PUBLIC_ORIGIN,
  resetDatabase,
  SAME_ORIGIN,
  sessionCookieOf,
  type TTestApp,
} from './helpers.js';

/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider) on loopback. Its login
 * and consent step signs in whoever `people[signingIn]` says, as a person at the provider would.
 */
const CALLBACK = `${PUBLIC_ORIGIN}/api/v1/auth/sso/callback`;
const people: Record<string, { email: string; email_verified: boolean }> = {};
let signingIn = '';

let server: Server;
let issuer: string;
let t: TTestApp;

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'enkat',
        client_secret: 'a client secret for the tests',
        redirect_uris: [CALLBACK],
        post_logout_redirect_uris: [`${PUBLIC_ORIGIN}/admin/login`],
      },
    ],
    async findAccount(_ctx, sub) {
      return { accountId: sub, claims: async () => ({ sub, ...people[sub] }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    cookies: { keys: ['a cookie key for the tests'] },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  });
  const handle = provider.callback();
  server.on('request', async (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return handle(req, res);
    const details = await provider.interactionDetails(req, res);
    const grant = new provider.Grant({ accountId: signingIn, clientId: String(details.params.client_id) });
    grant.addOIDCScope('openid email profile');
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: signingIn }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  });
  t = await buildTestApp({
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: 'enkat',
    OIDC_CLIENT_SECRET: 'a client secret for the tests',
    OIDC_ORGANISATION_NAME: 'Testkommunen',
    OIDC_ALLOWED_DOMAINS: ['kommun.example'],
  });
});
afterAll(async () => {
  await t.app.close();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => resetDatabase(t.db));

type TSignIn = { location: string; cookie: string | null };

/**
 * A browser's trip: to the platform's /auth/sso, through the provider's redirects (with its
 * cookies), back to the callback. `tamper` may change the callback URL or our challenge cookie.
 */
async function signInThroughProvider(
  sub: string,
  tamper: { callback?: (url: URL) => void; challenge?: (value: string) => string } = {},
): Promise<TSignIn> {
  signingIn = sub;
  const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sso' });
  expect(start.statusCode).toBe(303);
  const challenge = start.cookies.find((c) => c.name === 'enkat_sso');
  expect(challenge).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/sso/callback' });
  const jar = new Map<string, string>();
  let location = String(start.headers.location);
  expect(location.startsWith(`${issuer}/auth?`)).toBe(true);
  const authorize = new URL(location);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('state')).toBeTruthy();
  expect(authorize.searchParams.get('nonce')).toBeTruthy();
  for (let hops = 0; !location.startsWith(CALLBACK); hops++) {
    expect(hops, 'redirects at the provider').toBeLessThan(10);
    const response = await fetch(location, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      jar.set(name, value);
    }
    location = new URL(response.headers.get('location') ?? '', location).href;
  }
  const callback = new URL(location);
  tamper.callback?.(callback);
  const challengeValue = tamper.challenge ? tamper.challenge(challenge?.value ?? '') : challenge?.value;
  const back = await t.app.inject({
    method: 'GET',
    url: callback.pathname + callback.search,
    headers: { cookie: `enkat_sso=${challengeValue}` },
  });
  expect(back.statusCode).toBe(303);
  const session = back.cookies.find((c) => c.name === 'enkat_session' && c.value);
  return { location: String(back.headers.location), cookie: session ? `enkat_session=${session.value}` : null };
}

const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

describe('single sign-on', () => {
  it('signs in an administrator an owner created, by the verified e-mail in the ID token, audited', async () => {
    const admin = await createAdmin(t.db, 'editor', 'eva.editor@kommun.example');
    people.eva = { email: 'Eva.Editor@kommun.example', email_verified: true };
    const result = await signInThroughProvider('eva');
    expect(result.location).toBe('/admin');
    expect(result.cookie).not.toBeNull();
    expect((await me(result.cookie ?? '')).json().administrator).toMatchObject({ id: admin.id, role: 'editor' });
    expect(await t.db.auditEvent.count({ where: { action: 'sso_login', actorId: admin.id } })).toBe(1);
  });

  it('refuses an unknown e-mail, a disabled administrator and an unverified e-mail, and says why', async () => {
    people.stranger = { email: 'stranger@elsewhere.example', email_verified: true };
    expect(await signInThroughProvider('stranger')).toEqual({ location: '/admin/login?sso=unknown', cookie: null });

    const disabled = await createAdmin(t.db, 'analyst', 'dora@kommun.example');
    await t.db.administrator.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    people.dora = { email: 'dora@kommun.example', email_verified: true };
    expect(await signInThroughProvider('dora')).toEqual({ location: '/admin/login?sso=disabled', cookie: null });

    await createAdmin(t.db, 'owner', 'olle@kommun.example');
    people.olle = { email: 'olle@kommun.example', email_verified: false };
    expect(await signInThroughProvider('olle')).toEqual({ location: '/admin/login?sso=unverified', cookie: null });

    expect(await t.db.adminSession.count()).toBe(0);
    expect(await t.db.auditEvent.count({ where: { action: 'sso_login_refused' } })).toBe(3);
  });

  it('makes a person of an allowed domain an analyst at the first sign-in, audited', async () => {
    people.ny = { email: 'ny.person@kommun.example', email_verified: true };
    const result = await signInThroughProvider('ny');
    expect(result.location).toBe('/admin');
    expect((await me(result.cookie ?? '')).json().administrator).toMatchObject({
      email: 'ny.person@kommun.example',
      role: 'analyst',
    });
    expect(await t.db.auditEvent.count({ where: { action: 'administrator_created' } })).toBe(1);
  });

  it('refuses an answer whose state or nonce does not match what this browser was sent with', async () => {
    await createAdmin(t.db, 'editor', 'eva.editor@kommun.example');
    people.eva = { email: 'eva.editor@kommun.example', email_verified: true };
    const wrongState = await signInThroughProvider('eva', {
      callback: (url) => url.searchParams.set('state', 'not the state we sent'),
    });
    expect(wrongState).toEqual({ location: '/admin/login?sso=failed', cookie: null });

    const wrongNonce = await signInThroughProvider('eva', {
      challenge: (value) => {
        const challenge = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
        return Buffer.from(JSON.stringify({ ...challenge, nonce: 'another nonce' })).toString('base64url');
      },
    });
    expect(wrongNonce).toEqual({ location: '/admin/login?sso=failed', cookie: null });

    const noChallenge = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sso/callback?code=x&state=y' });
    expect(noChallenge.headers.location).toBe('/admin/login?sso=expired');
    expect(await t.db.adminSession.count()).toBe(0);
  });

  it('tells the login page whom to sign in with, and the provider’s end-session address', async () => {
    const info = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/sso/info' })).json();
    expect(info).toMatchObject({ enabled: true, organisationName: 'Testkommunen' });
    expect(info.endSessionUrl).toMatch(new RegExp(`^${issuer}/session/end\\?`));
  });
});

describe('password sign-in switched off', () => {
  it('leaves only the break-glass owner with a password; everyone else signs in through the provider', async () => {
    const owner = await createAdmin(t.db, 'owner', 'owner@kommun.example');
    const editor = await createAdmin(t.db, 'editor', 'eva.editor@kommun.example');
    const cookie = await login(t.app, owner.email);
    const save = (payload: object) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/admin/sign-in-settings',
        headers: { ...SAME_ORIGIN, cookie },
        payload,
      });
    const withoutBreakGlass = await save({ passwordSignIn: false });
    expect(withoutBreakGlass.statusCode).toBe(422);
    expect(withoutBreakGlass.json().errors[0].path).toBe('body.breakGlassOwnerId');
    expect((await save({ passwordSignIn: false, breakGlassOwnerId: editor.id })).statusCode).toBe(422);
    const off = await save({ passwordSignIn: false, breakGlassOwnerId: owner.id });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ passwordSignIn: false, breakGlassOwnerId: owner.id, ssoEnabled: true });

    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: SAME_ORIGIN,
      payload: { email: editor.email, password: PASSWORD },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ reason: 'password_sign_in_off' });
    const breakGlass = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: SAME_ORIGIN,
      payload: { email: owner.email, password: PASSWORD },
    });
    expect((await me(sessionCookieOf(breakGlass))).statusCode).toBe(200);

    people.eva = { email: editor.email, email_verified: true };
    expect((await signInThroughProvider('eva')).location).toBe('/admin');
  });

  it('cannot be switched off without single sign-on configured', async () => {
    const plain = await buildTestApp();
    try {
      const owner = await createAdmin(plain.db, 'owner');
      const response = await plain.app.inject({
        method: 'PUT',
        url: '/api/v1/admin/sign-in-settings',
        headers: { ...SAME_ORIGIN, cookie: await login(plain.app, owner.email) },
        payload: { passwordSignIn: false, breakGlassOwnerId: owner.id },
      });
      expect(response.statusCode).toBe(409);
      const info = (await plain.app.inject({ method: 'GET', url: '/api/v1/auth/sso/info' })).json();
      expect(info).toEqual({ enabled: false, organisationName: null, endSessionUrl: null });
    } finally {
      await plain.app.close();
    }
  });
});

import { ZSetupLinkResponse } from '@enkat/survey-schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, createAdmin, login, resetDatabase, SAME_ORIGIN, type TTestApp } from './helpers.js';

let t: TTestApp;
let owner: { id: string; email: string };
let cookie: string;

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.app.close());
beforeEach(async () => {
  await resetDatabase(t.db);
  owner = await createAdmin(t.db, 'owner');
  cookie = await login(t.app, owner.email);
});

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, as = cookie) =>
  t.app.inject({ method, url, headers: { ...SAME_ORIGIN, cookie: as }, ...(payload ? { payload } : {}) });

async function invite(email: string, role = 'analyst') {
  const response = await call('POST', '/api/v1/admin/administrators', { email, name: 'Ann Analytiker', role });
  expect(response.statusCode).toBe(201);
  return ZSetupLinkResponse.parse(response.json());
}

describe('administrators', () => {
  it('are invited with a one-time setup link that sets the password once', async () => {
    const link = await invite('Ann@Example.org');
    expect(link.administrator).toMatchObject({
      email: 'ann@example.org',
      role: 'analyst',
      active: false,
      disabled: false,
    });
    const token = link.setupPath.split('#')[1] ?? '';
    const stored = await t.db.administrator.findUniqueOrThrow({ where: { id: link.administrator.id } });
    expect(JSON.stringify(stored)).not.toContain(token);

    const setup = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/setup', headers: SAME_ORIGIN, payload: { token, password } });
    expect((await setup('a fine new password')).statusCode).toBe(204);
    expect((await setup('another new password')).statusCode).toBe(404);
    expect(await login(t.app, 'ann@example.org', 'a fine new password')).toMatch(/^enkat_session=/);
  });

  it('are unique by e-mail, whatever the case', async () => {
    await invite('bo@example.org');
    const again = await call('POST', '/api/v1/admin/administrators', {
      email: 'BO@example.org',
      name: 'Bo',
      role: 'editor',
    });
    expect(again.statusCode).toBe(409);
    expect(await t.db.administrator.count()).toBe(2);
  });

  it('can be renamed, given another role, disabled (ending their sessions) and re-enabled', async () => {
    const editor = await createAdmin(t.db, 'editor');
    const editorCookie = await login(t.app, editor.email);
    const url = `/api/v1/admin/administrators/${editor.id}`;
    expect((await call('PATCH', url, { name: 'Eva', role: 'analyst' })).json()).toMatchObject({
      name: 'Eva',
      role: 'analyst',
    });
    expect((await call('PATCH', url, { disabled: true })).json()).toMatchObject({ disabled: true });
    expect((await call('GET', '/api/v1/auth/me', undefined, editorCookie)).statusCode).toBe(401);
    expect((await call('PATCH', url, { disabled: false })).json()).toMatchObject({ disabled: false });
    expect(await login(t.app, editor.email)).toMatch(/^enkat_session=/);
  });

  it('always keep one active owner', async () => {
    const response = await call('PATCH', `/api/v1/admin/administrators/${owner.id}`, { role: 'editor' });
    expect(response.statusCode).toBe(409);
    expect((await t.db.administrator.findUniqueOrThrow({ where: { id: owner.id } })).role).toBe('owner');
  });

  it('leave an audit trail that owners can filter', async () => {
    const link = await invite('cia@example.org', 'editor');
    await call('PATCH', `/api/v1/admin/administrators/${link.administrator.id}`, { role: 'analyst' });
    const all = (await call('GET', '/api/v1/admin/audit')).json().events as { action: string; actorEmail: string }[];
    expect(all.map((e) => e.action)).toEqual(['administrator_updated', 'administrator_created', 'login']);
    expect(all.every((e) => e.actorEmail === owner.email)).toBe(true);
    const created = (await call('GET', '/api/v1/admin/audit?action=administrator_created')).json().events;
    expect(created).toEqual([
      expect.objectContaining({
        objectId: link.administrator.id,
        details: { email: 'cia@example.org', role: 'editor' },
      }),
    ]);
    const badDate = await call('GET', '/api/v1/admin/audit?from=yesterday');
    expect(badDate.statusCode).toBe(422);
    expect(badDate.json().errors[0].path).toBe('querystring.from');
  });
});

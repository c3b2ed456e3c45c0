import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedFirstOwner } from '../src/admins/first-owner.js';
import { buildTestApp, createAdmin, resetDatabase, SAME_ORIGIN, type TTestApp } from './helpers.js';

let t: TTestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.app.close());
beforeEach(() => resetDatabase(t.db));

describe('the first owner', () => {
  it('is made on an empty database with a one-time setup link, which makes it able to log in', async () => {
    const first = await seedFirstOwner(t.db, 'admin@example.org');
    expect(first?.email).toBe('admin@example.org');
    const token = first?.setupPath.split('#')[1];
    const setup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/setup',
      headers: SAME_ORIGIN,
      payload: { token, password: 'the first password' },
    });
    expect(setup.statusCode).toBe(204);
    expect(await seedFirstOwner(t.db, 'admin@example.org')).toBeNull();
  });

  it('gets a fresh link at the next start while the first one is unused, and the old link stops working', async () => {
    const first = await seedFirstOwner(t.db, 'admin@example.org');
    const second = await seedFirstOwner(t.db, 'admin@example.org');
    expect(second?.setupPath).not.toBe(first?.setupPath);
    expect(await t.db.administrator.count()).toBe(1);
    const stale = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/setup',
      headers: SAME_ORIGIN,
      payload: { token: first?.setupPath.split('#')[1], password: 'the first password' },
    });
    expect(stale.statusCode).toBe(404);
  });

  it('is not made when an owner can already log in', async () => {
    await createAdmin(t.db, 'owner');
    expect(await seedFirstOwner(t.db, 'admin@example.org')).toBeNull();
    expect(await t.db.administrator.count()).toBe(1);
  });
});

describe('a setup link', () => {
  const check = (token: string | undefined) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/setup/check', headers: SAME_ORIGIN, payload: { token } });
  const setup = (payload: Record<string, string | undefined>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/setup', headers: SAME_ORIGIN, payload });

  it('is checked without being used: 204 while it works, 404 once used or never issued', async () => {
    const token = (await seedFirstOwner(t.db, 'admin@example.org'))?.setupPath.split('#')[1];
    expect((await check(token)).statusCode).toBe(204);
    expect((await check(token)).statusCode).toBe(204);
    expect((await setup({ token, password: 'the first password' })).statusCode).toBe(204);
    const used = await check(token);
    expect(used.statusCode).toBe(404);
    expect(used.headers['content-type']).toContain('application/problem+json');
    expect(used.json()).toMatchObject({ status: 404, code: 'not_found' });
    expect((await check('x'.repeat(43))).statusCode).toBe(404);
  });

  it('answers 410 once expired, and cannot be used then', async () => {
    const token = (await seedFirstOwner(t.db, 'admin@example.org'))?.setupPath.split('#')[1];
    await t.db.administrator.updateMany({ data: { setupExpiresAt: new Date(Date.now() - 1000) } });
    const expired = await check(token);
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({ status: 410, code: 'gone' });
    expect((await setup({ token, password: 'the first password' })).statusCode).toBe(410);
  });

  it('refuses a password whose confirmation differs, naming the confirmation, and stays usable', async () => {
    const token = (await seedFirstOwner(t.db, 'admin@example.org'))?.setupPath.split('#')[1];
    const refused = await setup({ token, password: 'the first password', passwordConfirmation: 'the first passw0rd' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([
      { path: 'body.passwordConfirmation', message: 'Does not match the new password' },
    ]);
    expect((await check(token)).statusCode).toBe(204);
    const accepted = await setup({ token, password: 'the first password', passwordConfirmation: 'the first password' });
    expect(accepted.statusCode).toBe(204);
  });
});

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

import type { TAdminRole } from '@enkat/survey-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createAdmin, login, resetDatabase, SAME_ORIGIN, type TTestApp } from './helpers.js';

const ALL_ROLES: TAdminRole[] = ['owner', 'editor', 'analyst'];

let t: TTestApp;
let operations: { method: string; path: string }[];
const cookies: Partial<Record<TAdminRole, string>> = {};

beforeAll(async () => {
  t = await buildTestApp();
  await resetDatabase(t.db);
  const document = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
  );
  for (const role of ALL_ROLES) cookies[role] = await login(t.app, (await createAdmin(t.db, role)).email);
});
afterAll(() => t.app.close());

/** OpenAPI path "/a/{id}" as the router pattern "/a/:id", and a concrete URL for it. */
const pattern = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
const concrete = (path: string) => path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');

describe('every route of the OpenAPI document', () => {
  it('declares who may call it', () => {
    expect(operations.length).toBeGreaterThan(5);
    for (const { method, path } of operations) {
      const declared = t.app.routeAccess.find((r) => r.method === method && r.url === pattern(path));
      expect(declared, `${method} ${path} has no access rule`).toBeDefined();
    }
  });

  it('answers 401 without a session on every administrator route, and 403 to every role it does not allow', async () => {
    const adminRoutes = t.app.routeAccess.filter((r) => typeof r.access === 'object');
    expect(adminRoutes.length).toBeGreaterThan(3);
    for (const route of adminRoutes) {
      if (typeof route.access !== 'object') continue;
      const url = concrete(route.url.replace(/:(\w+)/g, '{$1}'));
      const anonymous = await t.app.inject({ method: route.method as 'GET', url, headers: SAME_ORIGIN, payload: {} });
      expect(anonymous.statusCode, `${route.method} ${route.url} without a session`).toBe(401);
      for (const role of ALL_ROLES.filter(
        (r) => !(route.access as { roles: readonly TAdminRole[] }).roles.includes(r),
      )) {
        const refused = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: { ...SAME_ORIGIN, cookie: cookies[role] ?? '' },
          payload: {},
        });
        expect(refused.statusCode, `${route.method} ${route.url} as ${role}`).toBe(403);
      }
    }
  });

  it('makes the API refuse to start when a route declares no access rule', async () => {
    const { buildApp } = await import('../src/app.js');
    const app = await buildApp({ env: (await import('./helpers.js')).testEnv(), logStream: process.stderr });
    await expect(
      (async () => {
        app.get('/api/v1/undeclared', async () => ({}));
        await app.ready();
      })(),
    ).rejects.toThrow('declares no access rule');
    await app.close().catch(() => {});
  });
});

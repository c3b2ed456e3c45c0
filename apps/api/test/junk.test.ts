import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  createAdmin,
  databaseSnapshot,
  login,
  resetDatabase,
  SAME_ORIGIN,
  type TTestApp,
} from './helpers.js';

let t: TTestApp;
let cookie: string;

beforeAll(async () => {
  t = await buildTestApp();
  await resetDatabase(t.db);
  cookie = await login(t.app, (await createAdmin(t.db, 'owner')).email);
});
afterAll(() => t.app.close());

const junkValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.string({ maxLength: 300 }),
  fc.record(
    { email: fc.string(), name: fc.anything(), role: fc.string(), disabled: fc.anything() },
    { requiredKeys: [] },
  ),
);
const junkSegment = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.uuid(),
  fc.constant('00000000-0000-4000-8000-000000000000'),
);
const junkQuery = fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 40 }), { maxKeys: 4 });

describe('junk thrown at every administrator route', () => {
  it('never causes a 5xx and never changes the database', async () => {
    const routes = t.app.routeAccess.filter((r) => typeof r.access === 'object' && r.url !== '/api/v1/auth/logout');
    const before = await databaseSnapshot(t.db);
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(junkValue, junkSegment, junkQuery, fc.boolean(), async (body, segment, query, rawText) => {
          const url = route.url.replace(/:\w+/g, encodeURIComponent(segment) || 'x');
          const payload = rawText ? String(JSON.stringify(body) ?? '').slice(1) : JSON.stringify(body ?? null);
          const response = await t.app.inject({
            method: route.method as 'POST',
            url,
            query,
            headers: { ...SAME_ORIGIN, cookie, 'content-type': 'application/json' },
            ...(route.method === 'GET' ? {} : { payload }),
          });
          expect(response.statusCode, `${route.method} ${url}: ${response.body}`).toBeLessThan(500);
          if (route.method !== 'GET') expect(response.statusCode).toBeGreaterThanOrEqual(400);
        }),
        { numRuns: 60 },
      );
    }
    expect(await databaseSnapshot(t.db)).toEqual(before);
  });

  it('answers malformed JSON, a wrong content type and an oversized body with a clear 4xx problem', async () => {
    const post = (payload: string, contentType = 'application/json') =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/admin/administrators',
        headers: { ...SAME_ORIGIN, cookie, 'content-type': contentType },
        payload,
      });
    const malformed = await post('{"email": ');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    expect((await post('<email/>', 'application/xml')).statusCode).toBe(415);
    const huge = await post(JSON.stringify({ email: 'a@b.se', name: 'x'.repeat(2_000_000), role: 'editor' }));
    expect(huge.statusCode).toBe(413);
    const unknownField = await post(JSON.stringify({ email: 'a@b.se', name: 'A', role: 'editor', admin: true }));
    expect(unknownField.statusCode).toBe(422);
    expect(unknownField.json().errors[0].message).toMatch(/admin/);
  });
});

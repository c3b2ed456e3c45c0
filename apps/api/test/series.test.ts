import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, createAdmin, login, resetDatabase, SAME_ORIGIN, type TTestApp } from './helpers.js';

let t: TTestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.app.close());
beforeEach(() => resetDatabase(t.db));

describe('survey series', () => {
  it('are created by editors, audited, unique by name, and read by analysts', async () => {
    const editor = await login(t.app, (await createAdmin(t.db, 'editor')).email);
    const analyst = await login(t.app, (await createAdmin(t.db, 'analyst')).email);
    const create = (cookie: string, name: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/series', headers: { ...SAME_ORIGIN, cookie }, payload: { name } });

    expect((await create(editor, 'Socialtjänstenkäten')).statusCode).toBe(201);
    expect((await create(editor, 'Socialtjänstenkäten')).statusCode).toBe(409);
    expect((await create(analyst, 'Analytikerns enkät')).statusCode).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/series', headers: { cookie: analyst } });
    expect(list.json().series.map((s: { name: string }) => s.name)).toEqual(['Socialtjänstenkäten']);
    expect(await t.db.auditEvent.count({ where: { action: 'survey_series_created' } })).toBe(1);
  });
});

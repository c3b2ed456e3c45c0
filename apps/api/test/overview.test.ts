import { ZOverviewResponse, ZWave } from '@enkat/survey-schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoSurvey } from '../src/surveys/demo-data.js';
import { buildTestApp, createAdmin, login, resetDatabase, type TTestApp } from './helpers.js';
import { ANSWERS_2012, adminCaller, issueCodes, mixNow, publishedWave, submit } from './survey-helpers.js';

let t: TTestApp;
let cookie: string;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.app.close());
beforeEach(async () => {
  await resetDatabase(t.db);
  cookie = await login(t.app, (await createAdmin(t.db, 'editor')).email);
});

describe('the overview', () => {
  it('lists each series with its waves, answers and the population for the response rate', async () => {
    await seedDemoSurvey(t.db, t.app.keys);
    const analyst = await login(t.app, (await createAdmin(t.db, 'analyst')).email);
    const response = await adminCaller(t.app, analyst)('GET', '/api/v1/overview');
    expect(response.statusCode).toBe(200);
    const [demo] = ZOverviewResponse.parse(response.json()).series;
    expect(demo?.waves.map((w) => [w.name, w.state, w.responses, w.population])).toEqual([
      ['2012', 'closed', 185, 640],
      ['2026', 'draft', 0, null],
    ]);
  });

  it('counts an open wave’s answers only in steps of the minimum group', async () => {
    const wave = await publishedWave(t.app, cookie, { settings: { minGroupSize: 5 } });
    const { codes } = await issueCodes(t.app, cookie, wave.id, 12);
    for (const code of codes) {
      expect((await submit(t.app, wave.slug ?? '', { code, answers: ANSWERS_2012 })).statusCode).toBe(201);
    }
    // Twelve accepted, seven mixed (five stay waiting), shown as "at least 5".
    expect(await mixNow(t.app)).toBe(7);
    const overview = ZOverviewResponse.parse((await adminCaller(t.app, cookie)('GET', '/api/v1/overview')).json());
    const open = overview.series.flatMap((s) => s.waves).find((w) => w.id === wave.id);
    expect(open).toMatchObject({ state: 'open', responses: 5, population: 12 });
  });
});

describe('correcting an open wave', () => {
  it('moves the closing time and the number invited, audited, and nothing else', async () => {
    const wave = await publishedWave(t.app, cookie);
    const closesAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const call = adminCaller(t.app, cookie);
    const response = await call('PUT', `/api/v1/waves/${wave.id}/open-settings`, {
      revision: wave.revision,
      closesAt,
      invitedCount: 650,
    });
    expect(response.statusCode).toBe(200);
    const corrected = ZWave.parse(response.json());
    expect(corrected.settings).toEqual({ ...wave.settings, closesAt, invitedCount: 650 });
    expect(corrected.questionSet).toEqual(wave.questionSet);
    const audit = await t.db.auditEvent.findFirst({ where: { action: 'wave_corrected', objectId: wave.id } });
    expect(audit?.details).toEqual({
      closesAt: { from: wave.settings.closesAt ? new Date(wave.settings.closesAt).toISOString() : null, to: closesAt },
      invitedCount: { from: 640, to: 650 },
    });
  });

  it('refuses a closing time in the past, a stale revision, and a draft', async () => {
    const wave = await publishedWave(t.app, cookie);
    const call = adminCaller(t.app, cookie);
    const past = await call('PUT', `/api/v1/waves/${wave.id}/open-settings`, {
      revision: wave.revision,
      closesAt: new Date(Date.now() - 60_000).toISOString(),
      invitedCount: 640,
    });
    expect(past.statusCode).toBe(422);
    expect(past.json().errors[0].path).toBe('body.closesAt');
    const stale = await call('PUT', `/api/v1/waves/${wave.id}/open-settings`, {
      revision: wave.revision - 1,
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      invitedCount: 640,
    });
    expect(stale.statusCode).toBe(409);
    const draft = ZWave.parse(
      (
        await call('POST', '/api/v1/series', {
          name: 'Utkast',
          source: { kind: 'template', templateId: 'socialtjanst-2012' },
        })
      ).json(),
    );
    const refused = await call('PUT', `/api/v1/waves/${draft.id}/open-settings`, {
      revision: draft.revision,
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      invitedCount: 10,
    });
    expect(refused.statusCode).toBe(409);
    expect(await t.db.auditEvent.count({ where: { action: 'wave_corrected' } })).toBe(0);
  });
});

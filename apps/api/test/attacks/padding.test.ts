import { ZGetWaveResultsResponse } from '@enkat/survey-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createAdmin, login, resetDatabase, type TTestApp } from '../helpers.js';
import { ANSWERS_2012, adminCaller, publishedWave, submit } from '../survey-helpers.js';

/**
 * ATTACK (padding): an editor keeps codes, or issues more once the wave is open, and answers
 * with them 4 times in a group of 1, so the group shows with n = 5 and subtracting the 4
 * invented answers leaves the real person's. Either the wave forbids more codes once open
 * (the default for new waves), or every code issued after answering began is shown, with who
 * issued it, on the results and in every export's header lines; both are in the audit log.
 */

let t: TTestApp;
let editorEmail = '';
let editor: ReturnType<typeof adminCaller>;
let editorCookie = '';
let analyst: ReturnType<typeof adminCaller>;

beforeAll(async () => {
  t = await buildTestApp();
  await resetDatabase(t.db);
  editorEmail = (await createAdmin(t.db, 'editor')).email;
  editorCookie = await login(t.app, editorEmail);
  editor = adminCaller(t.app, editorCookie);
  analyst = adminCaller(t.app, await login(t.app, (await createAdmin(t.db, 'analyst')).email));
});
afterAll(() => t.app.close());

async function codes(waveId: string, count: number) {
  return editor('POST', `/api/v1/waves/${waveId}/codes`, { count });
}

describe('padding', () => {
  it('is forbidden by default: a new wave issues codes before it opens and none once it is open', async () => {
    const created = await editor('POST', '/api/v1/series', {
      name: 'Ny enkät',
      waveName: '2026',
      source: { kind: 'template', templateId: 'socialtjanst-2012' },
    });
    expect(created.json().settings.codesLockedWhenOpen).toBe(true);
    const later = await publishedWave(t.app, editorCookie, {
      opensInHours: 2,
      settings: { codesLockedWhenOpen: true },
    });
    expect((await codes(later.id, 5)).statusCode).toBe(201);
    const open = await publishedWave(t.app, editorCookie, { settings: { codesLockedWhenOpen: true } });
    const refused = await codes(open.id, 4);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ reason: 'codes_locked_when_open' });
    expect(await t.db.invitationCode.count({ where: { waveId: open.id } })).toBe(0);
    const audit = await t.db.auditEvent.findMany({ where: { objectId: open.id, action: 'codes_refused' } });
    expect(audit.map((a) => a.actorEmail)).toEqual([editorEmail]);
  });

  it('shows, where allowed, every code issued after answering began and who issued it, on the results and in every export', async () => {
    const wave = await publishedWave(t.app, editorCookie, { settings: { minGroupSize: 5 } });
    const before = await analyst('GET', `/api/v1/waves/${wave.id}/results`);
    expect(before.statusCode).toBe(409); // nothing answered yet
    const issued = await codes(wave.id, 10);
    expect(issued.statusCode).toBe(201);
    for (const code of issued.json().codes.slice(0, 6)) {
      expect((await submit(t.app, wave.slug ?? '', { code, answers: ANSWERS_2012 })).statusCode).toBe(201);
    }
    expect((await editor('POST', `/api/v1/waves/${wave.id}/close`)).statusCode).toBe(200);
    const results = ZGetWaveResultsResponse.parse((await analyst('GET', `/api/v1/waves/${wave.id}/results`)).json());
    expect(results.lateCodes.count).toBe(10);
    expect(results.lateCodes.batches).toEqual([
      { count: 10, issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), issuedBy: editorEmail },
    ]);
    for (const file of ['results.csv', 'results.xlsx', 'report.pdf', 'responses.csv', 'comments.csv']) {
      const download = await analyst('GET', `/api/v1/waves/${wave.id}/exports/${file}`);
      expect(download.statusCode, file).toBe(200);
      if (file.endsWith('.csv')) {
        const head = download.body.split('\r\n').slice(0, 8).join('\n');
        expect(head, file).toContain(`Koder utfärdade efter att svarandet började: 10 (10 `);
        expect(head, file).toContain(editorEmail);
      }
    }
    const audit = await t.db.auditEvent.findMany({ where: { objectId: wave.id, action: 'codes_issued' } });
    expect(audit.map((a) => a.actorEmail)).toEqual([editorEmail]);
  });
});

import { exportQuestionSet, TEMPLATE_2012, type TWave, ZWave } from '@enkat/survey-schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, createAdmin, databaseSnapshot, login, resetDatabase, type TTestApp } from './helpers.js';
import { adminCaller } from './survey-helpers.js';

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

const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  adminCaller(t.app, cookie)(method, url, payload);

async function fromTemplate(name = 'Socialtjänstenkäten', waveName = '2012'): Promise<TWave> {
  const response = await call('POST', '/api/v1/series', {
    name,
    waveName,
    source: { kind: 'template', templateId: 'socialtjanst-2012' },
  });
  expect(response.statusCode).toBe(201);
  return ZWave.parse(response.json());
}

const SETTINGS = {
  opensAt: '2012-03-22T00:00:00+01:00',
  closesAt: '2012-05-31T23:59:00+02:00',
  audience: 'Socialsekreterare och biståndsbedömare i Stockholms stad',
  invitedCount: 640,
  minGroupSize: 5,
  freeTextMinGroup: 10,
  accessMode: 'codes',
  anonymityNote: '',
  resultsBeforeClose: false,
};

describe('waves', () => {
  it('start from the 2012 template as a draft with its 12 questions', async () => {
    const wave = await fromTemplate();
    expect(wave).toMatchObject({ name: '2012', state: 'draft', revision: 1, contentHash: null });
    expect(wave.questionSet.sections.flatMap((s) => s.questions.map((q) => q.id))).toHaveLength(12);
  });

  it('save a draft only at the revision the editor saw (409 for the second of two editors)', async () => {
    const wave = await fromTemplate();
    const edited = structuredClone(wave.questionSet);
    const q2 = edited.sections[0]?.questions[1];
    if (q2) q2.text = 'De ekonomiska förutsättningarna gör det svårt att göra ett bra jobb.';
    const first = await call('PUT', `/api/v1/waves/${wave.id}/question-set`, { revision: 1, questionSet: edited });
    expect(first.statusCode).toBe(200);
    expect(first.json().revision).toBe(2);
    const second = await call('PUT', `/api/v1/waves/${wave.id}/question-set`, {
      revision: 1,
      questionSet: wave.questionSet,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toContain('Someone else saved this wave meanwhile');
    const now = ZWave.parse((await call('GET', `/api/v1/waves/${wave.id}`)).json());
    expect(now.questionSet.sections[0]?.questions[1]?.text).toContain('svårt');
  });

  it('refuse an invalid question set with a path to each bad field, changing nothing', async () => {
    const wave = await fromTemplate();
    const before = await databaseSnapshot(t.db);
    const broken = structuredClone(wave.questionSet) as unknown as {
      sections: { questions: Record<string, unknown>[] }[];
    };
    const q1 = broken.sections[0]?.questions[0];
    if (q1) q1.text = '';
    const response = await call('PUT', `/api/v1/waves/${wave.id}/question-set`, { revision: 1, questionSet: broken });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ path: 'body.questionSet.sections.0.questions.0.text' }),
    ]);
    expect(await databaseSnapshot(t.db)).toEqual(before);
  });

  it('check settings: closing after opening, minimum group 3–50 with a warning under 5', async () => {
    const wave = await fromTemplate();
    const bad = await call('PUT', `/api/v1/waves/${wave.id}/settings`, {
      revision: 1,
      settings: { ...SETTINGS, closesAt: '2012-03-01T00:00:00Z' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('body.settings.closesAt');
    // The free-text minimum can never be below the minimum group: a comment is read whole.
    const comments = await call('PUT', `/api/v1/waves/${wave.id}/settings`, {
      revision: 1,
      settings: { ...SETTINGS, minGroupSize: 8, freeTextMinGroup: 6 },
    });
    expect(comments.statusCode).toBe(422);
    expect(comments.json().errors[0].path).toBe('body.settings.freeTextMinGroup');
    expect(
      (
        await call('PUT', `/api/v1/waves/${wave.id}/settings`, {
          revision: 1,
          settings: { ...SETTINGS, minGroupSize: 2 },
        })
      ).statusCode,
    ).toBe(422);
    const low = await call('PUT', `/api/v1/waves/${wave.id}/settings`, {
      revision: 1,
      settings: { ...SETTINGS, minGroupSize: 4 },
    });
    expect(low.json().warnings).toHaveLength(1);
  });

  it('freeze at publishing: hashed, immutable, then only closable; a rerun keeps the ids and notes changed wording', async () => {
    const wave = await fromTemplate();
    expect((await call('POST', `/api/v1/waves/${wave.id}/publish`, { revision: 1 })).statusCode).toBe(422);
    await call('PUT', `/api/v1/waves/${wave.id}/settings`, { revision: 1, settings: SETTINGS });
    const published = ZWave.parse((await call('POST', `/api/v1/waves/${wave.id}/publish`, { revision: 2 })).json());
    expect(published.state).toBe('open');
    expect(published.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const edit = await call('PUT', `/api/v1/waves/${wave.id}/question-set`, {
      revision: published.revision,
      questionSet: wave.questionSet,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toContain('frozen');
    expect((await call('POST', `/api/v1/waves/${wave.id}/close`)).json().state).toBe('closed');

    const rerun = await call('POST', `/api/v1/series/${wave.series.id}/waves`, { name: '2026' });
    expect(rerun.statusCode).toBe(201);
    const next = ZWave.parse(rerun.json());
    const ids = (w: TWave) => w.questionSet.sections.flatMap((s) => s.questions.map((q) => q.id));
    expect(ids(next)).toEqual(ids(published));
    expect(next.wordingChanged).toEqual({ since: '2012', questionIds: [] });
    const edited = structuredClone(next.questionSet);
    const q5 = edited.sections[0]?.questions[4];
    if (q5) q5.text = 'I dag uppfyller vi lagens intentioner fullt ut.';
    const saved = ZWave.parse(
      (await call('PUT', `/api/v1/waves/${next.id}/question-set`, { revision: 1, questionSet: edited })).json(),
    );
    expect(saved.wordingChanged).toEqual({ since: '2012', questionIds: ['q5'] });
  });

  it('export as JSON that imports back into an identical question set', async () => {
    const wave = await fromTemplate();
    const exported = await call('GET', `/api/v1/waves/${wave.id}/export`);
    expect(exported.headers['content-disposition']).toContain('attachment');
    const imported = await call('POST', '/api/v1/series', {
      name: 'Kopia',
      waveName: '2026',
      source: { kind: 'import', document: exported.json() },
    });
    expect(imported.statusCode).toBe(201);
    const again = await call('GET', `/api/v1/waves/${imported.json().id}/export`);
    expect(again.body).toBe(exported.body);
  });

  it('refuse an import that is not a question set, is from a newer version, or is too large, creating nothing', async () => {
    const before = await databaseSnapshot(t.db);
    const importing = (document: unknown) =>
      call('POST', '/api/v1/series', { name: 'Import', source: { kind: 'import', document } });
    const notASet = await importing({ hello: 'world' });
    expect(notASet.statusCode).toBe(422);
    expect(notASet.json().detail).toContain('not a question set');
    const newer = await importing({ ...exportQuestionSet(TEMPLATE_2012), schemaVersion: 99 });
    expect(newer.json().detail).toContain('newer version');
    const invalid = await importing({
      ...exportQuestionSet(TEMPLATE_2012),
      questionSet: { ...TEMPLATE_2012, sections: [] },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors[0].path).toBe('body.source.document.questionSet.sections');
    const huge = await importing({ ...exportQuestionSet(TEMPLATE_2012), padding: 'x'.repeat(600_000) });
    expect(huge.statusCode).toBe(413);
    expect(await databaseSnapshot(t.db)).toEqual(before);
  });
});

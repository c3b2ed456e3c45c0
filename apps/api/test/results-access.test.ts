import { ZGetWaveResultsResponse, ZListCommentsResponse } from '@enkat/survey-schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, createAdmin, databaseSnapshot, login, resetDatabase, type TTestApp } from './helpers.js';
import { ANSWERS_2012, adminCaller, closeWaveNow, mixNow, publishedWave, submit } from './survey-helpers.js';

/** Who may see which results when, and what bad requests get. */

let t: TTestApp;
let editor: ReturnType<typeof adminCaller>;
let analyst: ReturnType<typeof adminCaller>;
let editorCookie: string;

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.app.close());
beforeEach(async () => {
  await resetDatabase(t.db);
  editorCookie = await login(t.app, (await createAdmin(t.db, 'editor')).email);
  editor = adminCaller(t.app, editorCookie);
  analyst = adminCaller(t.app, await login(t.app, (await createAdmin(t.db, 'analyst')).email));
});

/** A wave answered `count` times, then closed (which mixes every answer) unless `open`. */
async function answered(count: number, settings: { resultsBeforeClose: boolean }, options: { open?: boolean } = {}) {
  const wave = await publishedWave(t.app, editorCookie, { accessMode: 'open_link', name: 'Synlighet', settings });
  for (let i = 0; i < count; i++) {
    const answers = { ...ANSWERS_2012, q9: 'socialsekreterare', q7: `Kommentar ${i}` };
    expect((await submit(t.app, wave.slug ?? '', { answers })).statusCode).toBe(201);
  }
  if (!options.open) await closeWaveNow(t.app, editorCookie, wave.id);
  return wave;
}

describe('results of an open wave', () => {
  it('stay hidden until it closes unless the editor allowed otherwise', async () => {
    const wave = await answered(6, { resultsBeforeClose: false }, { open: true });
    await mixNow(t.app);
    for (const url of [`/api/v1/waves/${wave.id}/results`, `/api/v1/waves/${wave.id}/comments/q7`]) {
      const hidden = await analyst('GET', url);
      expect(hidden.statusCode).toBe(409);
      expect(hidden.json()).toMatchObject({ code: 'conflict', reason: 'results_after_close' });
    }
    expect((await editor('POST', `/api/v1/waves/${wave.id}/close`)).statusCode).toBe(200);
    const shown = await analyst('GET', `/api/v1/waves/${wave.id}/results`);
    expect(shown.statusCode).toBe(200);
    expect(ZGetWaveResultsResponse.parse(shown.json())).toMatchObject({ responses: 6, withheld: null });
  });

  it('show before closing, when allowed, once a mixed batch of the minimum group is in', async () => {
    // Nine accepted answers: the mixer keeps the minimum group (5) waiting, so none is mixed.
    const wave = await answered(9, { resultsBeforeClose: true }, { open: true });
    expect(await mixNow(t.app)).toBe(0);
    const early = await analyst('GET', `/api/v1/waves/${wave.id}/results`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ reason: 'results_too_few_responses' });
    expect(JSON.stringify(early.json())).not.toMatch(/"count"/);
    expect((await submit(t.app, wave.slug ?? '', { answers: ANSWERS_2012 })).statusCode).toBe(201);
    expect(await mixNow(t.app)).toBe(5);
    const shown = await analyst('GET', `/api/v1/waves/${wave.id}/results`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ wave: { state: 'open' }, responses: 5 });
  });

  it('do not exist for a draft, and an unknown wave is 404', async () => {
    const created = await editor('POST', '/api/v1/series', { name: 'Utkast', waveName: '2026' });
    const draft = await analyst('GET', `/api/v1/waves/${created.json().id}/results`);
    expect(draft.json()).toMatchObject({ status: 409, reason: 'results_draft' });
    const unknown = await analyst('GET', '/api/v1/waves/00000000-0000-4000-8000-000000000000/results');
    expect(unknown.statusCode).toBe(404);
  });
});

describe('bad requests for results', () => {
  it('get a 4xx problem naming the field, and change nothing', async () => {
    const wave = await answered(5, { resultsBeforeClose: true });
    const before = await databaseSnapshot(t.db);
    const cases: [string, number, string | undefined][] = [
      ['?breakdown=q99', 422, 'querystring.breakdown'], // no such question
      ['?breakdown=q2', 422, 'querystring.breakdown'], // not a background question
      ['?breakdown=Q%209', 422, 'querystring.breakdown'], // not an id at all
      ['?lang=de', 422, 'querystring.lang'],
      ['?sort=count', 422, 'querystring'], // unknown parameter
    ];
    for (const [query, status, path] of cases) {
      const response = await analyst('GET', `/api/v1/waves/${wave.id}/results${query}`);
      expect(response.statusCode, query).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      if (path) expect(response.json().errors?.[0]?.path, query).toMatch(new RegExp(`^${path.replace('.', '\\.')}`));
    }
    expect((await analyst('GET', '/api/v1/waves/not-a-uuid/results')).statusCode).toBe(422);
    expect((await analyst('GET', `/api/v1/waves/${wave.id}/comments/q2`)).statusCode).toBe(404);
    expect((await analyst('GET', `/api/v1/waves/${wave.id}/comments/q99`)).statusCode).toBe(404);
    expect((await analyst('GET', `/api/v1/waves/${wave.id}/comments/q7?flag=yes`)).statusCode).toBe(422);
    expect((await analyst('GET', '/api/v1/series/00000000-0000-4000-8000-000000000000/trend')).statusCode).toBe(404);
    expect(await databaseSnapshot(t.db)).toEqual(before);
  });

  it('answer in the asked language, defaulting to the survey’s', async () => {
    const wave = await answered(5, { resultsBeforeClose: true });
    const q2 = async (query: string) =>
      ZGetWaveResultsResponse.parse(
        (await analyst('GET', `/api/v1/waves/${wave.id}/results${query}`)).json(),
      ).questions.find((q) => q.questionId === 'q2');
    expect(await q2('')).toMatchObject({ agreement: { allAnswers: { label: 'Andel av alla som svarade' } } });
    expect(await q2('?lang=en')).toMatchObject({ agreement: { allAnswers: { label: 'Share of all who answered' } } });
  });
});

describe('comments', () => {
  it('come in a new random order each time, with ids that are not the responses’ ids', async () => {
    const wave = await answered(12, { resultsBeforeClose: true });
    const orders = new Set<string>();
    let ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const list = ZListCommentsResponse.parse((await analyst('GET', `/api/v1/waves/${wave.id}/comments/q7`)).json());
      expect(list.comments).toHaveLength(12);
      orders.add(list.comments.map((c) => c.text).join('|'));
      ids = list.comments.map((c) => c.id);
      expect(Object.keys(list.comments[0] ?? {}).sort()).toEqual(['id', 'text']);
    }
    expect(orders.size).toBeGreaterThan(1);
    const responseIds = (await t.db.response.findMany({ select: { id: true } })).map((r) => r.id);
    for (const id of ids) expect(responseIds).not.toContain(id);
  });

  it('flag possible personal data, with the names an editor listed', async () => {
    const wave = await publishedWave(t.app, editorCookie, {
      accessMode: 'open_link',
      settings: { resultsBeforeClose: true, freeTextMinGroup: 5 },
    });
    const texts = [
      'Ring mig på 070-123 45 67 eller skriv till a.b@example.se',
      'Fråga Karin Exempelsson, hon vet',
      'Inget särskilt att tillägga',
      'Mitt personnummer 121212-1212',
      'Bra enkät',
    ];
    for (const q12 of texts) expect((await submit(t.app, wave.slug ?? '', { answers: { q12 } })).statusCode).toBe(201);
    await closeWaveNow(t.app, editorCookie, wave.id);
    const names = await editor('PUT', `/api/v1/waves/${wave.id}/redaction-names`, {
      names: ['Karin Exempelsson', 'karin exempelsson'],
    });
    expect(names.json()).toEqual({ names: ['Karin Exempelsson'] });
    expect((await editor('GET', `/api/v1/waves/${wave.id}/redaction-names`)).json()).toEqual({
      names: ['Karin Exempelsson'],
    });
    expect((await analyst('PUT', `/api/v1/waves/${wave.id}/redaction-names`, { names: [] })).statusCode).toBe(403);
    const list = ZListCommentsResponse.parse(
      (await analyst('GET', `/api/v1/waves/${wave.id}/comments/q12?flag=1`)).json(),
    );
    const flagged = Object.fromEntries(
      list.comments.map((c) => [c.text, (c.flags ?? []).map((f) => [f.kind, c.text.slice(f.start, f.end)])]),
    );
    expect(flagged).toEqual({
      [texts[0] as string]: [
        ['phone', '070-123 45 67'],
        ['email', 'a.b@example.se'],
      ],
      [texts[1] as string]: [['name', 'Karin Exempelsson']],
      [texts[2] as string]: [],
      [texts[3] as string]: [['personnummer', '121212-1212']],
      [texts[4] as string]: [],
    });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: 'redaction_names_saved' } });
    expect(JSON.stringify(audit)).not.toMatch(/karin/i);
  });

  it('are redacted by editors, whole or in part, recorded in the audit log without the text', async () => {
    const wave = await answered(10, { resultsBeforeClose: true });
    const url = `/api/v1/waves/${wave.id}/comments/q7`;
    const [first, second] = ZListCommentsResponse.parse((await analyst('GET', url)).json()).comments;
    if (!first || !second) throw new Error('no comments');
    const span = { start: 0, end: 'Kommentar'.length, text: 'Kommentar' };

    expect((await analyst('POST', `${url}/redact`, { comment: first.id, span })).statusCode).toBe(403);
    const before = await databaseSnapshot(t.db);
    const stale = await editor('POST', `${url}/redact`, { comment: first.id, span: { ...span, text: 'Kommentaz' } });
    expect(stale.statusCode).toBe(409);
    const elsewhere = await editor('POST', `/api/v1/waves/${wave.id}/comments/q12/redact`, { comment: first.id });
    expect(elsewhere.statusCode).toBe(404);
    const bad = await editor('POST', `${url}/redact`, {
      comment: first.id,
      span: { start: 0, end: 3, text: 'Kommentar' },
    });
    expect(bad.statusCode).toBe(422);
    expect(await databaseSnapshot(t.db)).toEqual(before);

    const part = await editor('POST', `${url}/redact`, { comment: first.id, span });
    expect(part.statusCode).toBe(200);
    expect(part.json()).toEqual({ id: first.id, text: first.text.replace('Kommentar', '[borttaget]') });
    const whole = await editor('POST', `${url}/redact`, { comment: second.id });
    expect(whole.json()).toEqual({ id: second.id, text: '[borttaget]' });

    const texts = ZListCommentsResponse.parse((await analyst('GET', url)).json()).comments.map((c) => c.text);
    expect(texts).toContain('[borttaget]');
    expect(texts).toContain(first.text.replace('Kommentar', '[borttaget]'));
    expect(texts).not.toContain(first.text);
    expect(texts).not.toContain(second.text);
    const events = await t.db.auditEvent.findMany({ where: { action: 'comment_redacted' }, orderBy: { at: 'asc' } });
    expect(events.map((e) => [e.objectType, e.objectId, e.details])).toEqual([
      ['wave', wave.id, { questionId: 'q7', part: 'span' }],
      ['wave', wave.id, { questionId: 'q7', part: 'whole' }],
    ]);
    expect(JSON.stringify(events)).not.toContain('Kommentar');
  });
});

import { type TIssuedCodes, type TWave, type TWaveSettings, ZIssuedCodes, ZWave } from '@enkat/survey-schema';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { mixRound } from '../src/mixing/mixer.js';
import { SAME_ORIGIN } from './helpers.js';

export type TOpenWaveOptions = {
  accessMode?: 'codes' | 'open_link';
  name?: string;
  opensInHours?: number;
  /** Any other settings (minimum groups, results before closing …). */
  settings?: Partial<TWaveSettings>;
};

/** An administrator's API calls, with their session cookie and a same-origin browser's headers. */
export function adminCaller(app: FastifyInstance, cookie: string) {
  return (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { ...SAME_ORIGIN, cookie },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
}

/** A series made from the 2012 template with one published wave, open now unless told otherwise. */
export async function publishedWave(
  app: FastifyInstance,
  cookie: string,
  {
    accessMode = 'codes',
    name = `Enkät ${Math.random()}`,
    opensInHours = -1,
    settings: more = {},
  }: TOpenWaveOptions = {},
): Promise<TWave> {
  const call = adminCaller(app, cookie);
  const created = await call('POST', '/api/v1/series', {
    name,
    waveName: '2026',
    source: { kind: 'template', templateId: 'socialtjanst-2012' },
  });
  expect(created.statusCode).toBe(201);
  const wave = ZWave.parse(created.json());
  const hour = 3_600_000;
  const settings = await call('PUT', `/api/v1/waves/${wave.id}/settings`, {
    revision: wave.revision,
    settings: {
      ...wave.settings,
      opensAt: new Date(Date.now() + opensInHours * hour).toISOString(),
      closesAt: new Date(Date.now() + (opensInHours + 48) * hour).toISOString(),
      accessMode,
      invitedCount: 640,
      // The waves here open an hour ago and get their codes after: allow that unless a test asks.
      codesLockedWhenOpen: false,
      ...more,
    },
  });
  expect(settings.statusCode).toBe(200);
  const published = await call('POST', `/api/v1/waves/${wave.id}/publish`, { revision: wave.revision + 1 });
  expect(published.statusCode).toBe(200);
  return ZWave.parse(published.json());
}

export async function issueCodes(app: FastifyInstance, cookie: string, waveId: string, count: number) {
  const response = await adminCaller(app, cookie)('POST', `/api/v1/waves/${waveId}/codes`, { count });
  expect(response.statusCode).toBe(201);
  return ZIssuedCodes.parse(response.json()) satisfies TIssuedCodes;
}

/** A respondent's submission, as the form sends it (same origin, no cookie). */
export function submit(
  app: FastifyInstance,
  slug: string,
  body: { idempotencyKey?: string; code?: string; answers: Record<string, unknown> },
) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/respond/${slug}/responses`,
    headers: SAME_ORIGIN,
    payload: { idempotencyKey: crypto.randomUUID(), ...body },
  });
}

/** A complete, valid answer set to the 2012 template. */
export const ANSWERS_2012 = {
  q1: 'ja',
  q2: 's1',
  q3: 's2',
  q4: 'dont-know',
  q5: 's2',
  q6: 's4',
  q7: 'Budget verkar gå före klientens behov',
};

/** One round of the mixer, as an API process runs it every second. */
export async function mixNow(app: FastifyInstance): Promise<number> {
  return mixRound(app.db, app.keys);
}

/** Closes a wave through the API (which mixes every pending answer). */
export async function closeWaveNow(app: FastifyInstance, cookie: string, waveId: string) {
  const response = await adminCaller(app, cookie)('POST', `/api/v1/waves/${waveId}/close`);
  expect(response.statusCode, response.body).toBe(200);
}

import { type TAnswers, type TProblem, type TRespondentWave, ZProblem, ZRespondentWave } from '@enkat/survey-schema';
import { webEnv } from '../env';

export type TApiResult<T> = { ok: true; value: T } | { ok: false; problem: TProblem | null };

/**
 * The respondent pages' calls to the API, made from this server. The browser's own
 * Origin and Sec-Fetch-Site headers go along, so the API's CSRF check judges the form the
 * respondent actually sent; nothing else about the browser does.
 */
async function call<T>(
  path: string,
  browser: Headers,
  body?: unknown,
  parse: (json: unknown) => T = (json) => json as T,
): Promise<TApiResult<T>> {
  const headers: Record<string, string> = {};
  for (const name of ['origin', 'sec-fetch-site']) {
    const value = browser.get(name);
    if (value) headers[name] = value;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    const response = await fetch(`${webEnv().API_URL}/api/v1/respond/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      cache: 'no-store',
    });
    if (response.ok) return { ok: true, value: response.status === 204 ? (null as T) : parse(await response.json()) };
    const problem = ZProblem.safeParse(await response.json().catch(() => null));
    return { ok: false, problem: problem.success ? problem.data : null };
  } catch {
    return { ok: false, problem: null };
  }
}

export const fetchRespondentWave = (slug: string, browser: Headers) =>
  call<TRespondentWave>(slug, browser, undefined, (json) => ZRespondentWave.parse(json));

export const checkCode = (slug: string, browser: Headers, code: string) =>
  call<null>(`${slug}/code-check`, browser, { code });

export const submitAnswers = (
  slug: string,
  browser: Headers,
  body: { idempotencyKey: string; code?: string; answers: TAnswers },
) => call<unknown>(`${slug}/responses`, browser, body);

import { type TAnswers, type TRespondentWave, ZRespondentWave } from '@enkat/survey-schema';
import { fetchApi } from '../lib/server-api';

/**
 * The respondent pages' calls to the API, made from this server. The browser's own
 * Origin and Sec-Fetch-Site headers go along, so the API's CSRF check judges the form the
 * respondent actually sent; nothing else about the browser does.
 */
function call<T>(path: string, browser: Headers, body: unknown, parse: (json: unknown) => T) {
  const headers: Record<string, string> = {};
  for (const name of ['origin', 'sec-fetch-site']) {
    const value = browser.get(name);
    if (value) headers[name] = value;
  }
  return fetchApi(`/api/v1/respond/${path}`, { headers, body }, parse);
}

export const fetchRespondentWave = (slug: string, browser: Headers) =>
  call(slug, browser, undefined, (json) => ZRespondentWave.parse(json) satisfies TRespondentWave);

export const checkCode = (slug: string, browser: Headers, code: string) =>
  call(`${slug}/code-check`, browser, { code }, () => null);

export const submitAnswers = (
  slug: string,
  browser: Headers,
  body: { idempotencyKey: string; code?: string; answers: TAnswers },
) => call(`${slug}/responses`, browser, body, (json) => json);

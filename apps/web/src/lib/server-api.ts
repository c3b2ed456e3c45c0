import { type TProblem, ZMeResponse, ZProblem } from '@enkat/survey-schema';
import { cookies } from 'next/headers';
import { cache } from 'react';
import type { z } from 'zod';
import { webEnv } from '../env';
import { MESSAGES, type TLanguage } from './messages';

export type TServerResult<T> = { ok: true; value: T } | { ok: false; problem: TProblem | null };

/**
 * A call from this server to the API: JSON in and out, problems parsed; an unreachable API or
 * an answer that does not parse comes back as a result without a problem (never thrown).
 */
export async function fetchApi<T>(
  path: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: unknown },
  parse: (json: unknown) => T,
): Promise<TServerResult<T>> {
  const response = await fetch(`${webEnv().API_URL}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    cache: 'no-store',
  }).catch(() => null);
  if (!response) return { ok: false, problem: null };
  if (!response.ok) {
    const problem = ZProblem.safeParse(await response.json().catch(() => null));
    return { ok: false, problem: problem.success ? problem.data : null };
  }
  try {
    return { ok: true, value: parse(response.status === 204 ? null : await response.json()) };
  } catch {
    return { ok: false, problem: null };
  }
}

/**
 * A GET to the API from a server-rendered admin page, as the administrator: their session
 * cookie goes along, so the API applies exactly the same access rules as for the browser.
 */
export async function serverApi<T extends z.ZodType>(path: string, schema: T): Promise<TServerResult<z.infer<T>>> {
  const jar = await cookies();
  return fetchApi(path, { headers: { cookie: jar.toString() } }, (json) => schema.parse(json));
}

/** The administrator's language on a server-rendered page (the same cookie the client reads). */
export async function adminLanguage(): Promise<TLanguage> {
  return (await cookies()).get('enkat_lang')?.value === 'en' ? 'en' : 'sv';
}

/** The logged-in administrator, asked once per request however many server components need it. */
export const currentAdmin = cache(() => serverApi('/api/v1/auth/me', ZMeResponse));

/** The language and its messages of a server-rendered admin page. */
export async function adminMessages() {
  const language = await adminLanguage();
  return { language, m: MESSAGES[language] };
}

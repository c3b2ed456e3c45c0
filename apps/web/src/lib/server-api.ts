import { type TProblem, ZProblem } from '@enkat/survey-schema';
import { cookies } from 'next/headers';
import type { z } from 'zod';
import { webEnv } from '../env';
import type { TLanguage } from './messages';

export type TServerResult<T> = { ok: true; value: T } | { ok: false; problem: TProblem | null };

/**
 * A GET to the API from a server-rendered admin page, as the administrator: their session
 * cookie goes along, so the API applies exactly the same access rules as for the browser.
 */
export async function serverApi<T extends z.ZodType>(path: string, schema: T): Promise<TServerResult<z.infer<T>>> {
  const jar = await cookies();
  const response = await fetch(`${webEnv().API_URL}${path}`, {
    headers: { cookie: jar.toString() },
    cache: 'no-store',
  }).catch(() => null);
  if (!response) return { ok: false, problem: null };
  if (!response.ok) {
    const problem = ZProblem.safeParse(await response.json().catch(() => null));
    return { ok: false, problem: problem.success ? problem.data : null };
  }
  return { ok: true, value: schema.parse(await response.json()) };
}

/** The administrator's language on a server-rendered page (the same cookie the client reads). */
export async function adminLanguage(): Promise<TLanguage> {
  return (await cookies()).get('enkat_lang')?.value === 'en' ? 'en' : 'sv';
}

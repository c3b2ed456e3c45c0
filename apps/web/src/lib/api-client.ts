'use client';

import { type TProblem, ZProblem } from '@enkat/survey-schema';
import type { z } from 'zod';
import { MESSAGES, type TLanguage } from './messages';
import { problemText } from './problem-text';

/** An API error as the problem+json body described it. */
export class ApiError extends Error {
  constructor(readonly problem: TProblem) {
    super(problem.detail ?? problem.title);
  }
  get status() {
    return this.problem.status;
  }
  /** A CSRF refusal: the request did not come from this site's own pages. */
  get crossOrigin() {
    return this.problem.reason === 'cross_origin';
  }
}

/** Calls the API on this origin (the session cookie goes along) and parses the answer with schema. */
export async function api<T extends z.ZodType>(
  path: string,
  schema: T,
  init: { method?: string; body?: unknown } = {},
): Promise<z.infer<T>> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (!response.ok) {
    const problem = ZProblem.safeParse(await response.json().catch(() => null));
    throw new ApiError(
      problem.success
        ? problem.data
        : { type: 'about:blank', title: response.statusText, status: response.status, code: 'internal_error' },
    );
  }
  if (response.status === 204) return schema.parse(null);
  return schema.parse(await response.json());
}

/** What went wrong, in the page's language (the API's own words are English). */
export function errorText(error: unknown, language: TLanguage): string {
  return error instanceof ApiError ? problemText(error.problem, language) : MESSAGES[language].error;
}
